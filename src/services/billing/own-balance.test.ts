import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { postedVisit } from '../../../test/support/money-kit.ts';
import { actorOf, tickingContext } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { checkOut } from './charges.ts';
import { patientBalance, postEntry, recordPayment, reverseEntry } from './ledger.ts';
import { ownBalance } from './own-balance.ts';

describe.each(BACKENDS)("a patient's own balance on their page, on %s", (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  const desk = () => actorOf(world, 'front_desk');
  const patientActor = (patientId: string) => ({ ...actorOf(world, 'patient'), patientId });
  const audited = async (action: string, patientId: string, outcome = 'allowed') =>
    (
      await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND patient_id = $2 AND outcome = $3',
        [action, patientId, outcome],
      )
    )[0]!.n;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
  });
  afterAll(() => drop());

  it('tells what they owe now and their own payments, newest first, and nothing of the payer', async () => {
    const { patientId, payerId, visitId } = await postedVisit(db, world);
    await checkOut(ctx, desk(), visitId, { copay: 3000 });
    await recordPayment(ctx, desk(), patientId, { amount: 1000, method: 'card', reference: 'T-1' });
    await recordPayment(ctx, desk(), patientId, { amount: 500, method: 'cash' });
    // A payment keyed in twice and reversed is not one the patient made.
    const twice = await recordPayment(ctx, desk(), patientId, { amount: 200, method: 'cash' });
    await reverseEntry(ctx, desk(), twice.entryId, 'Keyed in twice');

    const own = await ownBalance(ctx, patientActor(patientId), patientId);
    expect(own).toEqual({
      patientId,
      dueNow: 1500,
      credit: 0,
      payments: [
        { paidAt: expect.any(String), amount: 500, method: 'cash' },
        { paidAt: expect.any(String), amount: 1000, method: 'card' },
      ],
    });
    expect(own.payments[0]!.paidAt > own.payments[1]!.paidAt).toBe(true);
    // The payer still owes the visit, but the patient's answer names neither the payer nor its amount.
    const desks = await patientBalance(ctx, desk(), patientId);
    expect(desks.payers.find((p) => p.payerId === payerId)!.balance).toBeGreaterThan(0);
    expect(JSON.stringify(own)).not.toContain(payerId);
    expect(await audited('balance.read-own', patientId)).toBe(1);
  });

  it('shows a credit held once they paid ahead, and none after it is refunded', async () => {
    const { patientId } = await postedVisit(db, world);
    await recordPayment(ctx, desk(), patientId, { amount: 2000, method: 'card', allowCredit: true });
    expect(await ownBalance(ctx, patientActor(patientId), patientId)).toMatchObject({ dueNow: 0, credit: 2000 });
    await postEntry(ctx, desk(), patientId, { kind: 'refund', amount: 2000, method: 'card' });
    expect(await ownBalance(ctx, patientActor(patientId), patientId)).toMatchObject({ dueNow: 0, credit: 0 });
  });

  it("is the patient's own only: another patient and the desk are refused, and the refusal is audited", async () => {
    const { patientId } = await postedVisit(db, world);
    const other = await postedVisit(db, world);
    await expect(ownBalance(ctx, patientActor(other.patientId), patientId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(ownBalance(ctx, desk(), patientId)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await audited('balance.read-own', patientId, 'denied')).toBe(2);
  });

  it('tells the desk what it may post from the balance, weighing the balance', async () => {
    const { patientId } = await postedVisit(db, world);
    const paid = await recordPayment(ctx, desk(), patientId, { amount: 1000, method: 'cash', allowCredit: true });
    const view = await patientBalance(ctx, desk(), patientId);
    expect(view.can).toEqual({ adjust: true, writeOff: true, refund: true });
    const byId = new Map(view.entries.map((e) => [e.id, e.can.reverse]));
    expect(byId.get(paid.entryId)).toBe(true);
    // Charges are reversed from their visit, with their claim.
    expect(view.entries.filter((e) => e.kind === 'charge').every((e) => !e.can.reverse)).toBe(true);
    expect(view.payers.every((p) => p.payerName !== null)).toBe(true);

    await reverseEntry(ctx, desk(), paid.entryId, 'Keyed in twice');
    const after = await patientBalance(ctx, desk(), patientId);
    expect(after.can.refund).toBe(false);
    expect(after.entries.find((e) => e.id === paid.entryId)!.can.reverse).toBe(false);
    expect(after.entries.find((e) => e.kind === 'reversal')!.can.reverse).toBe(false);
  });
});
