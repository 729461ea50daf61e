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
      `SELECT count(*)::int AS unscheduled FROM therapists p WHERE p.org_id = $1
          AND NOT EXISTS (SELECT 1 FROM shift_templates t WHERE t.org_id = p.org_id AND t.therapist_id = p.id)`,
    );
    expect(unscheduled).toBe(0);
    const { foreign } = await one<{ foreign: number }>(
      `SELECT count(*)::int AS foreign FROM shift_templates t WHERE t.org_id = $1 AND NOT EXISTS (
         SELECT 1 FROM therapist_locations pl WHERE pl.org_id = t.org_id AND pl.therapist_id = t.therapist_id
         AND pl.location_id = t.location_id)`,
    );
    expect(foreign).toBe(0);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM services WHERE org_id = $1`)).n).toBe(8);
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

  it('dates each booking on the demo’s calendar, not the machine’s: before the visit and demo’s today', async () => {
    // 00:00 on the demo's today at the sites (Pacific, UTC−8 in November).
    const { late, early } = await one<{ late: number; early: number }>(
      `SELECT count(*) FILTER (WHERE created_at > '${TODAY}T08:00:00Z'
        OR updated_at > '${TODAY}T08:00:00Z')::int AS late,
              count(*) FILTER (WHERE created_at >= lower(during) OR updated_at < created_at)::int AS early
         FROM appointments WHERE org_id = $1`,
    );
    expect({ late, early }).toEqual({ late: 0, early: 0 });
  });

  it('books each service only with a therapist of its discipline, inside the site’s opening hours', async () => {
    const { wrong } = await one<{ wrong: number }>(
      `SELECT count(*)::int AS wrong FROM appointments a JOIN therapists p ON p.org_id = a.org_id
        AND p.id = a.therapist_id
         JOIN services s ON s.org_id = a.org_id AND s.code = a.service_code WHERE a.org_id = $1
         AND s.discipline <> p.discipline`,
    );
    expect(wrong).toBe(0);
    const { early } = await one<{ early: number }>(
      `SELECT count(*)::int AS early FROM appointments a JOIN locations l ON l.org_id = a.org_id
        AND l.id = a.location_id
        WHERE a.org_id = $1 AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements(l.hours -> extract(dow
          FROM lower(a.during) AT TIME ZONE l.time_zone)::int::text) h
           WHERE (lower(a.during) AT TIME ZONE l.time_zone)::time >= (h->>'open')::time
             AND (upper(a.during) AT TIME ZONE l.time_zone)::time <= (h->>'close')::time)`,
    );
    expect(early).toBe(0);
  });

  it("puts every therapist with a visit on the books in the patient's care (a booking opens no chart)", async () => {
    const { outside } = await one<{ outside: number }>(
      `SELECT count(*)::int AS outside FROM appointments a WHERE a.org_id = $1 AND a.occupies AND NOT EXISTS (
         SELECT 1 FROM care_relationships c WHERE c.org_id = a.org_id AND c.patient_id = a.patient_id
            AND c.therapist_id = a.therapist_id AND c.ended_on IS NULL)`,
    );
    expect(outside).toBe(0);
  });
});
