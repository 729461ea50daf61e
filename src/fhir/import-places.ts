import { readAddress } from './import-people.ts';
import { contactPoints, EntryReader, identifierOf, isObject, list, text, type Json } from './import-read.ts';

/** Sites and payers read back from FHIR: the inverse of `location.ts` and `toPayerOrganization`. */

export interface LocationDraft {
  name: string;
  slug: string;
  address: { line1: string; line2: string | null; city: string; state: string; postalCode: string; country: string };
  phone: string | null;
  timeZone: string;
  hours: Record<string, { open: string; close: string }[]>;
  active: boolean;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/**
 * The site's zone: the timezone extension, else the zone Knotwork's export names in the description
 * ("Opening hours are local time (America/Chicago)."), else the organisation's.
 */
function zoneOf(reader: EntryReader, orgTimeZone: string): string {
  const extension = list(reader.r.extension).find((e) => e.url === TIMEZONE_EXTENSION);
  const named =
    text(extension?.valueCode) ?? /\(([A-Za-z_]+(?:\/[A-Za-z_+-]+)+)\)/.exec(String(reader.r.description ?? ''))?.[1];
  if (!named) return orgTimeZone;
  return reader.zone(named, extension ? 'extension' : 'description') ?? orgTimeZone;
}

export function readLocation(reader: EntryReader, orgTimeZone: string): LocationDraft {
  const r = reader.r;
  const name = reader.required(r.name, 'name', 'the name of the site');
  const slug = identifierOf(r, 'location') ?? slugOf(name);
  if (name && !/^[a-z0-9-]{2,60}$/.test(slug))
    reader.problem(
      'identifier',
      'the site’s short name (its identifier) is 2 to 60 lowercase letters, digits or dashes.',
    );
  const hours: LocationDraft['hours'] = {};
  list(r.hoursOfOperation).forEach((h, i) => {
    const open = reader.time(h.openingTime, `hoursOfOperation[${i}].openingTime`, 'the opening time');
    const close = reader.time(h.closingTime, `hoursOfOperation[${i}].closingTime`, 'the closing time');
    if (!open || !close) return;
    for (const day of Array.isArray(h.daysOfWeek) ? h.daysOfWeek : []) {
      const weekday = DAYS.indexOf(String(day));
      if (weekday < 0)
        reader.problem(`hoursOfOperation[${i}].daysOfWeek`, `"${String(day).slice(0, 10)}" is not a day of the week.`);
      else (hours[String(weekday)] ??= []).push({ open, close });
    }
  });
  // Location.address is one Address in R4; a list is read for its first.
  const address = isObject(r.address) ? r.address : list(r.address)[0];
  if (!address) reader.problem('address', 'the site’s address is missing.');
  const read = address ? readAddress(reader, address, 'address') : null;
  return {
    name,
    slug,
    address: read
      ? { ...read, line2: read.line2 ?? null, country: read.country ?? 'US' }
      : { line1: '', line2: null, city: '', state: '', postalCode: '', country: 'US' },
    phone: contactPoints(r.telecom).phone,
    timeZone: zoneOf(reader, orgTimeZone),
    hours,
    active: r.status !== 'inactive',
  };
}

export interface PayerDraft {
  name: string;
  electronicId: string | null;
  kind: 'auto' | 'workers-comp' | 'commercial' | 'medicare' | 'other';
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  phone: string | null;
}

/** The payer kind from the words Knotwork's export writes as the type's text. */
const KIND_BY_TEXT: Record<string, PayerDraft['kind']> = {
  'auto insurer': 'auto',
  "workers' compensation carrier": 'workers-comp',
  'health plan': 'commercial',
  medicare: 'medicare',
};

/** Whether an Organization is a payer (organization-type "pay"), the only kind Knotwork imports. */
export function isPayer(r: Json): boolean {
  return list(r.type).some((t) => list(t.coding).some((c) => c.code === 'pay'));
}

export function readPayer(reader: EntryReader): PayerDraft {
  const r = reader.r;
  if (!isPayer(r))
    reader.problem(
      'type',
      'Knotwork imports payers only: an Organization whose type is "pay" (an insurer).',
      'not-supported',
    );
  const typeText = text(list(r.type)[0]?.text)?.toLowerCase() ?? '';
  const address = list(r.address)[0];
  const lines = Array.isArray(address?.line) ? address.line : [];
  return {
    name: reader.required(r.name, 'name', 'the payer’s name'),
    electronicId: identifierOf(r, 'payer-electronic-id'),
    kind: KIND_BY_TEXT[typeText] ?? 'other',
    addressLine1: text(lines[0]),
    addressLine2: text(lines[1]),
    city: text(address?.city),
    state: text(address?.state),
    postalCode: text(address?.postalCode),
    phone: contactPoints(r.telecom).phone,
  };
}
