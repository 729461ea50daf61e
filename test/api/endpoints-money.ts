/**
 * Authorization-matrix cases for getting paid: a visit's charges and checkout, payments and the
 * ledger, claims and 837P batches, and who bills. Money is posted by the desk, managers and admins of
 * the patient's sites; a therapist sees a patient's charges and balance but posts nothing; a patient
 * sees their own balance only; who bills is set by managers and admins; another organisation finds nothing.
 */
import { recordPayment } from '../../src/services/billing/ledger.ts';
import { buildPayer, freshPatient } from '../support/billing-kit.ts';
import {
  billablePatient,
  claimedVisit,
  ensureBillingSetUp,
  postedVisit,
  signedBillableVisit,
  THERAPIST_NPI,
} from '../support/money-kit.ts';
import { actorOf, tickingContext } from '../support/session-kit.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const expect = (overrides: Partial<Record<Who, number>>): Record<Who, number> =>
  Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? 403])) as Record<Who, number>;

/** The desk side of the patient's site posts; others are refused; another organisation finds nothing. */
const deskPosts = (status: number, other = 404) =>
  expect({ anonymous: 401, admin: status, manager: status, front_desk: status, otherAdmin: other });
/** Managers and admins set who bills; another organisation's admin keeps its own. */
const setup = (status: number, other = status) =>
  expect({ anonymous: 401, admin: status, manager: status, otherAdmin: other });

const shared = new WeakMap<Env, Promise<{ visitId: string; claimId: string; payerId: string }>>();
/** One claimed visit of a billable patient, made once per matrix run, for the reads. */
function claimed(env: Env) {
  let made = shared.get(env);
  if (!made) {
    made = claimedVisit(env.db, env.world, false);
    shared.set(env, made);
    void made.then((c) => claimedVisits.push(c.visitId));
  }
  return made;
}

/** The visits claimed for the reads, which another organisation's lists must not show. */
const claimedVisits: string[] = [];
const sent = new WeakMap<Env, Promise<{ batchId: string }>>();
/** One claim sent in an 837P file, made once per matrix run. */
function sentClaim(env: Env) {
  let made = sent.get(env);
  if (!made) {
    made = claimedVisit(env.db, env.world, true).then(async (c) => {
      claimedVisits.push(c.visitId);
      const [row] = await env.db.query<{ batchId: string }>('SELECT batch_id AS "batchId" FROM claims WHERE id = $1', [
        c.claimId,
      ]);
      return row!;
    });
    sent.set(env, made);
  }
  return made;
}

/** Charge id → its visit, so a charge's `can` is read from its visit. */
const visitOfCharge = new Map<string, string>();
async function chargeOf(env: Env, posted: boolean): Promise<string> {
  let visitId: string;
  let chargeId: string;
  if (posted) {
    const visit = await postedVisit(env.db, env.world);
    [visitId, chargeId] = [visit.visitId, visit.chargeIds[0]!];
  } else {
    const { patientId } = await billablePatient(env.db, env.world);
    visitId = await signedBillableVisit(env.db, env.world, patientId);
    const rows = await env.db.query<{ id: string }>(
      'SELECT id FROM charges WHERE session_note_id = $1 ORDER BY line_no',
      [visitId],
    );
    chargeId = rows[0]!.id;
  }
  visitOfCharge.set(chargeId, visitId);
  return chargeId;
}
const chargeCan = (flag: string) => ({
  flag,
  read: (_env: Env, url: string) => `/api/visits/${visitOfCharge.get(url.split('/')[3]!)}/charges`,
  find: (answer: unknown, url: string) =>
    (answer as { charges: Array<{ id: string }> }).charges.find((c) => url.includes(c.id)),
  weighsState: true,
});

/** A signed visit whose proposed lines were dropped, so proposing writes them afresh. */
async function visitWithoutCharges(env: Env): Promise<string> {
  const { patientId } = await billablePatient(env.db, env.world);
  const visitId = await signedBillableVisit(env.db, env.world, patientId);
  await env.db.query(`DELETE FROM charges WHERE session_note_id = $1 AND status = 'proposed'`, [visitId]);
  return visitId;
}

/** A patient of site A holding a $20 credit (an overpayment taken on purpose), and its entry. */
async function patientWithCredit(env: Env) {
  const patientId = await freshPatient(env.db, env.world.orgId, env.world.sites.a, `Credit${env.unique()}`);
  const paid = await recordPayment(tickingContext(env.db), actorOf(env.world, 'admin'), patientId, {
    amount: 2000,
    method: 'cash',
    allowCredit: true,
  });
  patientOfEntry.set(paid.entryId, patientId);
  return { patientId, entryId: paid.entryId };
}
/** Entry id → its patient, so an entry's `can` is read from the patient's balance. */
const patientOfEntry = new Map<string, string>();

/** Claim id → its visit, so a claim's `can` is read from the visit's claims. */
const visitOfClaim = new Map<string, string>();
/** A claim sent in an 837P file, with the payer's claim number recorded when `numbered`. */
async function sentClaimOf(env: Env, numbered: boolean): Promise<string> {
  const { claimId, visitId } = await claimedVisit(env.db, env.world, true);
  if (numbered) await env.db.query(`UPDATE claims SET payer_claim_number = 'ICN-77' WHERE id = $1`, [claimId]);
  visitOfClaim.set(claimId, visitId);
  return claimId;
}
const claimCan = (flag: string) => ({
  flag,
  read: (_env: Env, url: string) => `/api/claims?visitId=${visitOfClaim.get(url.split('/')[3]!)}`,
  find: (answer: unknown, url: string) =>
    (answer as { claims: Array<{ id: string }> }).claims.find((c) => url.includes(c.id)),
  weighsState: true,
});

const profile = (env: Env) => ({
  name: 'Knotwork NMT',
  npi: '1245319599',
  taxId: '123456789',
  addressLine1: '400 State St',
  city: 'Portland',
  state: 'OR',
  postalCode: '97205',
  phone: '503-555-0100',
  submitterId: 'KNOTWORK01',
  contactName: `Billing ${env.unique()}`,
  receiverId: 'CLEARHOUSE',
  receiverName: 'Clearing House',
});

export const MONEY_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/visits/:id/charges',
    record: "a visit of own site's patient",
    url: async (env) => `/api/visits/${(await claimed(env)).visitId}/charges`,
    expect: expect({ anonymous: 401, admin: 200, manager: 200, front_desk: 200, therapist: 200, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/visits/:id/charges',
    record: 'a signed visit without charges',
    url: async (env) => `/api/visits/${await visitWithoutCharges(env)}/charges`,
    expect: deskPosts(201),
    can: { flag: 'propose', read: (_env, url) => url, weighsState: true },
  },
  {
    method: 'POST',
    route: '/api/visits/:id/checkout',
    record: 'a visit with its charges posted',
    url: async (env) => `/api/visits/${(await postedVisit(env.db, env.world)).visitId}/checkout`,
    body: () => ({ copay: 2500 }),
    expect: deskPosts(201),
    can: { flag: 'checkout', read: (_env, url) => url.replace(/\/checkout$/, '/charges'), weighsState: true },
  },
  {
    method: 'PATCH',
    route: '/api/charges/:id',
    record: 'a proposed charge',
    url: async (env) => `/api/charges/${await chargeOf(env, false)}`,
    body: () => ({ version: 1, diagnosisPointers: ['B'] }),
    expect: deskPosts(200),
    can: chargeCan('edit'),
  },
  {
    method: 'POST',
    route: '/api/charges/:id/post',
    record: 'a proposed charge',
    url: async (env) => `/api/charges/${await chargeOf(env, false)}/post`,
    expect: deskPosts(201),
    can: chargeCan('post'),
  },
  {
    method: 'POST',
    route: '/api/charges/:id/reverse',
    record: 'a posted charge',
    url: async (env) => `/api/charges/${await chargeOf(env, true)}/reverse`,
    body: () => ({ reason: 'Billed in error' }),
    expect: deskPosts(201),
    can: chargeCan('reverse'),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/balance',
    record: "own site's patient (the patient's own)",
    url: (env) => `/api/patients/${env.world.patients.a}/balance`,
    expect: expect({
      anonymous: 401,
      admin: 200,
      manager: 200,
      front_desk: 200,
      therapist: 200,
      patient: 200,
      otherAdmin: 404,
    }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/balance',
    record: "another site's patient",
    url: (env) => `/api/patients/${env.world.patients.b}/balance`,
    expect: expect({ anonymous: 401, admin: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/own-balance',
    record: "the patient's own (own site's patient for staff)",
    url: (env) => `/api/patients/${env.world.patients.a}/own-balance`,
    expect: expect({ anonymous: 401, patient: 200, otherAdmin: 404 }),
  },
  {
    method: 'GET',
    route: '/api/patients/:id/own-balance',
    record: 'another patient',
    url: (env) => `/api/patients/${env.world.patients.b}/own-balance`,
    expect: expect({ anonymous: 401, otherAdmin: 404 }),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/payments',
    record: "own site's patient, paying ahead as a credit",
    url: async (env) =>
      `/api/patients/${await freshPatient(env.db, env.world.orgId, env.world.sites.a, `Pay${env.unique()}`)}/payments`,
    body: () => ({ amount: 1500, method: 'card', reference: 'T-1001', allowCredit: true }),
    expect: deskPosts(201),
  },
  {
    method: 'POST',
    route: '/api/patients/:id/ledger-entries',
    record: "own site's patient holding a credit",
    url: async (env) => `/api/patients/${(await patientWithCredit(env)).patientId}/ledger-entries`,
    body: () => ({ kind: 'refund', amount: 500, method: 'cash' }),
    expect: deskPosts(201),
    can: { flag: 'refund', read: (_env, url) => url.replace(/\/ledger-entries$/, '/balance'), weighsState: true },
  },
  {
    method: 'POST',
    route: '/api/ledger-entries/:id/reverse',
    record: "a payment of own site's patient",
    url: async (env) => `/api/ledger-entries/${(await patientWithCredit(env)).entryId}/reverse`,
    body: () => ({ reason: 'Recorded twice' }),
    expect: deskPosts(201),
    can: {
      flag: 'reverse',
      read: (_env, url) => `/api/patients/${patientOfEntry.get(url.split('/')[3]!)}/balance`,
      find: (answer, url) => (answer as { entries: Array<{ id: string }> }).entries.find((e) => url.includes(e.id)),
      weighsState: true,
    },
  },
  {
    method: 'GET',
    route: '/api/payers/:id/balance',
    record: 'a payer of the organisation',
    url: async (env) => `/api/payers/${(await claimed(env)).payerId}/balance`,
    expect: deskPosts(200),
  },
  {
    method: 'POST',
    route: '/api/claims',
    record: 'a visit with its charges posted',
    url: () => '/api/claims',
    body: async (env) => ({ visitId: (await postedVisit(env.db, env.world)).visitId }),
    expect: expect({ anonymous: 401, admin: 201, manager: 201, front_desk: 201, otherAdmin: 422 }),
  },
  {
    method: 'GET',
    route: '/api/claims/:id/cms1500',
    record: "a claim of own site's patient",
    url: async (env) => `/api/claims/${(await claimed(env)).claimId}/cms1500`,
    expect: deskPosts(200),
  },
  {
    method: 'POST',
    route: '/api/claims/:id/payments',
    record: 'a sent claim',
    url: async (env) => `/api/claims/${(await claimedVisit(env.db, env.world, true)).claimId}/payments`,
    body: () => ({ amount: 9000, method: 'check', reference: 'EFT-1', adjustment: 2500 }),
    expect: deskPosts(201),
  },
  {
    method: 'PUT',
    route: '/api/claims/:id/payer-claim-number',
    record: 'a sent claim',
    url: async (env) => `/api/claims/${await sentClaimOf(env, false)}/payer-claim-number`,
    body: () => ({ payerClaimNumber: '2026123000417' }),
    expect: deskPosts(200),
    can: claimCan('payerClaimNumber'),
  },
  {
    method: 'POST',
    route: '/api/claims/:id/corrections',
    record: "a sent claim with the payer's claim number",
    url: async (env) => `/api/claims/${await sentClaimOf(env, true)}/corrections`,
    body: () => ({ kind: 'replacement', reason: 'Diagnosis corrected' }),
    expect: deskPosts(201),
    can: claimCan('correct'),
  },
  {
    method: 'POST',
    route: '/api/claim-batches',
    record: 'a claim ready to send',
    url: () => '/api/claim-batches',
    body: async (env) => ({ claimIds: [(await claimedVisit(env.db, env.world, false)).claimId] }),
    expect: deskPosts(201),
  },
  {
    method: 'GET',
    route: '/api/charge-review',
    record: 'the visits of own sites with charges to review',
    url: async (env) => (await chargeOf(env, false), '/api/charge-review'),
    expect: deskPosts(200, 200),
    secrets: (_env, who) => (who === 'otherAdmin' ? [...visitOfCharge.values()] : []),
    session: 'postCharges',
  },
  {
    method: 'GET',
    route: '/api/claims',
    record: "the claims of own sites' patients",
    url: async (env) => (await claimed(env), '/api/claims'),
    expect: deskPosts(200, 200),
    secrets: (_env, who) => (who === 'otherAdmin' ? claimedVisits : []),
    session: 'postCharges',
  },
  {
    method: 'GET',
    route: '/api/claim-batches',
    record: "the 837P files of own sites' claims",
    url: async (env) => (await sentClaim(env), '/api/claim-batches'),
    expect: deskPosts(200, 200),
    session: 'postCharges',
  },
  {
    method: 'GET',
    route: '/api/claim-batches/:id/837p',
    record: "an 837P file of own site's claim",
    url: async (env) => `/api/claim-batches/${(await sentClaim(env)).batchId}/837p`,
    expect: deskPosts(200),
    session: 'postCharges',
  },
  {
    method: 'GET',
    route: '/api/billing/profile',
    record: "the organisation's billing details",
    url: async (env) => (await ensureBillingSetUp(env.db, env.world), '/api/billing/profile'),
    expect: setup(200),
    secrets: (_env, who) => (who === 'otherAdmin' ? ['1245319599'] : []),
  },
  {
    method: 'PUT',
    route: '/api/billing/profile',
    record: "the organisation's billing details",
    url: () => '/api/billing/profile',
    body: profile,
    expect: setup(200),
  },
  {
    method: 'PUT',
    route: '/api/therapists/:id/npi',
    record: 'a therapist of the organisation',
    url: (env) => `/api/therapists/${env.world.therapists.a}/npi`,
    body: () => ({ npi: THERAPIST_NPI }),
    expect: setup(200, 404),
  },
  {
    method: 'GET',
    route: '/api/payers/:id/fees',
    record: 'a payer of the organisation',
    url: async (env) => `/api/payers/${(await claimed(env)).payerId}/fees`,
    expect: deskPosts(200),
  },
  {
    method: 'POST',
    route: '/api/payers/:id/fees',
    record: 'a payer of the organisation',
    url: async (env) => `/api/payers/${await buildPayer(env.db, env.world.orgId, `Fees ${env.unique()}`)}/fees`,
    body: () => ({ code: '97140', feeCents: 4500, effectiveFrom: '2026-01-01' }),
    expect: setup(201, 404),
  },
];
