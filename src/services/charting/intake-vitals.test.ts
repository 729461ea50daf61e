import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import { allNoAnswers } from '../../clinical/screening/fixtures.ts';
import type { IntakeAnswers } from '../../clinical/screening/index.ts';
import type { Database } from '../../store/database.ts';
import type { Actor, Role, ServiceContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { getGate, overrideGate } from './gate/service.ts';
import { getIntake, getIntakeVersion, submitIntake } from './intake.ts';
import { vitalsProblems } from './intake-vitals.ts';

// 10:00 in Los Angeles on Friday 20 November 2026.
const NOW = new Date('2026-11-20T18:00:00Z');
const TODAY = '2026-11-20';

const intake = (answers: IntakeAnswers) => ({
  answers,
  goals: ['sleep through the night'],
  painStory: { onset: 'gradual', durationDays: 60 },
  painMap: [{ region: 'posterolateral-neck-right', intensity: 5 }],
});

describe('vitalsProblems', () => {
  it('names the diastolic reading when it is not below the systolic one', () => {
    expect(vitalsProblems({ bloodPressure: { systolic: 120, diastolic: 80 } }, TODAY)).toEqual({});
    expect(Object.keys(vitalsProblems({ bloodPressure: { systolic: 90, diastolic: 90 } }, TODAY))).toEqual([
      'answers.bloodPressure.diastolic',
    ]);
  });

  it('refuses a stroke date after today, or one given with the stroke question answered no', () => {
    expect(vitalsProblems({ questions: { strokeOrTia: 'yes' }, lastStrokeOrTiaDate: TODAY }, TODAY)).toEqual({});
    expect(
      vitalsProblems({ questions: { strokeOrTia: 'yes' }, lastStrokeOrTiaDate: '2026-11-21' }, TODAY)[
        'answers.lastStrokeOrTiaDate'
      ],
    ).toMatch(/future/);
    expect(
      vitalsProblems({ questions: { strokeOrTia: 'no' }, lastStrokeOrTiaDate: '2026-01-02' }, TODAY)[
        'answers.lastStrokeOrTiaDate'
      ],
    ).toMatch(/answered no/);
  });
});

describe.each(BACKENDS)('intake vitals, version screening and override details on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  const actor = (role: Role, userId: string, extra: Partial<Actor> = {}): Actor => ({
    userId,
    orgId: world.orgId,
    role,
    email: `${role}@example.test`,
    displayName: role,
    patientId: null,
    therapistId: null,
    locationIds: [world.sites.a],
    orgTimeZone: 'America/Los_Angeles',
    sessionId: randomUUID(),
    ip: null,
    ...extra,
  });
  const patientActor = () => actor('patient', world.users.patient.id, { patientId: world.patients.a, locationIds: [] });
  const managerActor = () => actor('manager', world.users.manager.id);
  const therapistActor = () => actor('therapist', world.users.therapist.id, { therapistId: world.therapists.a });

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    ctx = { db, now: () => NOW };
  });
  afterAll(() => drop());

  it('a fever taken at the desk contraindicates treatment; version 1 keeps its own screening', async () => {
    world = await buildWorld(db);
    const patient = world.patients.a;
    await submitIntake(ctx, patientActor(), patient, intake(allNoAnswers()));
    const fever = await submitIntake(ctx, patientActor(), patient, intake({ ...allNoAnswers(), temperatureC: 38.5 }));
    expect(fever.screening.decision).toBe('contraindicated');
    const v1 = await getIntakeVersion(ctx, therapistActor(), patient, 1);
    const v2 = await getIntakeVersion(ctx, therapistActor(), patient, 2);
    expect(v1.screening).toMatchObject({ decision: 'clear', screenedFor: TODAY });
    expect(v2.screening?.decision).toBe('contraindicated');
    expect(v2.screening?.explanation.join(' ')).toMatch(/38\.5/);
  });

  it('a stroke 30 days ago contraindicates; diastolic above systolic or a future stroke date is refused', async () => {
    world = await buildWorld(db);
    const patient = world.patients.a;
    const stroke = { ...allNoAnswers(), questions: { ...allNoAnswers().questions, strokeOrTia: 'yes' as const } };
    const recent = await submitIntake(
      ctx,
      patientActor(),
      patient,
      intake({ ...stroke, lastStrokeOrTiaDate: '2026-10-21' }),
    );
    expect(recent.screening.decision).toBe('contraindicated');
    const bad = await submitIntake(
      ctx,
      patientActor(),
      patient,
      intake({ ...allNoAnswers(), bloodPressure: { systolic: 80, diastolic: 95 } }),
    ).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fields).toHaveProperty(['answers.bloodPressure.diastolic']);
    const future = await submitIntake(
      ctx,
      patientActor(),
      patient,
      intake({ ...stroke, lastStrokeOrTiaDate: '2026-12-01' }),
    ).catch((e: unknown) => e);
    expect((future as ValidationError).fields).toHaveProperty(['answers.lastStrokeOrTiaDate']);
    expect((await getIntake(ctx, patientActor(), patient)).versions).toHaveLength(1);
  });

  it('the gate shows who overrode, when and why, and lets treatment go ahead', async () => {
    world = await buildWorld(db);
    const patient = world.patients.a;
    await submitIntake(ctx, patientActor(), patient, intake({ ...allNoAnswers(), temperatureC: 38.5 }));
    const before = await getGate(ctx, therapistActor(), patient);
    expect(before).toMatchObject({ treatmentAllowed: false, decision: 'contraindicated', overrides: [] });
    await overrideGate(ctx, managerActor(), patient, 'Re-taken at the desk: 37.0 °C');
    const after = await getGate(ctx, therapistActor(), patient);
    expect(after.treatmentAllowed).toBe(true);
    expect(after.overrides).toEqual([
      expect.objectContaining({
        reason: 'Re-taken at the desk: 37.0 °C',
        decidedAt: NOW,
        decidedBy: { userId: world.users.manager.id, role: 'manager', name: 'Max Manager' },
      }),
    ]);
    // A new version is screened afresh: the old override no longer shows or applies.
    await submitIntake(ctx, patientActor(), patient, intake({ ...allNoAnswers(), temperatureC: 38.9 }));
    expect(await getGate(ctx, therapistActor(), patient)).toMatchObject({ treatmentAllowed: false, overrides: [] });
  });
});
