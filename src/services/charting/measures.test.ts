import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { dueMeasures, measureSeries, submitMeasure } from './measures.ts';
import { measuresDue, regionalMeasures } from './measures-due.ts';
import { signNote } from './notes.ts';
import { actorOf, patientBehindGate, tickingContext } from '../../../test/support/session-kit.ts';
import { createNote } from './session.ts';

describe('which measures are due', () => {
  it('picks NDI for neck regions and ODI for low-back regions, both for both, none for neither', () => {
    expect(regionalMeasures(['posterior-neck', 'suprascapular-left'])).toEqual(['ndi']);
    expect(regionalMeasures(['low-back', 'buttock-right'])).toEqual(['odi']);
    expect(regionalMeasures(['upper-back', 'sacrum'])).toEqual(['ndi', 'odi']);
    expect(regionalMeasures(['calf-left'])).toEqual([]);
  });

  it('asks for NPRS every visit and the others at baseline, then from 4 visits on, overdue from 6', () => {
    const at = new Date('2026-11-01T00:00:00Z');
    const status = (visitsSince: number | null) =>
      measuresDue({
        regions: ['low-back'],
        history:
          visitsSince === null ? {} : { odi: { lastTakenAt: at, visitsSince }, psfs: { lastTakenAt: at, visitsSince } },
      }).map((m) => `${m.measure}:${m.status}`);
    expect(status(null)).toEqual(['nprs:due', 'odi:due', 'psfs:due']);
    expect(status(3)).toEqual(['nprs:due', 'odi:not-due', 'psfs:not-due']);
    expect(status(4)).toEqual(['nprs:due', 'odi:due', 'psfs:due']);
    expect(status(6)).toEqual(['nprs:due', 'odi:overdue', 'psfs:overdue']);
  });
});

describe.each(BACKENDS)('outcome measures on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
  });
  afterAll(() => drop());

  it('scores by the clinical core: ODI 16/50 is 32%, one section skipped 16/45 is 35.6%', async () => {
    const therapist = actorOf(world, 'therapist');
    const full = await submitMeasure(ctx, therapist, world.patients.a, {
      measure: 'odi',
      answers: [2, 2, 2, 2, 2, 2, 1, 1, 1, 1],
    });
    expect(full).toMatchObject({ score: 32, band: expect.any(String), enteredRole: 'therapist' });
    const skipped = await submitMeasure(ctx, therapist, world.patients.a, {
      measure: 'odi',
      answers: [2, 2, 2, 2, 2, 2, 1, 1, 2, null],
    });
    expect(skipped.score).toBe(35.6);
  });

  it('refuses a form it cannot score, naming the item, and stores nothing', async () => {
    const therapist = actorOf(world, 'therapist');
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM measure_responses'))[0]!.n;
    await expect(
      submitMeasure(ctx, therapist, world.patients.a, { measure: 'ndi', answers: [1, 2, 7, 1, 1, 1, 1, 1, 1, 1] }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: { 'answers.2': expect.any(String) },
    });
    await expect(
      submitMeasure(ctx, therapist, world.patients.a, { measure: 'nprs', answers: [null] }),
    ).rejects.toMatchObject({ fields: { 'answers.0': expect.any(String) } });
    await expect(
      submitMeasure(ctx, therapist, world.patients.a, { measure: 'psfs', answers: [4, 5] }),
    ).rejects.toMatchObject({ fields: { answers: expect.any(String) } });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM measure_responses'))[0]!.n).toBe(before);
  });

  it('lets the patient submit and read their own, the desk submit but not read', async () => {
    const patient = actorOf(world, 'patient');
    const desk = actorOf(world, 'front_desk');
    await submitMeasure(ctx, patient, world.patients.a, {
      measure: 'psfs',
      answers: [{ activity: 'Lift my grandson', score: 3 }, 4, 5],
    });
    await submitMeasure(ctx, desk, world.patients.a, { measure: 'nprs', answers: [7] });
    await expect(measureSeries(ctx, desk, world.patients.a)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      submitMeasure(ctx, patient, world.patients.b, { measure: 'nprs', answers: [3] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const mine = await measureSeries(ctx, patient, world.patients.a);
    expect(mine.series.map((s) => s.measure)).toEqual(expect.arrayContaining(['odi', 'psfs', 'nprs']));
    // The next PSFS rates the same activities: the series gives their names (unnamed ones numbered).
    const psfs = mine.series.find((s) => s.measure === 'psfs')!;
    expect(psfs.points.at(-1)!.activities).toEqual(['Lift my grandson', 'Activity 2', 'Activity 3']);
    expect(mine.series.find((s) => s.measure === 'nprs')!.points[0]).not.toHaveProperty('activities');
  });

  it('plots each measure against its baseline with the change class', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const therapist = actorOf(world, 'therapist');
    for (const pain of [8, 7, 4]) await submitMeasure(ctx, therapist, patient, { measure: 'nprs', answers: [pain] });
    const { series } = await measureSeries(ctx, therapist, patient);
    expect(series).toHaveLength(1);
    const nprs = series[0]!;
    expect(nprs.points.map((p) => p.score)).toEqual([8, 7, 4]);
    expect(nprs.points.map((p) => p.change?.class ?? null)).toEqual([null, 'no-change', 'beyond-mcid']);
    expect(nprs.mcid.value).toBe(2);
  });

  it('says what is due from the intake pain map and the visits since each measure', async () => {
    const patient = await patientBehindGate(db, world, 'clear', [{ region: 'posterior-neck', intensity: 6 }]);
    const therapist = actorOf(world, 'therapist');
    const first = await dueMeasures(ctx, actorOf(world, 'front_desk'), patient);
    expect(first.visitNumber).toBe(1);
    expect(first.measures.map((m) => `${m.measure}:${m.status}`)).toEqual(['nprs:due', 'ndi:due', 'psfs:due']);
    await submitMeasure(ctx, therapist, patient, { measure: 'ndi', answers: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    await submitMeasure(ctx, therapist, patient, { measure: 'psfs', answers: [3, 4, 5] });
    for (let visit = 0; visit < 4; visit++) {
      const note = await createNote(ctx, therapist, patient, { subjective: {}, objective: {}, cptMinutes: [] });
      await signNote(ctx, therapist, note.id);
      const due = await dueMeasures(ctx, therapist, patient);
      expect(due.measures.find((m) => m.measure === 'ndi')!.status).toBe(visit < 3 ? 'not-due' : 'due');
    }
    await expect(dueMeasures(ctx, actorOf(world, 'patient'), patient)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
