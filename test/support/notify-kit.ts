import type { Queryable } from '../../src/store/database.ts';

/**
 * Test-only helpers: appointments inserted with SQL until the booking service exists. Not used by
 * the application; shared by the notify, calendar and link tests.
 */
export async function ensureService(
  db: Queryable,
  orgId: string,
  code: string,
  options: { isInitial?: boolean; name?: string; minutes?: number } = {},
): Promise<void> {
  await db.query(
    `INSERT INTO services (org_id, code, name, discipline, duration_minutes, is_initial)
      VALUES ($1, $2, $3, 'nmt', $4, $5)
     ON CONFLICT (org_id, code) DO NOTHING`,
    [
      orgId,
      code,
      options.name ?? (options.isInitial ? 'Initial NMT consultation' : 'NMT follow-up'),
      options.minutes ?? 60,
      options.isInitial ?? false,
    ],
  );
}

export interface TestAppointment {
  orgId: string;
  patientId: string;
  therapistId: string;
  locationId: string;
  serviceCode: string;
  start: Date;
  minutes?: number;
  status?: string;
}

export async function insertAppointment(
  db: Queryable,
  a: TestAppointment,
): Promise<{ id: string; start: Date; end: Date }> {
  const end = new Date(a.start.getTime() + (a.minutes ?? 60) * 60_000);
  const rows = await db.query<{ id: string }>(
    `INSERT INTO appointments (org_id, patient_id, therapist_id, location_id, service_code, status, during, blocks)
     VALUES ($1, $2, $3, $4, $5, $6, tstzrange($7, $8), tstzrange($7, $8)) RETURNING id`,
    [a.orgId, a.patientId, a.therapistId, a.locationId, a.serviceCode, a.status ?? 'booked', a.start, end],
  );
  return { id: rows[0]!.id, start: a.start, end };
}

/** The booking code's view of an appointment, as scheduleAppointmentMessages takes it. */
export function booked(a: TestAppointment & { id: string }) {
  const end = new Date(a.start.getTime() + (a.minutes ?? 60) * 60_000);
  return {
    id: a.id,
    orgId: a.orgId,
    patientId: a.patientId,
    therapistId: a.therapistId,
    locationId: a.locationId,
    serviceCode: a.serviceCode,
    start: a.start,
    end,
  };
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  location: string;
  status: string;
  sequence: number;
  tzid: string | null;
  /** DTSTART as written (the site's wall clock). */
  localStart: string;
  start: Date;
  end: Date;
}

/** Parses an iCalendar text with ical.js, registering its VTIMEZONEs so TZID times resolve to instants. */
export async function parseIcs(text: string): Promise<{ method: string | null; events: ParsedEvent[] }> {
  const { default: ICAL } = await import('ical.js');
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const dtstart = component.getFirstProperty('dtstart')!;
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      status: String(component.getFirstPropertyValue('status')),
      sequence: event.sequence,
      tzid: (dtstart.getParameter('tzid') as string | undefined) ?? null,
      localStart: event.startDate.toString(),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
    };
  });
  const method = calendar.getFirstPropertyValue('method');
  return { method: method ? String(method) : null, events };
}
