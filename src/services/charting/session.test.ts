import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { countingDatabase } from '../../../test/support/counting-db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { amendNote, noteHistory, signNote } from './notes.ts';
import { ChartingRefusal } from './session-access.ts';
import { compareSession, recordReassessment } from './session-reassessment.ts';
import { addStep, type StepInput } from './session-steps.ts';
import { actorOf, patientBehindGate, tickingContext } from '../../../test/support/session-kit.ts';
import { createNote, getNote, updateNote } from './session.ts';
import { allNoAnswers } from '../../clinical/screening/fixtures.ts';
import { seedScreenedIntake, seedTreatedPatient } from '../../../test/support/session-seed.ts';

const step = (over: Partial<StepInput> = {}): StepInput => ({
  muscle: 'middle-trapezius',
  side: 'midline',
  region: 'upper-back',
  technique: 'ischemic-compression-finger',
  holdSeconds: 20,
  painRating: 6,
  layer: 'superficial',
  ...over,
});

async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; status?: number; fields?: Record<string, string> }> {
  try {
    await promise;
  } catch (err) {
    const e = err as ChartingRefusal;
    return { code: e.code, status: err instanceof ChartingRefusal ? e.status : undefined, fields: e.fields };
  }
  throw new Error('expected a refusal');
}

describe.each(BACKENDS)('session notes and treatment steps on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  const therapist = () => actorOf(world, 'therapist');
  const count = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
  });
  afterAll(() => drop());

  it('opens a note, computes CPT units by the CMS 8-minute rule, and audits the write', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const note = await createNote(ctx, therapist(), patient, {
      subjective: { painToday: 6, reliefDays: 4 },
      objective: {},
      cptMinutes: [
        { code: '97110', minutes: 33 },
        { code: '97140', minutes: 7 },
      ],
    });
    expect(note.status).toBe('draft');
    // CMS example: 33 + 7 = 40 minutes → 3 units, 2 × 97110 + 1 × 97140.
    expect(note.billing).toMatchObject({ rule: 'cms', totalMinutes: 40, totalUnits: 3 });
    expect(note.billing!.lines).toEqual([
      { code: '97110', minutes: 33, units: 2 },
      { code: '97140', minutes: 7, units: 1 },
    ]);
    const events = await db.query('SELECT 1 FROM audit_events WHERE action = $1 AND record_id = $2', [
      'session-note.create',
      note.id,
    ]);
    expect(events).toHaveLength(1);
  });

  it("uses the organisation's midpoint rule when it is set", async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    await db.query(`UPDATE organizations SET settings = '{"billing":{"unitRule":"midpoint"}}' WHERE id = $1`, [
      world.orgId,
    ]);
    try {
      const note = await createNote(ctx, therapist(), patient, {
        subjective: {},
        objective: {},
        cptMinutes: [
          { code: '97110', minutes: 33 },
          { code: '97140', minutes: 7 },
        ],
      });
      expect(note.billing).toMatchObject({ rule: 'midpoint', totalUnits: 2 });
    } finally {
      await db.query(`UPDATE organizations SET settings = '{}' WHERE id = $1`, [world.orgId]);
    }
  });

  it('refuses an unknown CPT code naming the line', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    await expect(
      createNote(ctx, therapist(), patient, {
        subjective: {},
        objective: {},
        cptMinutes: [{ code: '12345', minutes: 20 }],
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: { 'cptMinutes.0.code': expect.any(String) },
    });
  });

  it('records steps with their dose flags; pain 9 is stored and returned as a stop', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const note = await createNote(ctx, therapist(), patient, {
      subjective: { painToday: 6 },
      objective: {},
      cptMinutes: [],
    });
    const fine = await addStep(ctx, therapist(), note.id, step());
    expect(fine).toMatchObject({ stop: false, alert: null, flags: [] });
    const skip = await addStep(
      ctx,
      therapist(),
      note.id,
      step({ muscle: 'upper-trapezius', region: 'suprascapular-left', side: 'left', layer: 'deep' }),
    );
    expect(skip.flags.map((f) => f.code)).toContain('layer-skip');
    const stop = await addStep(ctx, therapist(), note.id, step({ painRating: 9 }));
    expect(stop.stop).toBe(true);
    expect(stop.alert).toMatch(/release/i);
    const stored = await getNote(ctx, therapist(), note.id);
    expect(stored.steps.map((s) => [s.seq, s.stop])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(stored.steps[2]!.flags).toContainEqual(expect.objectContaining({ level: 'stop', code: 'pain-stop' }));
    expect(stored.hadStop).toBe(true);
  });

  it('writes a step, its audit event and its key in one statement; the answer is the row stored', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const note = await createNote(ctx, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    await addStep(ctx, therapist(), note.id, step());
    const counting = countingDatabase(db);
    const once = { key: `step-${note.id}`, requestHash: 'hash-of-the-request' };
    const answer = await addStep({ ...ctx, db: counting }, therapist(), note.id, step({ painRating: 9 }), once);
    // Two reads to check access, then in the transaction: the note locked, the gate, the earlier steps, the write.
    expect(counting.statements).toHaveLength(6);
    const writes = counting.statements.filter((sql) => /INSERT INTO/.test(sql));
    expect(writes).toHaveLength(1);
    for (const table of ['treatment_steps', 'audit_events', 'idempotency_keys'])
      expect(writes[0]).toContain(`INSERT INTO ${table}`);
    const stored = (await getNote(ctx, therapist(), note.id)).steps.at(-1)!;
    expect(JSON.parse(JSON.stringify(answer.step))).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(answer.step).toMatchObject({ seq: 2, stop: true });
    const events = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'treatment-step.create' AND record_id = $1`,
      [answer.step.id],
    );
    expect(events[0]!.n).toBe(1);
    // The same key again: the first answer, and no second step.
    const again = await addStep(ctx, therapist(), note.id, step({ painRating: 9 }), once);
    expect(again.step.id).toBe(answer.step.id);
    expect((await getNote(ctx, therapist(), note.id)).steps).toHaveLength(2);
  });

  it('refuses every step for a contraindicated patient without clearance, and writes nothing', async () => {
    const patient = await patientBehindGate(db, world, 'contraindicated');
    const note = await createNote(ctx, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    const before = await count('treatment_steps');
    expect(await refusal(addStep(ctx, therapist(), note.id, step()))).toMatchObject({
      code: 'treatment_blocked',
      status: 422,
    });
    expect(await count('treatment_steps')).toBe(before);
    const denied = await db.query(`SELECT detail FROM audit_events WHERE outcome = 'denied' AND record_id = $1`, [
      note.id,
    ]);
    expect(denied).toEqual([{ detail: { code: 'treatment_blocked' } }]);
  });

  it('judges the gate on the clinic’s day: at 21:30 in Los Angeles (tomorrow in UTC) surgery blocks', async () => {
    const patient = await seedTreatedPatient(db, world.orgId, world.sites.a, world.therapists.a, 'Evening-surgery');
    // 2026-10-08 is 42 days before 19 November (still needs clearance) and 43 before 20 November.
    const answers = {
      ...allNoAnswers(),
      surgeries: [{ what: 'appendectomy', date: '2026-10-08', regions: ['lower-abdomen'] }],
    };
    const intake = { questionnaire: 'knotwork-intake-v1', answers, injuries: [], goals: [], painMap: [] };
    await seedScreenedIntake(db, world.orgId, patient, world.users.admin.id, intake, new Date('2026-11-01T10:00:00Z'));
    const evening: ServiceContext = { db, now: () => new Date('2026-11-20T05:30:00Z') };
    const note = await createNote(evening, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    expect((await refusal(addStep(evening, therapist(), note.id, step()))).code).toBe('treatment_blocked');
    const nextMorning: ServiceContext = { db, now: () => new Date('2026-11-20T17:00:00Z') };
    expect((await addStep(nextMorning, therapist(), note.id, step())).stop).toBe(false);
  });

  it('refuses treatment without any screened intake', async () => {
    const patient = await patientBehindGate(db, world, 'none');
    const note = await createNote(ctx, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    expect((await refusal(addStep(ctx, therapist(), note.id, step()))).code).toBe('treatment_blocked');
  });

  it('refuses a step on a local-avoid region, naming the region, but treats elsewhere', async () => {
    const patient = await patientBehindGate(db, world, 'local-upper-back');
    const note = await createNote(ctx, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    expect(await refusal(addStep(ctx, therapist(), note.id, step()))).toMatchObject({
      code: 'region_avoided',
      fields: { region: expect.any(String) },
    });
    const elsewhere = await addStep(
      ctx,
      therapist(),
      note.id,
      step({ muscle: 'upper-trapezius', region: 'suprascapular-left', side: 'left' }),
    );
    expect(elsewhere.step.region).toBe('suprascapular-left');
  });

  it('with no deep pressure refuses elbow and knuckle compression and the deep layer', async () => {
    const patient = await patientBehindGate(db, world, 'no-deep-pressure');
    const note = await createNote(ctx, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    expect(
      await refusal(addStep(ctx, therapist(), note.id, step({ technique: 'ischemic-compression-elbow' }))),
    ).toMatchObject({
      code: 'technique_not_allowed',
      fields: { technique: expect.any(String) },
    });
    expect(
      await refusal(addStep(ctx, therapist(), note.id, step({ technique: 'ischemic-compression-knuckle' }))),
    ).toMatchObject({ code: 'technique_not_allowed' });
    expect(await refusal(addStep(ctx, therapist(), note.id, step({ layer: 'deep' })))).toMatchObject({
      code: 'technique_not_allowed',
      fields: { layer: expect.any(String) },
    });
    expect((await addStep(ctx, therapist(), note.id, step())).stop).toBe(false);
  });

  it('refuses ids the atlas or body map do not know, and a side that contradicts the region', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const note = await createNote(ctx, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    await expect(
      addStep(ctx, therapist(), note.id, step({ muscle: 'not-a-muscle', region: 'nowhere' })),
    ).rejects.toMatchObject({
      fields: { muscle: expect.any(String), region: expect.any(String) },
    });
    await expect(
      addStep(ctx, therapist(), note.id, step({ region: 'suprascapular-left', side: 'right' })),
    ).rejects.toMatchObject({ fields: { side: expect.any(String) } });
  });

  it('locks a signed note: edits, steps, reassessment get note_signed; only the treating therapist signs', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const note = await createNote(ctx, therapist(), patient, {
      subjective: { painToday: 5 },
      objective: {},
      cptMinutes: [],
    });
    await expect(signNote(ctx, actorOf(world, 'manager'), note.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(signNote(ctx, actorOf(world, 'admin'), note.id)).rejects.toMatchObject({ code: 'forbidden' });
    const edited = await updateNote(ctx, therapist(), note.id, note.version, {
      assessment: 'Upper trapezius trigger points, active.',
    });
    const signed = await signNote(ctx, therapist(), note.id);
    expect(signed).toMatchObject({ status: 'signed', signedBy: world.users.therapist.id });
    expect(await refusal(updateNote(ctx, therapist(), note.id, signed.version, { plan: 'changed' }))).toMatchObject({
      code: 'note_signed',
      status: 409,
    });
    expect(await refusal(addStep(ctx, therapist(), note.id, step()))).toMatchObject({
      code: 'note_signed',
      status: 409,
    });
    expect(await refusal(recordReassessment(ctx, therapist(), note.id, { painAfter: 3, rom: [] }))).toMatchObject({
      code: 'note_signed',
    });
    expect(await refusal(signNote(ctx, therapist(), note.id))).toMatchObject({ code: 'note_signed' });
    // The database itself refuses to rewrite a signed note.
    await expect(db.query(`UPDATE session_notes SET plan = 'x' WHERE id = $1`, [note.id])).rejects.toThrow(/signed/);
    expect((await getNote(ctx, therapist(), note.id)).assessment).toBe(edited.assessment);
  });

  it('keeps the original under amendments and shows both in the history', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const note = await createNote(ctx, therapist(), patient, {
      subjective: {},
      objective: {},
      plan: 'Weekly for 4 weeks.',
      cptMinutes: [],
    });
    await expect(
      amendNote(ctx, therapist(), note.id, { reason: 'typo', changes: { plan: 'x' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await signNote(ctx, therapist(), note.id);
    await amendNote(ctx, therapist(), note.id, {
      reason: 'Wrong frequency written',
      changes: { plan: 'Twice weekly for 3 weeks.' },
    });
    await amendNote(ctx, therapist(), note.id, {
      reason: 'Late entry',
      changes: { addendum: 'Patient reported dizziness on standing.' },
    });
    const history = await noteHistory(ctx, actorOf(world, 'manager'), note.id);
    expect(history.original.plan).toBe('Weekly for 4 weeks.');
    expect(history.current.plan).toBe('Twice weekly for 3 weeks.');
    expect(history.current.addenda).toEqual(['Patient reported dizziness on standing.']);
    expect(history.events.map((e) => e.what)).toEqual(['created', 'signed', 'amended', 'amended']);
    expect(history.amendments[0]).toMatchObject({
      reason: 'Wrong frequency written',
      authorUserId: world.users.therapist.id,
    });
  });

  it('compares pain and ROM after the session with before it and with intake', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const rom = (degrees: number, painOnMotion?: boolean) => [
      {
        joint: 'cervical',
        motion: 'rotation',
        side: 'left' as const,
        degrees,
        ...(painOnMotion === undefined ? {} : { painOnMotion }),
      },
    ];
    const first = await createNote(ctx, therapist(), patient, {
      subjective: { painToday: 8 },
      objective: { rom: rom(40) },
      cptMinutes: [],
    });
    await signNote(ctx, therapist(), first.id);
    const note = await createNote(ctx, therapist(), patient, {
      subjective: { painToday: 5 },
      objective: { rom: rom(55, true) },
      cptMinutes: [],
    });
    await recordReassessment(ctx, therapist(), note.id, { painAfter: 3, rom: rom(65, false) });
    const comparison = await compareSession(ctx, therapist(), note.id);
    expect(comparison.pain).toMatchObject({
      intake: 8,
      intakeSource: 'first-note',
      before: 5,
      after: 3,
      changeInSession: -2,
      changeSinceIntake: -5,
    });
    expect(comparison.pain.classificationSinceIntake!.class).toBe('beyond-mcid');
    expect(comparison.rom).toEqual([
      {
        joint: 'cervical',
        motion: 'rotation',
        side: 'left',
        intake: 40,
        before: 55,
        after: 65,
        changeInSession: 10,
        changeSinceIntake: 25,
        painOnMotion: { intake: null, before: true, after: false },
      },
    ]);
    expect(comparison.romIntakeSource).toBe('first-note');
  });

  it('keeps clinical notes from the front desk, patients and therapists who do not treat the patient', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const note = await createNote(ctx, therapist(), patient, { subjective: {}, objective: {}, cptMinutes: [] });
    for (const role of ['front_desk', 'patient'] as const) {
      await expect(getNote(ctx, actorOf(world, role), note.id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(getNote(ctx, actorOf(world, 'otherAdmin'), note.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      createNote(ctx, actorOf(world, 'manager'), patient, { subjective: {}, objective: {}, cptMinutes: [] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getNote(ctx, actorOf(world, 'manager'), note.id)).id).toBe(note.id);
  });
});
