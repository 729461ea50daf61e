/** A patient ready to bill, and a signed visit of theirs, for the ledger and claim tests. */
import type { Database } from '../../src/store/database.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { signNote } from '../../src/services/charting/notes.ts';
import { createNote } from '../../src/services/charting/session.ts';
import { postCharge, visitCharges } from '../../src/services/billing/charges.ts';
import { createBatch, createClaim } from '../../src/services/billing/claims.ts';
import { addFee, saveBillingProfile, setTherapistNpi } from '../../src/services/billing/setup.ts';
import { buildCoverage, buildPayer } from './billing-kit.ts';
import { actorOf, patientBehindGate, tickingContext } from './session-kit.ts';
import type { World } from './world.ts';

/** The rendering therapist's NPI: a valid check digit (the CMS example number). */
export const THERAPIST_NPI = '1234567893';

const billingSetUp = new WeakMap<World, Promise<void>>();

/** The clinic's billing profile and therapist A's NPI, once per world. */
export function ensureBillingSetUp(db: Database, world: World): Promise<void> {
  let done = billingSetUp.get(world);
  if (!done) {
    done = (async () => {
      const ctx = tickingContext(db);
      const admin = actorOf(world, 'admin');
      await saveBillingProfile(ctx, admin, {
        name: 'Knotwork NMT',
        npi: '1245319599',
        taxId: '123456789',
        addressLine1: '400 State St',
        addressLine2: null,
        city: 'Portland',
        state: 'OR',
        postalCode: '97205',
        phone: '503-555-0100',
        submitterId: 'KNOTWORK01',
        contactName: 'Billing Desk',
        receiverId: 'CLEARHOUSE',
        receiverName: 'Clearing House',
        placeOfService: '11',
        usage: 'T',
      });
      await setTherapistNpi(ctx, admin, world.therapists.a, THERAPIST_NPI);
    })();
    billingSetUp.set(world, done);
  }
  return done;
}

export interface BillablePatient {
  patientId: string;
  payerId: string;
  coverageId: string;
}

/**
 * A patient of site A in therapist A's care, with an address, a neck diagnosis assessed on 1 Nov 2026
 * and a commercial plan whose fee schedule prices 97140 at $45 and 97112 at $50 a unit.
 */
export async function billablePatient(db: Database, world: World, selfPay = false): Promise<BillablePatient> {
  await ensureBillingSetUp(db, world);
  const patientId = await patientBehindGate(db, world, 'clear');
  await db.query(`UPDATE patients SET address = $3 WHERE org_id = $1 AND id = $2`, [
    world.orgId,
    patientId,
    JSON.stringify({ line1: '12 Elm St', city: 'Portland', state: 'OR', postalCode: '97205' }),
  ]);
  await db.query(
    `INSERT INTO assessments (org_id, patient_id, assessed_on, therapist_id, findings, diagnoses, created_by,
       created_at, updated_by, updated_at)
     VALUES ($1, $2, '2026-11-01', $3, '{}', '{M54.2,M62.838}', $4, now(), $4, now())`,
    [world.orgId, patientId, world.therapists.a, world.users.admin.id],
  );
  if (selfPay) return { patientId, payerId: '', coverageId: '' };
  const payerId = await buildPayer(db, world.orgId, `Cascade ${patientId.slice(0, 8)}`);
  const coverageId = await buildCoverage(db, world.orgId, patientId, payerId);
  const ctx = tickingContext(db);
  const admin = actorOf(world, 'admin');
  for (const [code, feeCents] of [
    ['97140', 4500],
    ['97112', 5000],
  ] as const) {
    await addFee(ctx, admin, payerId, { code, feeCents, effectiveFrom: '2026-01-01', effectiveTo: null });
  }
  return { patientId, payerId, coverageId };
}

/** Therapist A writes and signs a note of 24 min of 97140 and 23 of 97112 (3 units under the CMS rule). */
export async function signedBillableVisit(
  db: Database,
  world: World,
  patientId: string,
  ctx: ServiceContext = tickingContext(db),
): Promise<string> {
  const therapist = actorOf(world, 'therapist');
  const note = await createNote(ctx, therapist, patientId, {
    subjective: { painToday: 6 },
    objective: {},
    assessment: 'Active trigger points, upper trapezius',
    cptMinutes: [
      { code: '97140', minutes: 24 },
      { code: '97112', minutes: 23 },
    ],
  });
  await signNote(ctx, therapist, note.id);
  return note.id;
}

/** A billable patient's signed visit with both charges posted (the desk's work done through the services). */
export async function postedVisit(db: Database, world: World) {
  const patient = await billablePatient(db, world);
  const ctx = tickingContext(db);
  const visitId = await signedBillableVisit(db, world, patient.patientId, ctx);
  const desk = actorOf(world, 'front_desk');
  const { charges } = await visitCharges(ctx, desk, visitId);
  for (const c of charges) await postCharge(ctx, desk, c.id);
  return { ...patient, visitId, chargeIds: charges.map((c) => c.id) };
}

/** A posted visit's claim, sent in an 837P batch when `sent`. */
export async function claimedVisit(db: Database, world: World, sent: boolean) {
  const visit = await postedVisit(db, world);
  const ctx = tickingContext(db);
  const desk = actorOf(world, 'front_desk');
  const claim = await createClaim(ctx, desk, { visitId: visit.visitId });
  if (sent) await createBatch(ctx, desk, { claimIds: [claim.id] });
  return { ...visit, claimId: claim.id };
}
