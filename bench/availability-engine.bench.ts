// Availability for 8 sites × 30 therapists each × 14 days (spanning the next US spring-forward
// change after the run's date), against ~100k bookings spread over that year. Synthetic data, deterministic
// (a seeded LCG).
import { time, withRatio } from './lib.ts';
import type { Timing } from './lib.ts';
import { BusyIndex, DEFAULT_SERVICES, findSlots } from '../src/scheduling/index.ts';
import { addDays, zonedWallTimeToInstant } from '../src/time/index.ts';
import { nextUsDstStart } from './lib.ts';
import type { AvailabilityQuery, Busy, SiteSchedule, TherapistSchedule } from '../src/scheduling/index.ts';
import { weekdayHours, nmtCredentials } from '../test/support/scheduling-fixtures.ts';

const MINUTE = 60_000;
/** The clocks go forward on this Sunday; the queried fortnight is laid around it. */
const DST = nextUsDstStart();
const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);
const ZONES = [
  ['America/Los_Angeles', 'WA'],
  ['America/Los_Angeles', 'OR'],
  ['America/Denver', 'CO'],
  ['America/Phoenix', 'AZ'],
  ['America/Chicago', 'IL'],
  ['America/Chicago', 'TX'],
  ['America/New_York', 'NY'],
  ['America/New_York', 'FL'],
] as const;

function lcg(seed: number) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

function buildData() {
  const random = lcg(42);
  const sites: SiteSchedule[] = ZONES.map(([timeZone, state], i) => ({
    locationId: `site-${i}`,
    timeZone,
    state,
    hours: weekdayHours('08:00', '20:00', [1, 2, 3, 4, 5, 6]),
    closures: [{ startsOn: addDays(DST, 5), endsOn: addDays(DST, 5) }].slice(0, i === 0 ? 1 : 0),
    rooms: Array.from({ length: 12 }, (_, r) => ({
      id: `site-${i}-room-${String(r).padStart(2, '0')}`,
      active: r !== 11,
    })),
  }));
  const therapists: TherapistSchedule[] = [];
  for (const [i, site] of sites.entries()) {
    for (let t = 0; t < 30; t++) {
      const start = t % 2 === 0 ? '08:00' : '12:00';
      const end = t % 2 === 0 ? '16:00' : '20:00';
      therapists.push({
        therapistId: `th-${i}-${String(t).padStart(2, '0')}`,
        discipline: 'nmt',
        credentials: nmtCredentials(site.state),
        templates: [1, 2, 3, 4, 5, 6]
          .filter((d) => (d + t) % 6 !== 0)
          .map((weekday) => ({ locationId: site.locationId, weekday: weekday as 1, start, end })),
        exceptions:
          t % 10 === 0
            ? [{ kind: 'time-off', start: utcMidnight(addDays(DST, -4)), end: utcMidnight(addDays(DST, -2)) }]
            : [],
      });
    }
  }
  // ~100k bookings over the change's year: each therapist ~1.6 a day on a random day of the year.
  const busy: Busy[] = [];
  const yearStart = `${DST.slice(0, 4)}-01-01`;
  for (let n = 0; n < 100_000; n++) {
    const siteIndex = Math.floor(random() * 8);
    const site = sites[siteIndex]!;
    const therapist = therapists[siteIndex * 30 + Math.floor(random() * 30)]!;
    const day = Math.floor(random() * 365);
    const date = addDays(yearStart, day);
    const quarter = 32 + Math.floor(random() * 44); // 08:00–18:45
    const startAt = zonedWallTimeToInstantCached(date, quarter, site.timeZone);
    const length = [30, 60, 60, 90][Math.floor(random() * 4)]! * MINUTE;
    busy.push({
      start: startAt,
      end: startAt + length,
      therapistId: therapist.therapistId,
      locationId: site.locationId,
      roomId: site.rooms[Math.floor(random() * 11)]!.id,
      patientId: `pt-${Math.floor(random() * 20_000)}`,
    });
  }
  return { sites, therapists, busy };
}

const zoneCache = new Map<string, number>();
function zonedWallTimeToInstantCached(date: string, quarter: number, zone: string): number {
  const key = `${date}|${zone}`;
  let midnight = zoneCache.get(key);
  if (midnight === undefined) {
    midnight = zonedWallTimeToInstant(date, '12:00', zone) - 12 * 60 * MINUTE; // noon is never in a gap
    zoneCache.set(key, midnight);
  }
  return midnight + quarter * 15 * MINUTE;
}

export async function run(): Promise<Timing[]> {
  const { sites, therapists, busy } = buildData();
  const query: AvailabilityQuery = {
    service: DEFAULT_SERVICES.find((s) => s.code === 'nmt-followup-60')!,
    from: addDays(DST, -6),
    to: addDays(DST, 7),
    now: utcMidnight(addDays(DST, -7)) + 12 * 60 * MINUTE,
    minNoticeMinutes: 120,
    horizonDays: 60,
    slotStepMinutes: 15,
    patientId: 'pt-17',
  };
  const window = { start: utcMidnight(addDays(DST, -7)), end: utcMidnight(addDays(DST, 9)) };
  const inRange = busy.filter((b) => b.end > window.start && b.start < window.end);
  const fullIndex = BusyIndex.from(busy);
  const data = { sites, therapists, busy: inRange };
  const slotCount = findSlots(query, data).length;

  const baseline = await time(
    'baseline: filter 100k bookings to the range',
    1000,
    () => busy.filter((b) => b.end > window.start && b.start < window.end).length,
  );
  const prefiltered = await time('findSlots, busy pre-filtered to the range', 1000, () => findSlots(query, data));
  const indexed = await time('findSlots, prebuilt BusyIndex of all 100k', 1000, () =>
    findSlots(query, { sites, therapists, busy: fullIndex }),
  );
  const oneSite = await time('findSlots, one site, one therapist', 1000, () =>
    findSlots({ ...query, locationIds: ['site-3'], therapistId: 'th-3-04' }, data),
  );
  const full = await time('findSlots, raw 100k array (narrowed, then indexed, per call)', 200, () =>
    findSlots(query, { sites, therapists, busy }),
  );
  return [
    { ...baseline, note: `${inRange.length} of ${busy.length} bookings in range` },
    { ...withRatio(prefiltered, baseline), note: `${slotCount} slots, 240 therapists, 8 sites, 14 days` },
    withRatio(indexed, baseline),
    withRatio(oneSite, baseline),
    { ...withRatio(full, baseline), note: 'one linear pass over 100k, then as pre-filtered' },
  ];
}
