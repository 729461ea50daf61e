/**
 * Authorization-matrix cases for the billing documents as PDFs: a patient reads their own receipt and
 * superbill; the desk, managers and admins read those of patients of their sites and print claims and
 * adjuster packets; a therapist prints none; another organisation finds nothing. The billing reports
 * are for managers and admins (another organisation's admin reads its own).
 */
import { checkOut, postCharge, visitCharges } from '../../src/services/billing/charges.ts';
import { createClaim } from '../../src/services/billing/claims.ts';
import { addFee } from '../../src/services/billing/setup.ts';
import { primaryCoverage } from '../support/billing-kit.ts';
import { claimedVisit, ensureBillingSetUp, postedVisit, signedBillableVisit } from '../support/money-kit.ts';
import { actorOf, tickingContext } from '../support/session-kit.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const expect = (overrides: Partial<Record<Who, number>>): Record<Who, number> =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? 403])) as Record<Who, number>;
/** The desk side of the patient's site reads it; the patient too when `own`; another organisation finds nothing. */
const desk = (own = false) =>
  expect({
    anonymous: 401,
    admin: 200,
    manager: 200,
    front_desk: 200,
    otherAdmin: 404,
    ...(own ? { patient: 200 } : {}),
  });

function once<T>(make: (env: Env) => Promise<T>) {
  const made = new WeakMap<Env, Promise<T>>();
  return (env: Env) => {
    let p = made.get(env);
    if (!p) made.set(env, (p = make(env)));
    return p;
  };
}

/** Another patient's visit, posted and checked out with a $25 copay. */
const checkedOut = once(async (env: Env) => {
  const visit = await postedVisit(env.db, env.world);
  await checkOut(tickingContext(env.db), actorOf(env.world, 'front_desk'), visit.visitId, { copay: 2500 });
  return visit;
});

/** The signed-in patient's own visit, billed to a plan, posted and checked out. */
const ownVisit = once(async (env: Env) => {
  const { db, world } = env;
  await ensureBillingSetUp(db, world);
  const patientId = world.patients.a;
  await db.query(
    `INSERT INTO assessments (org_id, patient_id, assessed_on, therapist_id, findings, diagnoses, created_by,
       created_at, updated_by, updated_at)
     VALUES ($1, $2, '2026-11-01', $3, '{}', '{M54.2}', $4, now(), $4, now())`,
    [world.orgId, patientId, world.therapists.a, world.users.admin.id],
  );
  const { payerId } = await primaryCoverage(db, world.orgId, patientId, `Own plan ${env.unique()}`);
  const ctx = tickingContext(db);
  for (const code of ['97140', '97112'])
    await addFee(ctx, actorOf(world, 'admin'), payerId, {
      code,
      feeCents: 4500,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
    });
  const visitId = await signedBillableVisit(db, world, patientId, ctx);
  const deskActor = actorOf(world, 'front_desk');
  for (const c of (await visitCharges(ctx, deskActor, visitId)).charges) await postCharge(ctx, deskActor, c.id);
  await checkOut(ctx, deskActor, visitId, { copay: 1500 });
  return { patientId, visitId };
});

/** A sent workers' comp claim: claim number, date of injury, employer and state on its coverage. */
const workersCompClaim = once(async (env: Env) => {
  const visit = await postedVisit(env.db, env.world);
  await env.db.query(
    `UPDATE coverages SET type = 'workers-comp', claim_number = 'WC-2026-0042', date_of_injury = '2026-10-15',
       employer_name = 'Harbor Freight Lines', state = 'OR' WHERE id = $1`,
    [visit.coverageId],
  );
  const claim = await createClaim(tickingContext(env.db), actorOf(env.world, 'front_desk'), {
    visitId: visit.visitId,
  });
  return claim.id;
});
const healthPlanClaim = once((env: Env) => claimedVisit(env.db, env.world, false));

export const MONEY_DOCUMENT_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/visits/:id/receipt.pdf',
    record: 'a checked-out visit of another patient of own site',
    url: async (env) => `/api/visits/${(await checkedOut(env)).visitId}/receipt.pdf`,
    expect: desk(),
  },
  {
    method: 'GET',
    route: '/api/visits/:id/receipt.pdf',
    record: "the patient's own checked-out visit",
    url: async (env) => `/api/visits/${(await ownVisit(env)).visitId}/receipt.pdf`,
    expect: desk(true),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/superbill.pdf',
    record: 'a visit of another patient of own site',
    url: async (env) => {
      const v = await checkedOut(env);
      return `/api/patients/${v.patientId}/superbill.pdf?visitId=${v.visitId}`;
    },
    expect: desk(),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/superbill.pdf',
    record: "the patient's own visit",
    url: async (env) => {
      const v = await ownVisit(env);
      return `/api/patients/${v.patientId}/superbill.pdf?visitId=${v.visitId}`;
    },
    expect: desk(true),
  },
  {
    method: 'GET',
    route: '/api/claims/:id/cms1500.pdf',
    record: "a claim of own site's patient",
    url: async (env) => `/api/claims/${(await healthPlanClaim(env)).claimId}/cms1500.pdf`,
    expect: desk(),
  },
  {
    method: 'GET',
    route: '/api/claims/:id/adjuster-packet.pdf',
    record: "a workers' comp claim of own site's patient",
    url: async (env) => `/api/claims/${await workersCompClaim(env)}/adjuster-packet.pdf`,
    expect: desk(),
  },
  ...['ar-aging', 'unbilled-visits', 'authorizations-running-out', 'revenue'].map((name): EndpointCase => ({
    method: 'GET',
    route: `/api/reports/${name}`,
    record: "the sites' billing",
    url: async (env) => {
      await checkedOut(env);
      return `/api/reports/${name}`;
    },
    expect: expect({ anonymous: 401, admin: 200, manager: 200, otherAdmin: 200 }),
    session: 'billingReports',
  })),
];
