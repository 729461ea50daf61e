import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkX12 } from '../../billing/index.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { claimedVisit } from '../../../test/support/money-kit.ts';
import { actorOf, tickingContext } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { requestHash, type Once } from '../idempotency.ts';
import { reverseCharge, visitCharges } from './charges.ts';
import { claimForm, createBatch, payClaim } from './claims.ts';
import { correctClaim, setPayerClaimNumber } from './corrections.ts';
import { reverseEntry } from './ledger.ts';
import { listClaims } from './worklists.ts';

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; fields?: object }> {
  try {
    await promise;
  } catch (err) {
    return err as { code: string; message: string; fields?: object };
  }
  throw new Error('expected a refusal');
}

const once = (key: string, body: unknown): Once => ({ key, requestHash: requestHash('test', body) });
const ICN = '2026123000417';

describe.each(BACKENDS)("corrected and void claims quoting the payer's claim number, on %s", (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  const desk = () => actorOf(world, 'front_desk');

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
  });
  afterAll(() => drop());

  /** Debits equal credits over the whole ledger. */
  const ledgerBalanced = async () => {
    const [row] = await db.query<{ debits: number; credits: number }>(
      `SELECT coalesce(sum(amount_cents) FILTER (WHERE side = 'debit'), 0)::int AS debits,
              coalesce(sum(amount_cents) FILTER (WHERE side = 'credit'), 0)::int AS credits FROM ledger_lines`,
    );
    expect(row!.debits).toBe(row!.credits);
  };
  const counts = async (patientId: string) => {
    const [row] = await db.query<{ entries: number; claims: number }>(
      `SELECT (SELECT count(*) FROM ledger_entries WHERE patient_id = $1)::int AS entries,
              (SELECT count(*) FROM claims WHERE patient_id = $1)::int AS claims`,
      [patientId],
    );
    return row!;
  };
  const lines = (file: string) => file.split('\n').map((s) => s.replace(/~$/, ''));
  const sentVisit = () => claimedVisit(db, world, true);

  it("records the payer's claim number on a sent claim or with its payment, checked and audited", async () => {
    const ready = await claimedVisit(db, world, false);
    const early = await refusal(setPayerClaimNumber(ctx, desk(), ready.claimId, { payerClaimNumber: ICN }));
    expect(early.code).toBe('conflict');

    const sent = await sentVisit();
    const bad = await refusal(setPayerClaimNumber(ctx, desk(), sent.claimId, { payerClaimNumber: 'ICN 12*3' }));
    expect(bad.fields).toHaveProperty('payerClaimNumber');
    const saved = await setPayerClaimNumber(ctx, desk(), sent.claimId, { payerClaimNumber: ` ${ICN} ` });
    expect(saved).toMatchObject({ payerClaimNumber: ICN, can: { correct: true, void: true, payerClaimNumber: true } });

    const paid = await sentVisit();
    const answer = await payClaim(ctx, desk(), paid.claimId, {
      amount: 9000,
      method: 'check',
      payerClaimNumber: 'A-77',
    });
    expect(answer.claim.payerClaimNumber).toBe('A-77');
    const audited = await db.query<{ action: string; detail: unknown }>(
      `SELECT action, detail FROM audit_events WHERE record_id = $1 AND action IN ('claim.update', 'claim.pay')`,
      [sent.claimId],
    );
    expect(audited).toEqual([{ action: 'claim.update', detail: { fields: ['payerClaimNumber'] } }]);
  });

  it("refuses a reversal on a sent claim without the payer's claim number, naming it, writing nothing", async () => {
    const visit = await sentVisit();
    const before = await counts(visit.patientId);
    const refused = await refusal(reverseCharge(ctx, desk(), visit.chargeIds[1]!, 'Billed in error'));
    expect(refused.code).toBe('validation_failed');
    expect(refused.fields).toHaveProperty('payerClaimNumber');
    expect(JSON.stringify(refused.fields)).toMatch(/payer's claim number/);
    expect(await counts(visit.patientId)).toEqual(before);
    const charges = (await visitCharges(ctx, desk(), visit.visitId)).charges;
    expect(charges.map((c) => [c.status, c.claim?.id, c.can.reverse])).toEqual([
      ['posted', visit.claimId, true],
      ['posted', visit.claimId, true],
    ]);
    await ledgerBalanced();
  });

  it('reverses a line of a sent claim through a replacement quoting the payer’s number in the next 837P', async () => {
    const visit = await sentVisit();
    await setPayerClaimNumber(ctx, desk(), visit.claimId, { payerClaimNumber: ICN });
    const [kept, dropped] = visit.chargeIds as [string, string];
    const reversed = await reverseCharge(ctx, desk(), dropped, 'Billed in error');
    expect(reversed.status).toBe('reversed');
    expect(reversed.claim).toBeNull();

    const charges = (await visitCharges(ctx, desk(), visit.visitId)).charges;
    const replacementId = charges.find((c) => c.id === kept)!.claim!.id;
    expect(replacementId).not.toBe(visit.claimId);
    const { claims } = await listClaims(ctx, desk(), { visitId: visit.visitId });
    const replacement = claims.find((c) => c.id === replacementId)!;
    const original = claims.find((c) => c.id === visit.claimId)!;
    expect(replacement).toMatchObject({ frequency: 'replacement', status: 'ready', totalCents: 9000 });
    expect(replacement.correctsControlNumber).toBe(original.controlNumber);
    expect(replacement.controlNumber).toBe(`${original.controlNumber}-R1`);
    expect(original.correctedBy).toEqual({ controlNumber: replacement.controlNumber, frequency: 'replacement' });
    expect(original.can).toMatchObject({ correct: false, void: false, pay: true });

    const form = await claimForm(ctx, desk(), replacementId);
    expect(form.forms[0]!.box22_resubmission).toEqual({ code: '7', originalRef: ICN });
    expect(form.forms[0]!.box24_lines.map((l) => l.procedure)).toEqual(['97140']);

    const batch = await createBatch(ctx, desk(), { claimIds: [replacementId] });
    expect(checkX12(batch.file).problems).toEqual([]);
    const segments = lines(batch.file);
    expect(segments.find((s) => s.startsWith('CLM*'))).toMatch(/^CLM\*KW[0-9A-F]+-R1\*90\*\*\*11:B:7\*/);
    expect(segments).toContain(`REF*F8*${ICN}`);
    expect(segments.filter((s) => s.startsWith('SV1*'))).toHaveLength(1);
    await ledgerBalanced();
  });

  it('voids the claim when the last line of its waiting replacement is reversed, and chains a sent one', async () => {
    const visit = await sentVisit();
    await setPayerClaimNumber(ctx, desk(), visit.claimId, { payerClaimNumber: ICN });
    const [first, second] = visit.chargeIds as [string, string];
    await reverseCharge(ctx, desk(), first, 'Wrong code');
    const entryId = (await visitCharges(ctx, desk(), visit.visitId)).charges.find((c) => c.id === second)!.entryId!;
    // Through the ledger entry, as the reports page reverses: the same path.
    await reverseEntry(ctx, desk(), entryId, 'Visit not covered');
    const { claims } = await listClaims(ctx, desk(), { visitId: visit.visitId });
    expect(claims.map((c) => c.frequency).sort()).toEqual(['original', 'void']);
    const voiding = claims.find((c) => c.frequency === 'void')!;
    expect(voiding).toMatchObject({ totalCents: 14000, status: 'ready', can: { pay: false, correct: false } });
    const batch = await createBatch(ctx, desk(), { claimIds: [voiding.id] });
    expect(lines(batch.file).find((s) => s.startsWith('CLM*'))).toContain('*11:B:8*');
    expect(lines(batch.file)).toContain(`REF*F8*${ICN}`);
    const live = await db.query('SELECT 1 FROM claim_charges WHERE charge_id = ANY($1::uuid[]) AND live', [
      visit.chargeIds,
    ]);
    expect(live).toEqual([]);
    await ledgerBalanced();
  });

  it('sends a corrected claim or a void once per claim, whatever the taps, under the Idempotency-Key', async () => {
    const visit = await sentVisit();
    const missing = await refusal(correctClaim(ctx, desk(), visit.claimId, { kind: 'replacement' }));
    expect(missing.fields).toHaveProperty('payerClaimNumber');
    await setPayerClaimNumber(ctx, desk(), visit.claimId, { payerClaimNumber: ICN });
    const body = { kind: 'replacement' as const, reason: 'Diagnosis corrected' };
    const before = await counts(visit.patientId);
    const a = await correctClaim(ctx, desk(), visit.claimId, body, once(`fix-${visit.claimId}`, body));
    const b = await correctClaim(ctx, desk(), visit.claimId, body, once(`fix-${visit.claimId}`, body));
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ frequency: 'replacement', total: 14000, correctionReason: 'Diagnosis corrected' });
    expect(a.corrects).toEqual({ id: visit.claimId, controlNumber: expect.any(String), payerClaimNumber: ICN });
    const again = await refusal(correctClaim(ctx, desk(), visit.claimId, { kind: 'void' }, once('other-tap', {})));
    expect(again.code).toBe('conflict');
    expect(again.message).toContain(a.controlNumber);
    expect(await counts(visit.patientId)).toEqual({ ...before, claims: before.claims + 1 });

    // Sent, and paid under its own number, the replacement is corrected in turn: the chain goes on.
    await createBatch(ctx, desk(), { claimIds: [a.id] });
    await setPayerClaimNumber(ctx, desk(), a.id, { payerClaimNumber: 'ICN-2' });
    const voided = await correctClaim(ctx, desk(), a.id, { kind: 'void' });
    expect(voided).toMatchObject({ frequency: 'void', corrects: { id: a.id, payerClaimNumber: 'ICN-2' } });
    expect(voided.chargeIds).toEqual(a.chargeIds);
    expect((await refusal(correctClaim(ctx, desk(), voided.id, { kind: 'replacement' }))).code).toBe('conflict');
    await ledgerBalanced();
  });
});
