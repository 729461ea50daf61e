import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import type { Database } from '../store/database.ts';
import { seedDemo } from './seed.ts';

const TODAY = '2026-11-20';

describe.each(BACKENDS)('demo schedule on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let orgId: string;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    orgId = (await seedDemo(db, { seed: 3, patients: 120, today: TODAY })).orgId;
  }, 240_000);
  afterAll(async () => drop());

  const one = async <T>(sql: string) => (await db.query<T>(sql, [orgId]))[0]!;

  it('gives every demo therapist weekly shifts at their own sites, and stores the service catalogue', async () => {
    const { unscheduled } = await one<{ unscheduled: number }>(
      `SELECT count(*)::int AS unscheduled FROM practitioners p WHERE p.org_id = $1
          AND NOT EXISTS (SELECT 1 FROM shift_templates t WHERE t.org_id = p.org_id AND t.practitioner_id = p.id)`,
    );
    expect(unscheduled).toBe(0);
    const { foreign } = await one<{ foreign: number }>(
      `SELECT count(*)::int AS foreign FROM shift_templates t WHERE t.org_id = $1 AND NOT EXISTS (
         SELECT 1 FROM practitioner_locations pl WHERE pl.org_id = t.org_id AND pl.practitioner_id = t.practitioner_id AND pl.location_id = t.location_id)`,
    );
    expect(foreign).toBe(0);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM services WHERE org_id = $1`)).n).toBe(8);
  });

  it("dates each booking on the demo's calendar (before its today, before its visit), whatever the machine's clock says", async () => {
    // Two weeks before the visit, or the day before the demo's today (midnight in Los Angeles), whichever is earlier.
    const { wrong } = await one<{ wrong: number }>(
      `SELECT count(*)::int AS wrong FROM appointments WHERE org_id = $1
          AND (created_at <> least(lower(during) - interval '14 days', timestamptz '${TODAY}T08:00:00Z' - interval '1 day') OR updated_at <> created_at)`,
    );
    expect(wrong).toBe(0);
  });

  it('spreads appointments over the past 8 weeks (mostly completed) and the next 3 (booked)', async () => {
    const past = await one<{ n: number; completed: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'completed')::int AS completed FROM appointments
        WHERE org_id = $1 AND upper(during) <= '${TODAY}T08:00:00Z'`,
    );
    const future = await one<{ n: number; booked: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'booked')::int AS booked FROM appointments
        WHERE org_id = $1 AND lower(during) >= '${TODAY}T08:00:00Z'`,
    );
    expect(past.n).toBeGreaterThan(300);
    expect(past.completed / past.n).toBeGreaterThan(0.75);
    expect(future.n).toBeGreaterThan(100);
    expect(future.booked).toBe(future.n);
    const { outside } = await one<{ outside: number }>(
      `SELECT count(*)::int AS outside FROM appointments WHERE org_id = $1
          AND (lower(during) < '${TODAY}'::date - 57 OR upper(during) > '${TODAY}'::date + 23)`,
    );
    expect(outside).toBe(0);
  });

  it('books each service only with a therapist of its discipline, inside the site’s opening hours', async () => {
    const { wrong } = await one<{ wrong: number }>(
      `SELECT count(*)::int AS wrong FROM appointments a JOIN practitioners p ON p.org_id = a.org_id AND p.id = a.practitioner_id
         JOIN services s ON s.org_id = a.org_id AND s.code = a.service_code WHERE a.org_id = $1 AND s.discipline <> p.discipline`,
    );
    expect(wrong).toBe(0);
    const { early } = await one<{ early: number }>(
      `SELECT count(*)::int AS early FROM appointments a JOIN locations l ON l.org_id = a.org_id AND l.id = a.location_id
        WHERE a.org_id = $1 AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements(l.hours -> extract(dow FROM lower(a.during) AT TIME ZONE l.time_zone)::int::text) h
           WHERE (lower(a.during) AT TIME ZONE l.time_zone)::time >= (h->>'open')::time
             AND (upper(a.during) AT TIME ZONE l.time_zone)::time <= (h->>'close')::time)`,
    );
    expect(early).toBe(0);
  });

  it("puts every therapist with a visit on the books in the patient's care (a booking alone opens no chart)", async () => {
    const { outside } = await one<{ outside: number }>(
      `SELECT count(*)::int AS outside FROM appointments a WHERE a.org_id = $1 AND a.occupies AND NOT EXISTS (
         SELECT 1 FROM care_relationships c WHERE c.org_id = a.org_id AND c.patient_id = a.patient_id
            AND c.practitioner_id = a.practitioner_id AND c.ended_on IS NULL)`,
    );
    expect(outside).toBe(0);
  });
});
