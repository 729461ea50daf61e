/**
 * Demo scheduling: the service catalogue, weekly templates for every demo therapist at their sites,
 * a few exceptions, and a realistic spread of appointments over the past 8 weeks (mostly completed)
 * and the next 3 (booked). Slots come from the availability engine itself, so every appointment
 * respects hours, closures, shifts, credentials and buffers; a greedy pass in start order keeps
 * therapists, rooms and patients free of overlaps. Deterministic for a seed and a date.
 */
import { findSlots, type Slot } from '../scheduling/index.ts';
import { addDays, zonedWallTimeToInstant } from '../time/index.ts';
import { ensureServiceRow, loadCatalogue, toServiceDef } from '../services/booking/catalogue.ts';
import { loadSchedule } from '../services/booking/loader.ts';
import type { Database, Queryable } from '../store/database.ts';
import { insertRows } from './insert.ts';
import { createRandom, demoUuid, deriveSeed, type Random } from './random.ts';
import { TIME_ZONE } from './sites.ts';

export interface SeedScheduleOptions {
  orgId: string;
  seed: number;
  today: string;
}

export interface ScheduleSummary {
  services: number;
  templates: number;
  exceptions: number;
  appointments: number;
  pastAppointments: number;
  futureAppointments: number;
}

const PAST_DAYS = 56;
const FUTURE_DAYS = 21;
/** Demo-only: the share of each free 15-minute start taken, which fills a day about halfway. */
const TAKE_CHANCE = 0.07;
/** How long before a visit the demo patient booked it. */
const BOOKED_AHEAD_MS = 14 * 86_400_000;
/** Demo-only list prices in cents, so patients see what a visit costs while booking. */
const DEMO_PRICES: Record<string, number> = {
  'nmt-initial-60': 13500,
  'nmt-initial-90': 18500,
  'nmt-followup-30': 6500,
  'nmt-followup-60': 11500,
  'nmt-maintenance-60': 10500,
  'chiro-adjustment-30': 7500,
  'acupuncture-60': 11000,
  'corrective-exercise-45': 8500,
};

interface SiteRow {
  id: string;
  hours: Record<string, { open: string; close: string }[]>;
}
interface TherapistRow {
  id: string;
  locationIds: string[];
}

async function weeklyTemplates(db: Queryable, orgId: string, rng: Random) {
  const sites = await db.query<SiteRow>('SELECT id, hours FROM locations WHERE org_id = $1 AND active ORDER BY id', [
    orgId,
  ]);
  const therapists = await db.query<TherapistRow>(
    `SELECT p.id, array_agg(pl.location_id::text ORDER BY pl.location_id) AS "locationIds"
       FROM therapists p JOIN therapist_locations pl ON pl.org_id = p.org_id AND pl.therapist_id = p.id
      WHERE p.org_id = $1 AND p.active GROUP BY p.id ORDER BY p.id`,
    [orgId],
  );
  const hoursOf = new Map(sites.map((s) => [s.id, s.hours]));
  const rows: object[] = [];
  for (const t of therapists) {
    // Four or five working days; a therapist with several sites rotates among them by weekday.
    const days = rng.sample([1, 2, 3, 4, 5, 6], rng.int(4, 5)).sort();
    days.forEach((weekday, i) => {
      const locationId = t.locationIds[i % t.locationIds.length]!;
      const open = hoursOf.get(locationId)?.[String(weekday)]?.[0];
      if (!open) return;
      // Early or late shift of at most eight hours inside the site's day.
      const late = rng.chance(0.4);
      const start = late ? maxTime(open.open, shift(open.close, -8 * 60)) : open.open;
      const end = late ? open.close : minTime(open.close, shift(open.open, 8 * 60));
      rows.push({
        org_id: orgId,
        therapist_id: t.id,
        location_id: locationId,
        weekday,
        start_time: start,
        end_time: end,
      });
    });
  }
  await insertRows(db, 'shift_templates', rows);
  return { templates: rows.length, therapists };
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const fromMinutes = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const shift = (t: string, minutes: number) => fromMinutes(Math.max(0, Math.min(24 * 60, toMinutes(t) + minutes)));
const maxTime = (a: string, b: string) => (a > b ? a : b);
const minTime = (a: string, b: string) => (a < b ? a : b);

async function exceptions(
  db: Queryable,
  orgId: string,
  today: string,
  therapists: TherapistRow[],
  rng: Random,
): Promise<number> {
  const rows: object[] = [];
  for (const t of rng.sample(therapists, 5)) {
    const day = addDays(today, rng.int(2, FUTURE_DAYS - 1));
    rows.push({
      org_id: orgId,
      therapist_id: t.id,
      kind: 'time-off',
      location_id: null,
      reason: 'Continuing-education course',
      during:
        `[${new Date(zonedWallTimeToInstant(day, '00:00', TIME_ZONE)).toISOString()},` +
        `${new Date(zonedWallTimeToInstant(addDays(day, 1), '00:00', TIME_ZONE)).toISOString()})`,
    });
  }
  for (const t of rng.sample(therapists, 2)) {
    const day = addDays(today, rng.int(1, FUTURE_DAYS - 1));
    rows.push({
      org_id: orgId,
      therapist_id: t.id,
      kind: 'extra-shift',
      location_id: t.locationIds[0],
      reason: 'Covering a colleague',
      during:
        `[${new Date(zonedWallTimeToInstant(day, '10:00', TIME_ZONE)).toISOString()},` +
        `${new Date(zonedWallTimeToInstant(day, '14:00', TIME_ZONE)).toISOString()})`,
    });
  }
  await insertRows(db, 'schedule_exceptions', rows);
  return rows.length;
}

function pastStatus(rng: Random): string {
  const roll = rng.next();
  return roll < 0.86 ? 'completed' : roll < 0.91 ? 'no_show' : roll < 0.96 ? 'cancelled' : 'late_cancel';
}

export async function seedSchedule(db: Database | Queryable, options: SeedScheduleOptions): Promise<ScheduleSummary> {
  const { orgId, seed, today } = options;
  const rng = createRandom(deriveSeed(seed, 'schedule'));
  const catalogue = (await loadCatalogue(db, orgId)).filter((s) => s.active);
  for (const service of catalogue)
    await ensureServiceRow(db, orgId, { ...service, priceCents: DEMO_PRICES[service.code] ?? null });
  const { templates, therapists } = await weeklyTemplates(db, orgId, rng);
  const exceptionCount = await exceptions(db, orgId, today, therapists, rng);

  const patientsBySite = new Map<string, string[]>();
  for (const p of await db.query<{ id: string; site: string }>(
    `SELECT id, preferred_location_id AS site FROM patients WHERE org_id = $1 AND preferred_location_id IS NOT NULL
      ORDER BY id`,
    [orgId],
  )) {
    const list = patientsBySite.get(p.site) ?? [];
    list.push(p.id);
    patientsBySite.set(p.site, list);
  }

  const from = addDays(today, -PAST_DAYS);
  const to = addDays(today, FUTURE_DAYS);
  const data = await loadSchedule(db, orgId, {
    from,
    to,
    now: new Date(zonedWallTimeToInstant(from, '00:00', TIME_ZONE)),
  });
  // The engine's booking window is set wide open: the past is being invented, not booked.
  const window = {
    now: zonedWallTimeToInstant(from, '00:00', TIME_ZONE) - 86_400_000,
    minNoticeMinutes: 0,
    horizonDays: PAST_DAYS + FUTURE_DAYS + 7,
  };
  const candidates: Array<{ slot: Slot; code: string; buffer: number }> = [];
  for (const service of catalogue) {
    const def = toServiceDef(service);
    for (const slot of findSlots({ ...window, service: def, from, to, slotStepMinutes: 15 }, data)) {
      candidates.push({ slot, code: service.code, buffer: service.bufferAfterMinutes });
    }
  }
  candidates.sort((a, b) => a.slot.start - b.slot.start || (a.slot.therapistId < b.slot.therapistId ? -1 : 1));

  const roomsBySite = new Map(
    data.sites.map((s) => [
      s.locationId,
      s.rooms
        .filter((r) => r.active)
        .map((r) => r.id)
        .sort(),
    ]),
  );
  const freeFrom = new Map<string, number>(); // therapist, room or patient id → first instant it is free
  const nowMs = zonedWallTimeToInstant(today, '00:00', TIME_ZONE);
  const rows: object[] = [];
  for (const { slot, code, buffer } of candidates) {
    if (!rng.chance(TAKE_CHANCE)) continue;
    const blocksEnd = slot.end + buffer * 60_000;
    if ((freeFrom.get(slot.therapistId) ?? 0) > slot.start) continue;
    let roomId: string | null = null;
    if (slot.roomId !== null) {
      roomId = roomsBySite.get(slot.locationId)?.find((r) => (freeFrom.get(r) ?? 0) <= slot.start) ?? null;
      if (!roomId) continue;
    }
    const patients = patientsBySite.get(slot.locationId) ?? [];
    if (patients.length === 0) continue;
    const patientId = rng.pick(patients);
    if ((freeFrom.get(patientId) ?? 0) > slot.start) continue;
    freeFrom.set(slot.therapistId, blocksEnd);
    if (roomId) freeFrom.set(roomId, blocksEnd);
    freeFrom.set(patientId, slot.end);
    const past = slot.end <= nowMs;
    const status = past ? pastStatus(rng) : 'booked';
    const bookedAt = Math.min(slot.start - BOOKED_AHEAD_MS, nowMs);
    rows.push({
      id: demoUuid(seed, 'appointment', rows.length),
      org_id: orgId,
      patient_id: patientId,
      therapist_id: slot.therapistId,
      location_id: slot.locationId,
      room_id: roomId,
      service_code: code,
      status,
      during: `[${new Date(slot.start).toISOString()},${new Date(slot.end).toISOString()})`,
      blocks: `[${new Date(slot.start).toISOString()},${new Date(blocksEnd).toISOString()})`,
      cancel_reason: status === 'cancelled' || status === 'late_cancel' ? 'Schedule conflict' : null,
      // On the demo's calendar, not the machine's: booked a fortnight ahead (never after the demo's
      // today) and last changed at the visit's end if it is over. Anything the app does on the
      // demo's day then comes after, as "a notice sent since the visit last changed" needs.
      created_at: new Date(bookedAt).toISOString(),
      updated_at: new Date(past ? slot.end : bookedAt).toISOString(),
    });
  }
  await insertRows(db, 'appointments', rows);
  // The clinic booked these visits, so it granted each therapist booked a place in the patient's care.
  await db.query(
    `INSERT INTO care_relationships (org_id, patient_id, therapist_id, started_on, reason)
     SELECT org_id, patient_id, therapist_id, (min(lower(during)) AT TIME ZONE '${TIME_ZONE}')::date, 'Booked visits'
       FROM appointments WHERE org_id = $1 AND occupies GROUP BY org_id, patient_id, therapist_id
     ON CONFLICT (org_id, patient_id, therapist_id) DO UPDATE SET ended_on = NULL`,
    [orgId],
  );
  const future = rows.filter((r) => (r as { status: string }).status === 'booked').length;
  return {
    services: catalogue.length,
    templates,
    exceptions: exceptionCount,
    appointments: rows.length,
    pastAppointments: rows.length - future,
    futureAppointments: future,
  };
}
