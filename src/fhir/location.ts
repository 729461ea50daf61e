import type { Location, LocationHoursOfOperation } from '@medplum/fhirtypes';
import { compact, recordIdentifier, ref, type FhirContext } from './base.ts';

export interface LocationInput {
  id: string;
  name: string;
  slug: string;
  address: { line1: string; line2: string | null; city: string; state: string; postalCode: string; country: string };
  phone: string | null;
  timeZone: string;
  /** Weekday "0" (Sunday) … "6" → opening intervals, local times HH:MM. */
  hours: Record<string, { open: string; close: string }[]>;
  active: boolean;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** FHIR times carry seconds. */
const time = (hhmm: string) => (hhmm.length === 5 ? `${hhmm}:00` : hhmm);

function hoursOf(hours: LocationInput['hours']): LocationHoursOfOperation[] {
  return DAYS.flatMap((day, i) =>
    (hours[String(i)] ?? []).map((interval) => ({
      daysOfWeek: [day],
      openingTime: time(interval.open),
      closingTime: time(interval.close),
    })),
  );
}

/** A site: address, phone, opening hours (in the site's own zone, named in the description). */
export function toLocation(ctx: FhirContext, site: LocationInput): Location {
  const a = site.address;
  return compact<Location>({
    resourceType: 'Location',
    id: site.id,
    identifier: [recordIdentifier(ctx, 'location', site.slug)],
    status: site.active ? 'active' : 'inactive',
    name: site.name,
    description: `Opening hours are local time (${site.timeZone}).`,
    mode: 'instance',
    telecom: site.phone ? [{ system: 'phone', value: site.phone, use: 'work' }] : undefined,
    address: {
      use: 'work',
      type: 'physical',
      line: [a.line1, ...(a.line2 ? [a.line2] : [])],
      city: a.city,
      state: a.state,
      postalCode: a.postalCode,
      country: a.country,
    },
    managingOrganization: ref('Organization', ctx.orgId),
    hoursOfOperation: hoursOf(site.hours),
  });
}
