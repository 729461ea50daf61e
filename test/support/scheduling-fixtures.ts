/** Small builders for tests and benchmarks: a site open on weekdays, a qualified NMT therapist. */
import type { Credential } from '../../src/scheduling/credentials.ts';
import type { OpeningHours, SiteSchedule, TherapistSchedule, WeekdayKey } from '../../src/scheduling/types.ts';

export function weekdayHours(
  open = '08:00',
  close = '18:00',
  days: number[] = [1, 2, 3, 4, 5],
): Record<WeekdayKey, OpeningHours[]> {
  const hours = { '0': [], '1': [], '2': [], '3': [], '4': [], '5': [], '6': [] } as Record<WeekdayKey, OpeningHours[]>;
  for (const day of days) hours[String(day) as WeekdayKey] = [{ open, close }];
  return hours;
}

export function makeSite(overrides: Partial<SiteSchedule> & { locationId: string }): SiteSchedule {
  return {
    timeZone: 'America/Los_Angeles',
    state: 'WA',
    hours: weekdayHours(),
    closures: [],
    rooms: [{ id: `${overrides.locationId}-r1`, active: true }],
    ...overrides,
  };
}

export function nmtCredentials(state = 'WA', expiresOn: string | null = '2030-12-31'): Credential[] {
  return [
    { kind: 'licence', type: 'LMT', issuer: state, issuedOn: '2015-01-01', expiresOn },
    { kind: 'certification', type: 'CNMT', issuer: 'NMT Center', issuedOn: '2018-06-01', expiresOn: null },
  ];
}

export function makeTherapist(overrides: Partial<TherapistSchedule> & { therapistId: string }): TherapistSchedule {
  return { discipline: 'nmt', credentials: nmtCredentials(), templates: [], exceptions: [], ...overrides };
}
