import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkX12 } from '../../billing/index.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { billablePatient, signedBillableVisit } from '../../../test/support/money-kit.ts';
import { actorOf, tickingContext } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import { backup, restore } from '../../store/backup.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { requestHash, type Once } from '../idempotency.ts';
import { checkOut, postCharge, proposeVisitCharges, reverseCharge, reviewCharge, visitCharges } from './charges.ts';
import { claimForm, createBatch, createClaim, payClaim } from './claims.ts';
import { patientBalance, payerOwes, postEntry, recordPayment } from './ledger.ts';
import { setTherapistNpi } from './setup.ts';

/** The error a promise is refused with: its code and the fields it names. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields?: Record<string, string> }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { code: string; fields?: Record<string, string> };
    return { code: e.code, fields: e.fields };
  }
  throw new Error('expected a refusal');
}

const once = (key: string, body: unknown = {}): Once => ({ key, requestHash: requestHash('test', body) });

describe.each(BACKENDS)('getting paid, from a signed note to a zero balance, on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  const desk = () => actorOf(world, 'front_desk');
  const count = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
  });
  afterAll(() => drop());

  it('signed note → proposed charges → posted → checkout with copay → claim → 837P → payer paid → zero', async () => {
    const { patientId, payerId, coverageId } = await billablePatient(db, world);
    const visitId = await signedBillableVisit(db, world, patientId);

    // Signing proposed one line per timed code, priced by the payer's fee schedule.
    const proposed = await visitCharges(ctx, desk(), visitId);
    expect(proposed.charges.map((c) => [c.code, c.units, c.amountCents, c.status, c.coverageId])).toEqual([
      ['97140', 2, 9000, 'proposed', coverageId],
      ['97112', 1, 5000, 'proposed', coverageId],
    ]);
    expect(proposed.charges[0]!.modifiers).toEqual(['GP']);
    expect(proposed.charges[1]!.modifiers).toEqual(['GP', '59']);
    expect(proposed.charges[0]!.diagnoses).toEqual(['M54.2', 'M62.838']);
    expect(proposed.charges.every((c) => c.can.post)).toBe(true);
    expect(proposed.can.checkout).toBe(false);
    // A therapist sees the charges but posts no money.
    const seenByTherapist = await visitCharges(ctx, actorOf(world, 'therapist'), visitId);
    expect(seenByTherapist.charges.some((c) => c.can.post)).toBe(false);
    expect((await refusal(postCharge(ctx, actorOf(world, 'therapist'), proposed.charges[0]!.id))).code).toBe(
      'forbidden',
    );

    // The desk points the second line at the second diagnosis only, then posts both.
    const [manual, reeducation] = proposed.charges;
    const reviewed = await reviewCharge(ctx, desk(), reeducation!.id, {
      version: reeducation!.version,
      diagnosisPointers: ['b'],
    });
    expect(reviewed.diagnosisPointers).toEqual(['B']);
    for (const c of [manual!, reeducation!]) expect((await postCharge(ctx, desk(), c.id)).status).toBe('posted');
    // A posted line is never edited.
    expect((await refusal(reviewCharge(ctx, desk(), manual!.id, { version: 99, units: 1 }))).code).toBe('conflict');

    const checkedOut = await checkOut(ctx, desk(), visitId, { copay: 2500 });
    expect(checkedOut.balance.dueNow).toBe(2500);
    expect(checkedOut.balance.payers).toEqual([{ payerId, balance: 11500 }]);
    expect(checkedOut.can.checkout).toBe(false);

    const paid = await recordPayment(ctx, desk(), patientId, { amount: 2500, method: 'card', reference: 'T-7781' });
    expect(paid.balance.dueNow).toBe(0);

    const claim = await createClaim(ctx, desk(), { visitId });
    expect(claim.total).toBe(14000);
    expect(claim.chargeIds).toHaveLength(2);
    const { forms } = await claimForm(ctx, desk(), claim.id);
    expect(forms).toHaveLength(1);
    expect(forms[0]!.box1a_insuredId).toBe('XJH1234567');
    expect(forms[0]!.box24_lines).toHaveLength(2);
    expect(forms[0]!.box26_patientAccountNumber).toBe(claim.controlNumber);

    const batch = await createBatch(ctx, desk(), { claimIds: [claim.id] });
    expect(checkX12(batch.file)).toMatchObject({ ok: true });
    expect(batch.file).toContain(`CLM*${claim.controlNumber}*140*`);

    // The payer pays $90 and writes $25 off by contract: nothing is owed by anyone.
    const settled = await payClaim(ctx, desk(), claim.id, {
      amount: 9000,
      method: 'check',
      reference: 'EFT-5531',
      adjustment: 2500,
    });
    expect(settled.claim.status).toBe('paid');
    expect(settled.balance).toMatchObject({ dueNow: 0, patient: 0, payers: [{ payerId, balance: 0 }] });
    expect(await payerOwes(ctx, desk(), payerId)).toEqual({ payerId, balance: 0 });
    const ownView = await patientBalance(ctx, { ...actorOf(world, 'patient'), patientId }, patientId);
    expect(ownView.dueNow).toBe(0);
    // Every entry balances: debits equal credits across the ledger.
    const [{ off }] = (await db.query<{ off: number }>(
      `SELECT coalesce(sum(CASE WHEN side = 'debit' THEN amount_cents ELSE -amount_cents END), 0)::int AS off
         FROM ledger_lines WHERE org_id = $1`,
      [world.orgId],
    )) as [{ off: number }];
    expect(off).toBe(0);
  });

  it('refuses a bad NPI check digit, a pointer to no diagnosis, a payment beyond the balance', async () => {
    const bad = await refusal(setTherapistNpi(ctx, actorOf(world, 'admin'), world.therapists.a, '1234567890'));
    expect(bad.code).toBe('validation_failed');
    expect(Object.keys(bad.fields!)).toEqual(['npi']);

    // A stored NPI that fails its check digit holds the proposal back, naming the provider's NPI.
    const { patientId } = await billablePatient(db, world);
    await db.query('UPDATE therapists SET npi = $2 WHERE id = $1', [world.therapists.a, '1234567890']);
    const visitId = await signedBillableVisit(db, world, patientId);
    expect((await visitCharges(ctx, desk(), visitId)).charges).toEqual([]);
    const held = await refusal(proposeVisitCharges(ctx, desk(), visitId));
    expect(Object.keys(held.fields!)).toContain('renderingProviderNpi');
    await setTherapistNpi(ctx, actorOf(world, 'admin'), world.therapists.a, '1234567893');
    const { charges } = await proposeVisitCharges(ctx, desk(), visitId);
    expect(charges).toHaveLength(2);

    const pointer = await refusal(
      reviewCharge(ctx, desk(), charges[0]!.id, { version: charges[0]!.version, diagnosisPointers: ['A', 'E'] }),
    );
    expect(pointer.fields?.diagnosisPointers).toMatch(/E points at no diagnosis/);

    for (const c of charges) await postCharge(ctx, desk(), c.id);
    await checkOut(ctx, desk(), visitId, { copay: 2000 });
    const entries = await count('ledger_entries');
    const over = await refusal(recordPayment(ctx, desk(), patientId, { amount: 2001, method: 'cash' }));
    expect(over.fields).toEqual({ amount: expect.stringMatching(/more than the balance/) });
    expect(await count('ledger_entries')).toBe(entries);
    // With explicit credit it is taken, and the credit is refunded.
    const credit = await recordPayment(ctx, desk(), patientId, { amount: 2500, method: 'cash', allowCredit: true });
    expect(credit.balance.patient).toBe(-500);
    const refunded = await postEntry(ctx, desk(), patientId, { kind: 'refund', amount: 500, method: 'cash' });
    expect(refunded.balance.patient).toBe(0);
    // A payment names a visit of this patient or none.
    const elsewhere = await refusal(
      recordPayment(ctx, desk(), world.patients.a, { amount: 100, method: 'cash', allowCredit: true, visitId }),
    );
    expect(Object.keys(elsewhere.fields!)).toEqual(['visitId']);
  });

  it('holds back a self-pay visit whose service has no price, naming the price', async () => {
    const { patientId } = await billablePatient(db, world, true);
    const visitId = await signedBillableVisit(db, world, patientId);
    expect((await visitCharges(ctx, desk(), visitId)).charges).toEqual([]);
    const held = await refusal(proposeVisitCharges(ctx, desk(), visitId));
    expect(held.fields).toEqual({ servicePrice: expect.stringMatching(/no price/) });
  });

  it('replays a post, a payment and a claim under one key; a reversal undoes a charge once', async () => {
    const { patientId, payerId } = await billablePatient(db, world);
    const visitId = await signedBillableVisit(db, world, patientId);
    const { charges } = await visitCharges(ctx, desk(), visitId);
    const [first, second] = [charges.find((c) => c.code === '97140'), charges.find((c) => c.code === '97112')];
    const a = await postCharge(ctx, desk(), first!.id, once(`post-${first!.id}`));
    const b = await postCharge(ctx, desk(), first!.id, once(`post-${first!.id}`));
    expect(b).toEqual(a);
    await postCharge(ctx, desk(), second!.id);
    const entriesOf = async () =>
      (
        await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries WHERE patient_id = $1', [
          patientId,
        ])
      )[0]!.n;
    expect(await entriesOf()).toBe(2);
    await checkOut(ctx, desk(), visitId, { copay: 1000 });
    const body = { amount: 1000, method: 'card' };
    const p1 = await recordPayment(
      ctx,
      desk(),
      patientId,
      { amount: 1000, method: 'card' },
      once(`pay-${visitId}`, body),
    );
    const p2 = await recordPayment(
      ctx,
      desk(),
      patientId,
      { amount: 1000, method: 'card' },
      once(`pay-${visitId}`, body),
    );
    expect(p2.id).toBe(p1.id);
    expect(await entriesOf()).toBe(4);
    const c1 = await createClaim(ctx, desk(), { visitId }, once(`claim-${visitId}`));
    const c2 = await createClaim(ctx, desk(), { visitId }, once(`claim-${visitId}`));
    expect(c2.id).toBe(c1.id);
    expect((await refusal(createClaim(ctx, desk(), { visitId }))).code).toBe('conflict');

    // Reversing the 97112 line takes its $50 off the payer's balance; a second reversal is refused.
    const before = (await patientBalance(ctx, desk(), patientId)).payers.find((p) => p.payerId === payerId)!.balance;
    const reversed = await reverseCharge(ctx, desk(), second!.id, 'Billed in error');
    expect(reversed.status).toBe('reversed');
    const after = (await patientBalance(ctx, desk(), patientId)).payers.find((p) => p.payerId === payerId)!.balance;
    expect(before - after).toBe(5000);
    expect((await refusal(reverseCharge(ctx, desk(), second!.id, 'Again'))).code).toBe('conflict');
  });

  it('keeps the ledger append-only and a posted charge unchanged in the database itself', async () => {
    const [entry] = await db.query<{ id: string }>('SELECT id FROM ledger_entries LIMIT 1');
    await expect(db.query(`UPDATE ledger_entries SET reason = 'edited' WHERE id = $1`, [entry!.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM ledger_lines WHERE entry_id = $1', [entry!.id])).rejects.toThrow(/append-only/);
    const [posted] = await db.query<{ id: string }>(`SELECT id FROM charges WHERE status = 'posted' LIMIT 1`);
    await expect(db.query('UPDATE charges SET units = 9 WHERE id = $1', [posted!.id])).rejects.toThrow(/never edited/);
    // An entry whose debits and credits differ is refused when its transaction commits, and leaves nothing.
    const lopsided = '00000000-0000-4000-8000-0000000000aa';
    const [{ patientId }] = (await db.query<{ patientId: string }>(
      'SELECT patient_id AS "patientId" FROM ledger_entries LIMIT 1',
    )) as [{ patientId: string }];
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO ledger_entries (id, org_id, patient_id, kind, posted_at, reason, posted_by)
           VALUES ($1, $2, $3, 'adjustment', now(), 'test', $4)`,
          [lopsided, world.orgId, patientId, world.users.admin.id],
        );
        await tx.query(
          `INSERT INTO ledger_lines (org_id, entry_id, line_no, account, side, amount_cents)
           VALUES ($1, $2, 1, 'cash', 'debit', 100)`,
          [world.orgId, lopsided],
        );
      }),
    ).rejects.toThrow(/debits and credits/);
    expect(await db.query('SELECT 1 FROM ledger_entries WHERE id = $1', [lopsided])).toEqual([]);
  });
  it('backs up and restores the money row for row: charges, entries, lines, payments, claims, batches', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'knotwork-money-'));
    const target = await createTestDatabase(backend);
    try {
      const file = join(dir, 'money.ndjson.gz');
      await backup(db, file);
      await restore(target.db, file);
      const tables = ['charges', 'ledger_entries', 'ledger_lines', 'payments', 'claims', 'claim_charges'];
      const totals = (d: Database) =>
        Promise.all(
          tables.map(async (t) => (await d.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n),
        );
      const before = await totals(db);
      expect(before.every((n) => n > 0)).toBe(true);
      expect(await totals(target.db)).toEqual(before);
      const sums =
        'SELECT account, side, sum(amount_cents)::int AS total FROM ledger_lines GROUP BY 1, 2 ORDER BY 1, 2';
      expect(await target.db.query(sums)).toEqual(await db.query(sums));
    } finally {
      await target.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
