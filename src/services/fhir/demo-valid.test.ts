import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { seedCoverages } from '../../../test/support/fhir-coverage-kit.ts';
import { seedFhirChartExtras } from '../../../test/support/fhir-chart-seed.ts';
import { fhirProblems } from '../../../test/support/fhir-validation.ts';
import { intakeDocument } from '../../../test/support/session-kit.ts';
import { seedScreenedIntake } from '../../../test/support/session-seed.ts';
import { seedDemo } from '../../demo/seed.ts';
import type { Database } from '../../store/database.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { patientEverything, searchResources } from './search.ts';

const TODAY = '2026-11-26';
const BASE = 'http://localhost/fhir/R4';

/** An intake with every part filled in, so each item of the intake Questionnaire is answered somewhere. */
const FULL_INTAKE = {
  ...intakeDocument('no-deep-pressure', [{ region: 'upper-back', intensity: 6 }]),
  injuries: [{ what: 'Fell off a bike', date: '2025-06-01', regions: ['upper-back'] }],
  otherConditions: 'Mild asthma',
  goals: ['Sleep through the night'],
  painStory: {
    onset: 'gradual',
    durationDays: 120,
    betterWith: ['heat'],
    worseWith: ['sitting'],
    worstTime: 'evening',
    wakesAtNight: 'unknown',
    morningStiffnessMinutes: 20,
    limits: ['gardening'],
  },
};

/** The demo organisation read through the FHIR services as its administrator: every resource validates. */
describe.each(BACKENDS)('the demo organisation as FHIR R4 on %s', (backend) => {
  let t: { db: Database; drop: () => Promise<void> };
  let ctx: ServiceContext;
  let admin: Actor;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const summary = await seedDemo(t.db, { seed: 3, patients: 40, today: TODAY });
    const [user] = await t.db.query<{ id: string; email: string }>(
      `SELECT id, email FROM users WHERE org_id = $1 AND role = 'admin' ORDER BY email LIMIT 1`,
      [summary.orgId],
    );
    admin = {
      userId: user!.id,
      orgId: summary.orgId,
      role: 'admin',
      email: user!.email,
      displayName: 'Admin',
      patientId: null,
      therapistId: null,
      locationIds: [],
      orgTimeZone: 'America/Los_Angeles',
      sessionId: 'test',
      ip: null,
    };
    ctx = { db: t.db, now: () => new Date(`${TODAY}T20:00:00Z`) };
    // The demo insures four patients: eight others get every way of paying the kit knows, one each.
    const some = await t.db.query<{ id: string }>(
      `SELECT id FROM patients p WHERE org_id = $1
          AND NOT EXISTS (SELECT 1 FROM coverages c WHERE c.org_id = p.org_id AND c.patient_id = p.id)
        ORDER BY id LIMIT 8`,
      [summary.orgId],
    );
    await seedCoverages(
      t.db,
      summary.orgId,
      some.map((p) => p.id),
    );
    // The demo charts no letters, handouts, motion or intake answers: three of its visits get them.
    const visits = await t.db.query<{ patientId: string; therapistId: string }>(
      `SELECT DISTINCT ON (patient_id) patient_id AS "patientId", therapist_id AS "therapistId"
         FROM session_notes WHERE org_id = $1 ORDER BY patient_id, created_at LIMIT 3`,
      [summary.orgId],
    );
    const at = new Date(`${TODAY}T18:00:00Z`);
    for (const v of visits) {
      const who = { patientId: v.patientId, therapistId: v.therapistId, userId: user!.id, homeCare: true };
      await seedFhirChartExtras(t.db, summary.orgId, who, at);
      await seedScreenedIntake(t.db, summary.orgId, v.patientId, user!.id, FULL_INTAKE, at);
    }
  }, 240_000);
  afterAll(() => t.drop());

  it('validates every resource of every patient, the directory and the code systems, with no errors', async () => {
    const patients = await searchResources(ctx, admin, 'Patient', { _count: ['500'] }, BASE);
    expect(patients.total).toBe(40);
    const all = new Map<string, Resource>();
    const add = (r: Resource) => all.set(`${r.resourceType}/${r.id}`, r);
    for (const entry of patients.entry!) {
      const bundle = await patientEverything(ctx, admin, entry.resource!.id!, BASE);
      bundle.entry!.forEach((e) => add(e.resource!));
    }
    for (const type of [
      'Practitioner',
      'PractitionerRole',
      'Location',
      'Organization',
      'CodeSystem',
      'Questionnaire',
    ]) {
      (await searchResources(ctx, admin, type, {}, BASE)).entry!.forEach((e) => add(e.resource!));
    }
    const someone = patients.entry![0]!.resource!.id!;
    (await searchResources(ctx, admin, 'AuditEvent', { patient: [someone] }, BASE)).entry!.forEach((e) =>
      add(e.resource!),
    );
    const types = new Set([...all.values()].map((r) => r.resourceType));
    for (const type of [
      'Patient',
      'Appointment',
      'Encounter',
      'Condition',
      'Observation',
      'QuestionnaireResponse',
      'DocumentReference',
      'CarePlan',
      'Practitioner',
      'PractitionerRole',
      'Location',
      'Organization',
      'CodeSystem',
      'Questionnaire',
      'AuditEvent',
      'Coverage',
    ])
      expect(types, type).toContain(type);
    expect(all.size).toBeGreaterThan(500);
    const ids = [...all.keys()];
    expect(ids.filter((id) => /-rom(-before|-after)?\d+$/.test(id))).toHaveLength(12);
    expect(ids.filter((id) => id.startsWith('DocumentReference/'))).toHaveLength(6);
    expect(fhirProblems([...all.values()])).toEqual([]);
  }, 240_000);
});
