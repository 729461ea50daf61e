import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { billablePatient, claimedVisit, signedBillableVisit } from '../../../test/support/money-kit.ts';
import { actorOf, tickingContext } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { postCharge, visitCharges } from './charges.ts';
import { batchFile, chargesToReview, listBatches, listClaims } from './worklists.ts';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return (err as { code: string }).code;
  }
  throw new Error('expected a refusal');
}

describe.each(BACKENDS)("the desk's money worklists on %s", (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  const desk = () => actorOf(world, 'front_desk');
  /** The desk of site B only: the world's patients of site A are not theirs. */
  const otherDesk = () => ({ ...desk(), locationIds: [world.sites.b] });
  const auditsOf = async (action: string) =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE action = $1', [action]))[0]!.n;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
  });
  afterAll(() => drop());

  it('lists a signed visit with proposed lines until every line is posted, for its own sites only', async () => {
    const { patientId } = await billablePatient(db, world);
    const visitId = await signedBillableVisit(db, world, patientId);
    const listed = (await chargesToReview(ctx, desk())).visits.find((v) => v.visitId === visitId);
    expect(listed).toMatchObject({ patientId, lines: 2, amountCents: expect.any(Number) });
    expect((await chargesToReview(ctx, otherDesk())).visits.map((v) => v.visitId)).not.toContain(visitId);
    expect(await refusal(chargesToReview(ctx, actorOf(world, 'therapist')))).toBe('forbidden');

    for (const c of (await visitCharges(ctx, desk(), visitId)).charges) await postCharge(ctx, desk(), c.id);
    expect((await chargesToReview(ctx, desk())).visits.map((v) => v.visitId)).not.toContain(visitId);
    expect(await auditsOf('charge.list')).toBeGreaterThanOrEqual(3);
  });

  it('lists claims by visit and state, and hands out an 837P file only to a desk of every patient in it', async () => {
    const ready = await claimedVisit(db, world, false);
    const sent = await claimedVisit(db, world, true);
    const ofVisit = (await listClaims(ctx, desk(), { visitId: ready.visitId })).claims;
    expect(ofVisit.map((c) => [c.id, c.status, c.can])).toEqual([
      [ready.claimId, 'ready', { batch: true, pay: false, payerClaimNumber: false, correct: false, void: false }],
    ]);
    const sentLine = (await listClaims(ctx, desk(), { visitId: sent.visitId })).claims[0]!;
    expect(sentLine.can).toEqual({ batch: false, pay: true, payerClaimNumber: true, correct: true, void: true });
    // Another organisation's visit is not found, rather than listed as claimless.
    expect(await refusal(listClaims(ctx, actorOf(world, 'otherAdmin'), { visitId: ready.visitId }))).toBe('not_found');
    expect(ofVisit[0]!.totalCents).toBeGreaterThan(0);
    const submitted = (await listClaims(ctx, desk(), { status: 'submitted' })).claims.map((c) => c.id);
    expect(submitted).toContain(sent.claimId);
    expect(submitted).not.toContain(ready.claimId);
    expect((await listClaims(ctx, otherDesk())).claims).toEqual([]);
    expect((await listClaims(ctx, actorOf(world, 'otherAdmin'))).claims).toEqual([]);

    const [batch] = (await listBatches(ctx, desk())).batches;
    expect(batch).toMatchObject({ claimCount: 1, usage: 'T' });
    const { file, fileName } = await batchFile(ctx, desk(), batch!.id);
    expect(file.startsWith('ISA*')).toBe(true);
    expect(fileName).toMatch(/^837P-\d{9}\.txt$/);
    expect((await listBatches(ctx, otherDesk())).batches).toEqual([]);
    expect(await refusal(batchFile(ctx, otherDesk(), batch!.id))).toBe('forbidden');
    expect(await refusal(batchFile(ctx, actorOf(world, 'otherAdmin'), batch!.id))).toBe('not_found');
    expect(await auditsOf('claim-batch.read')).toBeGreaterThanOrEqual(1);
  });
});
