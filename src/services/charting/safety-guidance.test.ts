import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { getGate } from './gate/service.ts';
import { addStep, type StepInput } from './session-steps.ts';
import { actorOf, patientBehindGate, tickingContext } from '../../../test/support/session-kit.ts';
import { createNote } from './session.ts';

const step = (over: Partial<StepInput> = {}): StepInput => ({
  muscle: 'middle-trapezius',
  side: 'midline',
  region: 'upper-back',
  technique: 'ischemic-compression-finger',
  holdSeconds: 20,
  painRating: 6,
  ...over,
});

describe.each(BACKENDS)('safety guidance: what and why, once, on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  const therapist = () => actorOf(world, 'therapist');

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
  });
  afterAll(() => drop());

  it('the gate names the medicine behind each caution and why, and lists each change once', async () => {
    const patient = await patientBehindGate(db, world, 'no-deep-pressure');
    const gate = await getGate(ctx, therapist(), patient);
    expect(gate.cautions).toEqual([
      expect.objectContaining({
        title: 'Anticoagulants, antiplatelets or a bleeding disorder',
        reason: 'takes warfarin (a blood thinner): bruising and bleeding into tissue under pressure',
        changes: expect.arrayContaining(['no deep pressure']),
      }),
    ]);
    expect(gate.painRatingsUnreliable).toBeNull();

    const blunted = await patientBehindGate(db, world, 'blunted-pain');
    const second = await getGate(ctx, therapist(), blunted);
    expect(second.cautions.map((c) => c.reason).sort()).toEqual([
      'takes ibuprofen (a pain killer): pain ratings are less reliable, so the 5–7 target can be overshot',
      'takes prednisone (a steroid): long-term use thins skin and bone',
    ]);
    const changes = second.cautions.flatMap((c) => c.changes);
    expect(new Set(changes).size).toBe(changes.length);
    expect(second.painRatingsUnreliable).toBe('takes ibuprofen (a pain killer)');
  });

  it('with blunted pain ratings a low rating never suggests pressing harder; 9 still stops', async () => {
    const patient = await patientBehindGate(db, world, 'blunted-pain');
    const note = await createNote(ctx, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    const low = await addStep(ctx, therapist(), note.id, step({ painRating: 3 }));
    expect(low.flags.map((f) => f.code)).not.toContain('pain-low');
    const stop = await addStep(ctx, therapist(), note.id, step({ painRating: 9, holdSeconds: 6 }));
    expect(stop).toMatchObject({ stop: true, alert: 'Pain 9 of 10: release the pressure now.' });

    const clear = await patientBehindGate(db, world, 'clear');
    const clearNote = await createNote(ctx, therapist(), clear, { subjective: {}, objective: {}, cptMinutes: [] });
    expect((await addStep(ctx, therapist(), clearNote.id, step({ painRating: 3 }))).flags.map((f) => f.code)).toEqual([
      'pain-low',
    ]);
  });

  it('a hold shorter than the technique minimum is flagged as a warning with its message', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const note = await createNote(ctx, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    const short = await addStep(ctx, therapist(), note.id, step({ holdSeconds: 3 }));
    expect(short.flags).toEqual([
      {
        level: 'warning',
        code: 'hold-short',
        field: 'holdSeconds',
        message:
          '3 s is shorter than the 10–30 s compression hold for Ischemic compression (finger or thumb): ' +
          'hold longer next time.',
      },
    ]);
    const positional = await addStep(
      ctx,
      therapist(),
      note.id,
      step({ technique: 'positional-release', holdSeconds: 30, painRating: 2 }),
    );
    expect(positional.flags.map((f) => [f.code, f.level])).toEqual([['hold-short', 'warning']]);
  });
});
