import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkX12 } from '../../billing/index.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { billablePatient, signedBillableVisit } from '../../../test/support/money-kit.ts';
import { actorOf, tickingContext } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { postCharge, visitCharges } from './charges.ts';
import { createBatch, createClaim } from './claims.ts';
import { correctClaim, setPayerClaimNumber } from './corrections.ts';
import { listClaims } from './worklists.ts';

describe.each(BACKENDS)('a line posted while a replacement claim waits to go, on %s', (backend) => {
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

  it('joins the waiting replacement, goes out in its 837P, and leaves the sent claim as it was', async () => {
    const { patientId } = await billablePatient(db, world);
    const visitId = await signedBillableVisit(db, world, patientId, ctx);
    const [manual, reeducation] = (await visitCharges(ctx, desk(), visitId)).charges;
    await postCharge(ctx, desk(), manual!.id);
    const sent = await createClaim(ctx, desk(), { visitId });
    await createBatch(ctx, desk(), { claimIds: [sent.id] });
    await setPayerClaimNumber(ctx, desk(), sent.id, { payerClaimNumber: '2026120600123' });
    const replacement = await correctClaim(ctx, desk(), sent.id, { kind: 'replacement', reason: 'Late line' });
    expect(replacement.chargeIds).toEqual([manual!.id]);

    await postCharge(ctx, desk(), reeducation!.id);

    const { charges } = await visitCharges(ctx, desk(), visitId);
    expect(charges.map((c) => c.claim?.id)).toEqual([replacement.id, replacement.id]);
    const { claims } = await listClaims(ctx, desk(), { visitId });
    expect(claims.find((c) => c.id === replacement.id)).toMatchObject({
      totalCents: 14000,
      status: 'ready',
    });
    expect(claims.find((c) => c.id === sent.id)!.totalCents).toBe(9000);
    const audited = await db.query<{ detail: unknown }>(
      `SELECT detail FROM audit_events WHERE action = 'claim.update' AND record_id = $1`,
      [replacement.id],
    );
    expect(audited).toEqual([{ detail: { addedCharge: reeducation!.id } }]);

    const batch = await createBatch(ctx, desk(), { claimIds: [replacement.id] });
    expect(checkX12(batch.file).problems).toEqual([]);
    expect(batch.file.split('\n').filter((s) => s.startsWith('SV1*'))).toHaveLength(2);
  });

  it('adds nothing to a replacement already sent: the line waits for a claim of its own', async () => {
    const { patientId } = await billablePatient(db, world);
    const visitId = await signedBillableVisit(db, world, patientId, ctx);
    const [manual, reeducation] = (await visitCharges(ctx, desk(), visitId)).charges;
    await postCharge(ctx, desk(), manual!.id);
    const sent = await createClaim(ctx, desk(), { visitId });
    await createBatch(ctx, desk(), { claimIds: [sent.id] });
    await setPayerClaimNumber(ctx, desk(), sent.id, { payerClaimNumber: '2026120600124' });
    const replacement = await correctClaim(ctx, desk(), sent.id, { kind: 'replacement', reason: null });
    await createBatch(ctx, desk(), { claimIds: [replacement.id] });

    const posted = await postCharge(ctx, desk(), reeducation!.id);
    expect(posted.claim).toBeNull();
    const { claims } = await listClaims(ctx, desk(), { visitId });
    expect(claims.find((c) => c.id === replacement.id)!.totalCents).toBe(9000);
  });
});
