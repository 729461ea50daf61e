import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase } from '../../../../test/support/counting-db.ts';
import { BACKENDS, createTestDatabase } from '../../../../test/support/db.ts';
import { buildWorld, type World } from '../../../../test/support/world.ts';
import { allNoAnswers } from '../../../clinical/screening/fixtures.ts';
import type { IntakeAnswers } from '../../../clinical/screening/index.ts';
import type { Database } from '../../../store/database.ts';
import type { Actor, Role, ServiceContext } from '../../context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { checkLetter, recordClearance, sniffType } from '../clearance.ts';
import { treatmentGate } from './gate.ts';
import { getGate, overrideGate } from './service.ts';
import { getIntake, getIntakeVersion, saveIntakeDraft, submitIntake } from '../intake.ts';
import { LETTER_PDF } from '../../../../test/support/pdf.ts';

// 10:00 in Los Angeles on Friday 20 November 2026.
const NOW = new Date('2026-11-20T18:00:00Z');
const TODAY = '2026-11-20';
const PDF = LETTER_PDF;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

function actorsOf(
  world: World,
): Record<'admin' | 'manager' | 'front_desk' | 'therapist' | 'patient' | 'otherTherapist', Actor> {
  const base = (userId: string, role: Role, extra: Partial<Actor> = {}): Actor => ({
    userId,
    orgId: world.orgId,
    role,
    email: `${role}@example.test`,
    displayName: role,
    patientId: null,
    therapistId: null,
    locationIds: [],
    orgTimeZone: 'America/Los_Angeles',
    sessionId: randomUUID(),
    ip: null,
    ...extra,
  });
  return {
    admin: base(world.users.admin.id, 'admin'),
    manager: base(world.users.manager.id, 'manager', { locationIds: [world.sites.a] }),
    front_desk: base(world.users.front_desk.id, 'front_desk', { locationIds: [world.sites.a] }),
    therapist: base(world.users.therapist.id, 'therapist', {
      therapistId: world.therapists.a,
      locationIds: [world.sites.a],
    }),
    patient: base(world.users.patient.id, 'patient', { patientId: world.patients.a }),
    // Therapist B treats patient B only: no care relationship with patient A.
    otherTherapist: base(randomUUID(), 'therapist', {
      therapistId: world.therapists.b,
      locationIds: [world.sites.b],
    }),
  };
}

const intake = (answers: IntakeAnswers, extra: Record<string, unknown> = {}) => ({
  answers,
  goals: ['turn my head when driving'],
  painStory: {
    onset: 'gradual',
    durationDays: 120,
    worseWith: ['desk work'],
    limits: ['driving'],
    worstTime: 'evening',
    wakesAtNight: 'no',
  },
  painMap: [{ region: 'posterolateral-neck-right', intensity: 6 }],
  ...extra,
});

describe.each(BACKENDS)('intake, screening gate and clearances on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  let as: ReturnType<typeof actorsOf>;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    ctx = { db, now: () => NOW };
  });
  afterAll(() => drop());

  async function freshPatient() {
    world = await buildWorld(db);
    as = actorsOf(world);
    return world.patients.a;
  }

  it('refuses treatment while no intake exists', async () => {
    const patient = await freshPatient();
    const gate = await treatmentGate(db, world.orgId, patient, TODAY);
    expect(gate).toMatchObject({ treatmentAllowed: false, intakeVersion: null, screenedAt: null });
    expect(gate.blockedReason).toMatch(/no intake/i);
  });

  it('keeps every version: a second submit is version 2 and version 1 is unchanged, even to SQL', async () => {
    const patient = await freshPatient();
    const first = await submitIntake(ctx, as.patient, patient, intake(allNoAnswers()));
    const second = await submitIntake(ctx, as.front_desk, patient, intake({ ...allNoAnswers(), temperatureC: 38.6 }));
    expect([first.intake.version, second.intake.version]).toEqual([1, 2]);
    expect(second.intake.submittedBy).toMatchObject({ userId: world.users.front_desk.id, role: 'front_desk' });
    const v1 = await getIntakeVersion(ctx, as.therapist, patient, 1);
    expect((v1.document.answers as IntakeAnswers).temperatureC).toBe(36.8);
    const listed = await getIntake(ctx, as.patient, patient);
    expect(listed.versions.map((v) => [v.version, v.decision])).toEqual([
      [2, 'contraindicated'],
      [1, 'clear'],
    ]);
    await expect(
      db.query(`UPDATE intake_responses SET answers = '{}' WHERE patient_id = $1 AND version = 1`, [patient]),
    ).rejects.toThrow(/never changed/);
  });

  it('names the path of a bad answer (422) and stores nothing', async () => {
    const patient = await freshPatient();
    const bad = intake({ ...allNoAnswers(), surgeries: [{ what: 'knee arthroscopy', date: '2026-02-30' }] });
    const err = await rejection(submitIntake(ctx, as.patient, patient, bad));
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields)).toContain('answers.surgeries.0.date');
    const misspelt = await rejection(
      submitIntake(ctx, as.patient, patient, intake({ questions: { bloodClott: 'no' } } as never)),
    );
    expect((misspelt as ValidationError).fields).toHaveProperty(['answers.questions.bloodClott']);
    const painMap = await rejection(
      submitIntake(
        ctx,
        as.patient,
        patient,
        intake(allNoAnswers(), { painMap: [{ region: 'elbow-ish', intensity: 11 }] }),
      ),
    );
    expect(Object.keys((painMap as ValidationError).fields).sort()).toEqual([
      'painMap.0.intensity',
      'painMap.0.region',
    ]);
    expect((await getIntake(ctx, as.patient, patient)).versions).toEqual([]);
  });

  it('saves a half-filled draft, which is neither a version nor screened, and drops it on submit', async () => {
    const patient = await freshPatient();
    const draft = await saveIntakeDraft(ctx, as.patient, patient, { goals: ['sleep through'] });
    expect(draft).toMatchObject({ status: 'in-progress', version: null });
    await saveIntakeDraft(ctx, as.patient, patient, { goals: ['sleep through', 'lift my child'] });
    expect((await getIntake(ctx, as.patient, patient)).draft?.document.goals).toEqual([
      'sleep through',
      'lift my child',
    ]);
    expect((await treatmentGate(db, world.orgId, patient, TODAY)).treatmentAllowed).toBe(false);
    await submitIntake(ctx, as.patient, patient, intake(allNoAnswers()));
    expect((await getIntake(ctx, as.patient, patient)).draft).toBeNull();
  });

  it('clear → treat; caution → technique changes with no deep pressure; local → regions to avoid', async () => {
    const patient = await freshPatient();
    expect((await submitIntake(ctx, as.patient, patient, intake(allNoAnswers()))).gate).toMatchObject({
      decision: 'clear',
      treatmentAllowed: true,
      intakeVersion: 1,
    });
    const caution = await submitIntake(
      ctx,
      as.patient,
      patient,
      intake({ ...allNoAnswers(), medications: [{ class: 'anticoagulant', name: 'warfarin' }] }),
    );
    expect(caution.gate).toMatchObject({ decision: 'caution', treatmentAllowed: true, noDeepPressure: true });
    expect(caution.gate.techniqueChanges).toContain('no elbow, knuckle or tool ischemic compression');
    expect(caution.intake.flaggedMedications).toEqual([{ class: 'anticoagulant', name: 'warfarin' }]);
    const local = await submitIntake(
      ctx,
      as.patient,
      patient,
      intake({ ...allNoAnswers(), localIssues: [{ kind: 'open-wound', regions: ['shin-right'] }] }),
    );
    expect(local.gate).toMatchObject({
      decision: 'local',
      treatmentAllowed: true,
      avoidRegions: ['shin-right'],
      noDeepPressure: false,
    });
    expect(local.gate.openTasks).toEqual([]);
  });

  it('refer → a physician-clearance task and no treatment until a clearance covering it is recorded', async () => {
    const patient = await freshPatient();
    const refer = await submitIntake(
      ctx,
      as.patient,
      patient,
      intake({ ...allNoAnswers(), pregnancy: { status: 'yes', trimester: 1, highRisk: 'no' } }),
    );
    expect(refer.gate).toMatchObject({ decision: 'refer', treatmentAllowed: false });
    expect(refer.gate.openTasks).toHaveLength(1);
    expect(refer.gate.openTasks[0]).toMatchObject({ kind: 'physician-clearance' });
    expect(refer.gate.openTasks[0]!.reason).toMatch(/first trimester/);
    expect(Object.keys(refer.gate.openTasks[0]!).sort()).toEqual(['id', 'kind', 'reason']);

    const letter = { filename: 'ob-letter.pdf', declaredType: 'application/pdf', data: PDF };
    const form = {
      physician: 'Dr. Rivera',
      clearedOn: '2026-11-18',
      scope: 'Gentle massage, side-lying, no abdominal work',
      letter,
    };
    const cleared = await recordClearance(ctx, as.front_desk, patient, form);
    expect(cleared.gate).toMatchObject({ treatmentAllowed: true, openTasks: [] });
    expect(cleared.gate.clearances).toEqual([
      { id: cleared.clearance.id, scope: form.scope, physician: 'Dr. Rivera', clearedOn: '2026-11-18' },
    ]);
    expect(cleared.clearance.covers).toEqual(['pregnancy']);
    expect(cleared.file).toMatchObject({ contentType: 'application/pdf', size: PDF.length });

    // The same reason in a later version stays cleared; a new blocking reason needs a new clearance.
    const again = await submitIntake(
      ctx,
      as.patient,
      patient,
      intake({ ...allNoAnswers(), pregnancy: { status: 'yes', trimester: 1, highRisk: 'no' } }),
    );
    expect(again.gate.treatmentAllowed).toBe(true);
    const bp = await submitIntake(
      ctx,
      as.patient,
      patient,
      intake({ ...allNoAnswers(), bloodPressure: { systolic: 150, diastolic: 95 } }),
    );
    expect(bp.gate).toMatchObject({ decision: 'refer', treatmentAllowed: false });
    expect(bp.gate.blockedReason).toMatch(/high blood pressure by reading/);
    expect(bp.gate.blockedReason).not.toMatch(/blood-pressure|questions\./);
  });

  it('contraindicated → blocked until cleared or overridden by a manager with a reason; all audited', async () => {
    const patient = await freshPatient();
    const fever = await submitIntake(ctx, as.front_desk, patient, intake({ ...allNoAnswers(), temperatureC: 38.6 }));
    expect(fever.gate).toMatchObject({ decision: 'contraindicated', treatmentAllowed: false });
    expect(await rejection(overrideGate(ctx, as.therapist, patient, 'I think it is fine'))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rejection(overrideGate(ctx, as.manager, patient, '  '))).toBeInstanceOf(ValidationError);
    const { override, gate } = await overrideGate(
      ctx,
      as.manager,
      patient,
      'Temperature re-taken at the desk: 36.9 °C',
    );
    expect(override).toMatchObject({ decidedBy: world.users.manager.id, decidedRole: 'manager', intakeVersion: 1 });
    expect(gate.treatmentAllowed).toBe(true);
    // Read back as every step reads it (one statement): who decided, by name, and the same instant.
    const counting = countingDatabase(db);
    const reread = await treatmentGate(counting, world.orgId, patient, TODAY);
    expect(counting.statements).toHaveLength(1);
    expect(reread.overrides).toEqual([
      {
        id: override.id,
        reason: 'Temperature re-taken at the desk: 36.9 °C',
        decidedAt: override.decidedAt,
        decidedBy: { userId: world.users.manager.id, role: 'manager', name: 'Max Manager' },
      },
    ]);
    expect(reread.screenedAt).toEqual(fever.gate.screenedAt);
    expect(await rejection(overrideGate(ctx, as.manager, patient, 'again'))).toBeInstanceOf(ConflictError);
    const actions = await db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE patient_id = $1 AND outcome = 'allowed' ORDER BY id`,
      [patient],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['intake.submit', 'screening.decide', 'task.create', 'gate.override']),
    );
    const denied = await db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE patient_id = $1 AND outcome = 'denied'`,
      [patient],
    );
    expect(denied.map((d) => d.action)).toContain('gate.override');
  });

  it('a clearance dated after today does not count; a letter that is not what it claims is refused', async () => {
    const patient = await freshPatient();
    await submitIntake(ctx, as.patient, patient, intake({ ...allNoAnswers(), temperatureC: 38.6 }));
    const future = await rejection(
      recordClearance(ctx, as.therapist, patient, {
        physician: 'Dr. A',
        clearedOn: '2026-12-01',
        scope: 'all',
        letter: { filename: 'a.pdf', declaredType: 'application/pdf', data: PDF },
      }),
    );
    expect((future as ValidationError).fields).toHaveProperty('clearedOn');
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const disguised = await rejection(
      recordClearance(ctx, as.therapist, patient, {
        physician: 'Dr. A',
        clearedOn: TODAY,
        scope: 'all',
        letter: { filename: 'letter.pdf', declaredType: 'application/pdf', data: html },
      }),
    );
    expect((disguised as ValidationError).fields).toHaveProperty('letter');
    const missing = await rejection(
      recordClearance(ctx, as.therapist, patient, { physician: 'Dr. A', clearedOn: TODAY, scope: 'all' }),
    );
    expect((missing as ValidationError).fields).toHaveProperty('letter');
    expect((await getGate(ctx, as.therapist, patient)).treatmentAllowed).toBe(false);
  });

  it('checks letters by their bytes: type, claimed type, size', async () => {
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from('GIF89a'))).toBeNull();
    await expect(checkLetter({ filename: 'x.png', declaredType: 'image/png', data: PDF })).rejects.toThrow(
      ValidationError,
    );
    expect(
      (await checkLetter({ filename: 'x.pdf', declaredType: 'application/octet-stream', data: PDF })).contentType,
    ).toBe('application/pdf');
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    await expect(checkLetter({ filename: 'big.pdf', declaredType: 'application/pdf', data: big })).rejects.toThrow(
      /5 MB/,
    );
  });

  it('refuses a therapist without a care relationship, and another organisation sees nothing', async () => {
    const patient = await freshPatient();
    await submitIntake(ctx, as.patient, patient, intake(allNoAnswers()));
    expect(await rejection(getIntake(ctx, as.otherTherapist, patient))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(getGate(ctx, as.otherTherapist, patient))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(submitIntake(ctx, as.otherTherapist, patient, intake(allNoAnswers())))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(
      await rejection(
        submitIntake(ctx, { ...as.patient, patientId: world.patients.b }, patient, intake(allNoAnswers())),
      ),
    ).toBeInstanceOf(ForbiddenError);
    expect(await rejection(getGate(ctx, { ...as.admin, orgId: world.otherOrgId }, patient))).toBeInstanceOf(
      NotFoundError,
    );
    expect((await getGate(ctx, as.therapist, patient)).treatmentAllowed).toBe(true);
  });

  it('re-screens for the day asked: a surgery within six weeks blocks; the block lapses as weeks pass', async () => {
    const patient = await freshPatient();
    const answers = {
      ...allNoAnswers(),
      surgeries: [{ what: 'appendectomy', date: '2026-11-01', regions: ['lower-abdomen'] }],
    };
    const submitted = await submitIntake(ctx, as.patient, patient, intake(answers));
    expect(submitted.gate.treatmentAllowed).toBe(false);
    const later = await treatmentGate(db, world.orgId, patient, '2027-03-01');
    expect(later.treatmentAllowed).toBe(true);
  });
});
