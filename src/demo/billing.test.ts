import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidNpi } from '../billing/index.ts';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { signNote } from '../services/charting/notes.ts';
import { createNote } from '../services/charting/session.ts';
import { postCharge, visitCharges } from '../services/billing/charges.ts';
import { claimForm, createClaim } from '../services/billing/claims.ts';
import type { Actor, ServiceContext } from '../services/context.ts';
import type { Database } from '../store/database.ts';
import { frontDeskEmail } from './accounts.ts';
import { seedDemo } from './seed.ts';
import { TIME_ZONE } from './sites.ts';

const TODAY = '2026-11-26';

describe.each(BACKENDS)('the demo bills a covered visit on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let orgId: string;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    ({ orgId } = await seedDemo(db, { seed: 7, patients: 300, today: TODAY }));
  });
  afterAll(() => drop());

  /** The demo's clock: a minute per reading from mid-morning of its today, Pacific time. */
  const demoClock = (): ServiceContext => {
    let t = Date.parse(`${TODAY}T18:00:00Z`);
    return { db, now: () => new Date((t += 60_000)) };
  };
  const actor = async (email: string): Promise<Actor> => {
    const [u] = await db.query<{ id: string; role: Actor['role']; therapist_id: string | null }>(
      'SELECT id, role, therapist_id FROM users WHERE org_id = $1 AND email = $2',
      [orgId, email],
    );
    const sites = await db.query<{ location_id: string }>(
      'SELECT location_id FROM user_locations WHERE org_id = $1 AND user_id = $2',
      [orgId, u!.id],
    );
    return {
      userId: u!.id,
      orgId,
      role: u!.role,
      email,
      displayName: email,
      patientId: null,
      therapistId: u!.therapist_id,
      locationIds: sites.map((s) => s.location_id),
      orgTimeZone: TIME_ZONE,
      sessionId: 'demo-billing',
      ip: '127.0.0.1',
    };
  };

  it('gives the clinic a billing profile and every therapist a valid, distinct NPI', async () => {
    const [profile] = await db.query<{ npi: string; tax_id: string }>(
      'SELECT npi, tax_id FROM billing_profiles WHERE org_id = $1',
      [orgId],
    );
    expect(isValidNpi(profile!.npi)).toBe(true);
    expect(profile!.tax_id).toMatch(/^\d{9}$/);
    const npis = (await db.query<{ npi: string | null }>('SELECT npi FROM therapists WHERE org_id = $1', [orgId])).map(
      (t) => t.npi ?? '',
    );
    expect(npis.every(isValidNpi)).toBe(true);
    expect(new Set([...npis, profile!.npi]).size).toBe(npis.length + 1);
  });

  it("prices an insured patient's signed visit from the payer's fees and claims it, passing the checks", async () => {
    const [covered] = await db.query<{ patient_id: string; email: string }>(
      `SELECT c.patient_id, u.email FROM coverages c
         JOIN care_relationships r ON r.org_id = c.org_id AND r.patient_id = c.patient_id
         JOIN users u ON u.org_id = r.org_id AND u.therapist_id = r.therapist_id
        WHERE c.org_id = $1 AND c.type = 'commercial' ORDER BY u.email LIMIT 1`,
      [orgId],
    );
    const ctx = demoClock();
    const therapist = await actor(covered!.email);
    const note = await createNote(ctx, therapist, covered!.patient_id, {
      subjective: { painToday: 5 },
      objective: {},
      assessment: 'Trigger points easing, upper trapezius',
      cptMinutes: [
        { code: '97140', minutes: 24 },
        { code: '97112', minutes: 23 },
      ],
    });
    await signNote(ctx, therapist, note.id);

    const desk = await actor(frontDeskEmail('beaverton'));
    const { charges } = await visitCharges(ctx, desk, note.id);
    // Commercial schedule: $48 a unit of 97140, $50 of 97112; 47 minutes are 3 units under the CMS rule.
    expect(charges.map((c) => [c.code, c.units, c.feeCents, c.amountCents])).toEqual([
      ['97140', 2, 4800, 9600],
      ['97112', 1, 5000, 5000],
    ]);
    for (const c of charges) await postCharge(ctx, desk, c.id);
    const claim = await createClaim(ctx, desk, { visitId: note.id });
    expect(claim).toMatchObject({ status: 'ready', total: 14600 });
    const { forms } = await claimForm(ctx, desk, claim.id);
    expect(forms[0]!.box24_lines.map((l) => l.procedure)).toEqual(['97140', '97112']);
  });
});
