import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { Actor, Role, ServiceContext } from '../context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import { completeFindings, FindingsSchema, romNorm } from './assessment-findings.ts';
import {
  assessmentSuggestions,
  createAssessment,
  getAssessment,
  listPatientAssessments,
  updateAssessment,
} from './assessment.ts';

const NOW = new Date('2026-11-20T18:00:00Z');

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

const actor = (world: World, userId: string, role: Role, extra: Partial<Actor> = {}): Actor => ({
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

const findings = {
  painMap: [
    { region: 'temple-right', intensity: 7 },
    { region: 'posterolateral-neck-right', intensity: 5 },
  ],
  posture: { findings: ['forward-head', 'elevated-shoulder-right'], notes: 'Right shoulder 1 cm higher.' },
  rom: [
    { joint: 'cervical', motion: 'rotation', side: 'left', degrees: 45, painOnMotion: true },
    { joint: 'elbow', motion: 'flexion', degrees: 140, normal: 150 },
  ],
  strength: [{ movement: 'shoulder abduction', side: 'right', grade: 4 }],
  triggerPoints: [
    {
      muscle: 'upper-trapezius',
      triggerPoint: 'upper-trapezius-anterior',
      side: 'right',
      kind: 'active',
      tautBand: true,
      localTwitch: true,
      jumpSign: true,
      referralReproduced: true,
      referralRegions: ['temple-right'],
      tenderness: 7,
    },
  ],
  fiveElements: {
    triggerPoints: { present: true, note: 'Active upper trapezius point reproduces the headache.' },
    posturalDistortion: { present: true },
  },
};

describe('assessment findings', () => {
  it('computes % of normal from the AAOS-style norms, and asks for a normal outside the table', () => {
    expect(romNorm('cervical', 'rotation')).toBe(60);
    const done = completeFindings(FindingsSchema.parse(findings));
    expect('findings' in done && done.findings.rom.map((r) => [r.normal, r.percentOfNormal])).toEqual([
      [60, 75],
      [150, 93.3],
    ]);
    const missing = completeFindings(
      FindingsSchema.parse({ rom: [{ joint: 'wrist', motion: 'extension', degrees: 50 }] }),
    );
    expect(missing).toEqual({ fields: { 'rom.0.normal': expect.stringMatching(/normal value/) } });
  });

  it('checks trigger points against atlas and body map, strength against 0–5, posture against the vocabulary', () => {
    const bad = FindingsSchema.safeParse({
      triggerPoints: [
        { ...findings.triggerPoints[0], triggerPoint: 'levator-scapulae-angle', referralRegions: ['forehead-ish'] },
      ],
      strength: [{ movement: 'grip', grade: 6 }],
      posture: { findings: ['slouchy'] },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual([
      'posture.findings.0',
      'strength.0.grade',
      'triggerPoints.0.referralRegions.0',
      'triggerPoints.0.triggerPoint',
    ]);
  });
});

describe.each(BACKENDS)('assessments on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  let therapist: Actor;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    ctx = { db, now: () => NOW };
    world = await buildWorld(db);
    therapist = actor(world, world.users.therapist.id, 'therapist', {
      therapistId: world.therapists.a,
      locationIds: [world.sites.a],
    });
  });
  afterAll(() => drop());

  it('records, lists, edits with a version check, and ranks muscles to examine with palpation marked', async () => {
    const created = await createAssessment(ctx, therapist, world.patients.a, { findings });
    expect(created).toMatchObject({ assessedOn: '2026-11-20', version: 1, therapistId: world.therapists.a });
    expect(created.findings.rom[0]).toMatchObject({ normal: 60, percentOfNormal: 75, painOnMotion: true });
    const { suggestions } = await assessmentSuggestions(ctx, therapist, created.id);
    expect(suggestions[0]).toMatchObject({ muscle: 'upper-trapezius', side: 'right', confirmed: true });
    expect(suggestions[0]!.reasons.length).toBeGreaterThan(0);
    expect(suggestions.filter((s) => s.confirmed).map((s) => s.muscle)).toEqual(['upper-trapezius']);

    const edited = await updateAssessment(ctx, therapist, created.id, {
      version: 1,
      findings: { rom: [{ joint: 'cervical', motion: 'rotation', side: 'left', degrees: 60 }] },
    });
    expect(edited.version).toBe(2);
    expect(edited.findings.rom).toEqual([
      {
        joint: 'cervical',
        motion: 'rotation',
        side: 'left',
        degrees: 60,
        normal: 60,
        percentOfNormal: 100,
        painOnMotion: false,
      },
    ]);
    expect(edited.findings.triggerPoints).toHaveLength(1);
    expect(await rejection(updateAssessment(ctx, therapist, created.id, { version: 1, findings: {} }))).toBeInstanceOf(
      ConflictError,
    );
    expect((await listPatientAssessments(ctx, therapist, world.patients.a)).assessments.map((a) => a.id)).toContain(
      created.id,
    );
  });

  it("refuses bad findings naming the path, a future date, and another patient's appointment", async () => {
    const err = await rejection(
      createAssessment(ctx, therapist, world.patients.a, {
        findings: { triggerPoints: [{ ...findings.triggerPoints[0], muscle: 'biceps-femoris-ish' }] },
      }),
    );
    expect(Object.keys((err as ValidationError).fields)).toContain('triggerPoints.0.muscle');
    expect(
      (
        (await rejection(
          createAssessment(ctx, therapist, world.patients.a, { assessedOn: '2026-12-01', findings: {} }),
        )) as ValidationError
      ).fields,
    ).toHaveProperty('assessedOn');
    expect(
      (
        (await rejection(
          createAssessment(ctx, therapist, world.patients.a, { appointmentId: randomUUID(), findings: {} }),
        )) as ValidationError
      ).fields,
    ).toHaveProperty('appointmentId');
  });

  it('keeps clinical detail from the desk, the patient and a therapist who does not treat the patient', async () => {
    const created = await createAssessment(ctx, therapist, world.patients.a, { findings: {} });
    const desk = actor(world, world.users.front_desk.id, 'front_desk', { locationIds: [world.sites.a] });
    const patient = actor(world, world.users.patient.id, 'patient', { patientId: world.patients.a });
    const stranger = actor(world, randomUUID(), 'therapist', { therapistId: world.therapists.b });
    for (const who of [desk, patient, stranger])
      expect(await rejection(getAssessment(ctx, who, created.id))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(createAssessment(ctx, stranger, world.patients.a, { findings: {} }))).toBeInstanceOf(
      ForbiddenError,
    );
    const manager = actor(world, world.users.manager.id, 'manager', { locationIds: [world.sites.a] });
    expect((await getAssessment(ctx, manager, created.id)).id).toBe(created.id);
    expect(await rejection(createAssessment(ctx, manager, world.patients.a, { findings: {} }))).toBeInstanceOf(
      ForbiddenError,
    );
  });
});
