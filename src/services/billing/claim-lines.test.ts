import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkX12 } from '../../billing/index.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { postedVisit } from '../../../test/support/money-kit.ts';
import { actorOf, tickingContext } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { checkOut, reverseCharge, visitCharges } from './charges.ts';
import { claimForm, createBatch, createClaim } from './claims.ts';
import { createAuthorization, updateCoverage } from './coverage.ts';
import { reverseEntry } from './ledger.ts';

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; fields?: object }> {
  try {
    await promise;
  } catch (err) {
    return err as { code: string; message: string; fields?: object };
  }
  throw new Error('expected a refusal');
}

describe.each(BACKENDS)('copay on file, prior authorization and reversals on claims, on %s', (backend) => {
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
  const claimLines = (claimId: string) =>
    db.query<{ chargeId: string }>('SELECT charge_id AS "chargeId" FROM claim_charges WHERE claim_id = $1', [claimId]);

  it("checks out with the coverage's copay when none is typed, and a typed one (even 0) wins", async () => {
    const onFile = await postedVisit(db, world);
    const coverage = await updateCoverage(ctx, desk(), onFile.coverageId, 1, { copay: 3500 });
    expect(coverage.copay).toBe(3500);
    const out = await checkOut(ctx, desk(), onFile.visitId, {});
    expect(out.checkout?.copay).toBe(3500);
    expect(out.balance.dueNow).toBe(3500);

    const typed = await postedVisit(db, world);
    await updateCoverage(ctx, desk(), typed.coverageId, 1, { copay: 3500 });
    const zero = await checkOut(ctx, desk(), typed.visitId, { copay: 0 });
    expect(zero.checkout?.copay).toBe(0);
    expect(zero.balance.dueNow).toBe(0);

    // No copay on file and none typed: nothing moves to the patient.
    const none = await postedVisit(db, world);
    expect((await checkOut(ctx, desk(), none.visitId, {})).checkout?.copay).toBe(0);
    await ledgerBalanced();
  });

  it("quotes the authorization covering the visit on the claim: CMS-1500 box 23 and the 837P's REF*G1", async () => {
    const visit = await postedVisit(db, world);
    const { charges } = await visitCharges(ctx, desk(), visit.visitId);
    const day = charges[0]!.serviceDate;
    const shifted = (days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString();
    // One ended before the visit, one without a number, and the one in force with its number.
    const auth = (startsOn: string, endsOn: string, reference: string | null) =>
      createAuthorization(ctx, desk(), visit.coverageId, {
        reference,
        unit: 'visits',
        authorized: 12,
        startsOn: startsOn.slice(0, 10),
        endsOn: endsOn.slice(0, 10),
        alertAt: 2,
      });
    await auth(shifted(-90), shifted(-30), 'PA-OLD-1');
    await auth(shifted(-29), shifted(30), null);
    const claim = await createClaim(ctx, desk(), { visitId: visit.visitId });
    expect((await claimForm(ctx, desk(), claim.id)).forms[0]!.box23_priorAuthorization).toBe('');
    await auth(shifted(-10), shifted(60), 'PA-7781');
    expect((await claimForm(ctx, desk(), claim.id)).forms[0]!.box23_priorAuthorization).toBe('PA-7781');

    const batch = await createBatch(ctx, desk(), { claimIds: [claim.id] });
    expect(checkX12(batch.file).ok).toBe(true);
    const segments = batch.file.split('\n').map((s) => s.replace(/~$/, ''));
    const clm = segments.findIndex((s) => s.startsWith('CLM*'));
    const ref = segments.indexOf('REF*G1*PA-7781');
    // In the claim loop: after CLM, before the first service line.
    expect(clm).toBeGreaterThan(0);
    expect(ref).toBeGreaterThan(clm);
    expect(ref).toBeLessThan(segments.findIndex((s) => s.startsWith('LX*')));
    expect(segments.filter((s) => s.startsWith('REF*G1'))).toHaveLength(1);
  });

  it('takes a reversed line off a claim not yet sent, and the claim itself when it was its last', async () => {
    const visit = await postedVisit(db, world);
    const claim = await createClaim(ctx, desk(), { visitId: visit.visitId });
    expect(claim.total).toBe(14000);
    const [first, second] = visit.chargeIds as [string, string];

    const reversed = await reverseCharge(ctx, desk(), second, 'Billed in error');
    expect(reversed).toMatchObject({ status: 'reversed', claim: null });
    expect(await claimLines(claim.id)).toEqual([{ chargeId: first }]);
    const form = await claimForm(ctx, desk(), claim.id);
    expect(form.forms[0]!.box24_lines.map((l) => l.procedure)).toEqual(['97140']);
    expect(form.forms[0]!.box28_totalCharge).toBe(9000);

    // The last line goes through its ledger entry: the claim goes with it, and the visit has nothing to claim.
    const entryId = (await visitCharges(ctx, desk(), visit.visitId)).charges.find((c) => c.id === first)!.entryId!;
    await reverseEntry(ctx, desk(), entryId, 'Wrong patient');
    expect(await db.query('SELECT 1 FROM claims WHERE id = $1', [claim.id])).toEqual([]);
    expect((await refusal(createClaim(ctx, desk(), { visitId: visit.visitId }))).fields).toHaveProperty('visitId');
    const audited = await db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE record_type = 'claim' AND record_id = $1 ORDER BY id`,
      [claim.id],
    );
    expect(audited.map((a) => a.action)).toEqual(['claim.create', 'claim.update', 'claim.form', 'claim.delete']);
    await ledgerBalanced();
  });

  it("reverses a line of a sent claim only through a corrected claim quoting the payer's number", async () => {
    const visit = await postedVisit(db, world);
    const claim = await createClaim(ctx, desk(), { visitId: visit.visitId });
    await createBatch(ctx, desk(), { claimIds: [claim.id] });
    const before = await visitCharges(ctx, desk(), visit.visitId);
    expect(before.charges.map((c) => [c.claim?.status, c.can.reverse])).toEqual([
      ['submitted', true],
      ['submitted', true],
    ]);
    const entries = async () =>
      (await db.query('SELECT 1 FROM ledger_entries WHERE patient_id = $1', [visit.patientId])).length;
    const count = await entries();

    // Without the payer's claim number there is no corrected claim to send: nothing is written.
    const byCharge = await refusal(reverseCharge(ctx, desk(), visit.chargeIds[0]!, 'Billed in error'));
    expect(byCharge.fields).toHaveProperty('payerClaimNumber');
    expect(JSON.stringify(byCharge.fields)).toContain(claim.controlNumber);
    const byEntry = await refusal(reverseEntry(ctx, desk(), before.charges[1]!.entryId!, 'Billed in error'));
    expect(byEntry.fields).toHaveProperty('payerClaimNumber');

    expect(await entries()).toBe(count);
    expect((await visitCharges(ctx, desk(), visit.visitId)).charges.map((c) => c.status)).toEqual(['posted', 'posted']);
    expect(await claimLines(claim.id)).toHaveLength(2);
    await ledgerBalanced();
  });

  it('refuses a batch whose claim lost a line after it was read, keeping no file', async () => {
    const visit = await postedVisit(db, world);
    const claim = await createClaim(ctx, desk(), { visitId: visit.visitId });
    // A reversal landing between reading the claims and keeping the file: the line goes as the batch starts.
    const racing = new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction')
          return <T>(fn: (tx: Database) => Promise<T>) =>
            target.transaction(async (tx) => {
              await tx.query('DELETE FROM claim_charges WHERE claim_id = $1 AND charge_id = $2', [
                claim.id,
                claim.chargeIds[1],
              ]);
              return fn(tx as Database);
            });
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const batches = async () => (await db.query('SELECT 1 FROM claim_batches')).length;
    const kept = await batches();
    const refused = await refusal(createBatch({ ...ctx, db: racing }, desk(), { claimIds: [claim.id] }));
    expect(refused.message).toBe(`Claim ${claim.controlNumber} changed meanwhile: make the file again.`);
    expect(await batches()).toBe(kept);
    expect(await claimLines(claim.id)).toHaveLength(2);
  });
});
