import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { readPdfText } from '../../../test/support/pdf-read.ts';
import { seedRecordOfA } from '../../../test/support/record-seed.ts';
import { actorOf } from '../../../test/support/session-kit.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { patientRecord, patientRecordPdf } from './patient-record.ts';

const NOW = new Date('2026-11-20T18:00:00Z');

describe.each(BACKENDS)('the patient record download on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    await seedRecordOfA(db, world);
    ctx = { db, now: () => NOW };
  });
  afterAll(async () => drop?.());

  const downloads = (format: string, outcome = 'allowed') =>
    db.query<{ actorRole: string; patientId: string }>(
      `SELECT actor_role AS "actorRole", patient_id AS "patientId" FROM audit_events
        WHERE org_id = $1 AND action = 'record.download' AND outcome = $2
          AND ($3 = '' OR detail ->> 'format' = $3)`,
      [world.orgId, outcome, format],
    );

  it('gives the patient their own record: every part they may read, home care sent to them only', async () => {
    const record = await patientRecord(ctx, actorOf(world, 'patient'), world.patients.a);
    expect(record.patient).toMatchObject({ id: world.patients.a, givenName: expect.any(String) });
    expect(record.generatedAt).toEqual(NOW);
    expect(record.appointments.map((a) => a.status)).toContain('completed');
    expect(record.appointments.find((a) => a.status === 'completed')).toMatchObject({
      serviceName: expect.any(String),
      therapistName: expect.stringContaining('Avery'),
    });
    expect(record.intake?.length).toBeGreaterThan(0);
    expect(record.screening?.map((s) => s.decision)).toContain('clear');
    expect(record.assessments?.[0]?.findings).toMatchObject({ triggerPoints: [{ muscle: 'upper-trapezius' }] });
    expect(record.plans?.map((p) => p.status)).toEqual(['active']);
    expect(record.measures?.map((m) => m.score).sort()).toEqual([4, 7]);
    expect(record.homeCare).toHaveLength(1);
    expect(record.homeCare![0]!.sentAt).not.toBeNull();
    expect(record.coverage).toEqual([]);
    expect(record.balance).toEqual({ dueNow: 0, patient: 0 });
    // Visit notes are the clinicians' working notes, as on the patient's own pages.
    expect(record.notes).toBeNull();
    expect(record.withheld).toEqual(['notes']);
  });

  it('gives staff the parts their role reads: notes to therapists, no insurance; no findings to the desk', async () => {
    const therapist = await patientRecord(ctx, actorOf(world, 'therapist'), world.patients.a);
    expect(therapist.notes?.length).toBe(2);
    expect(therapist.homeCare).toHaveLength(2);
    expect(therapist.coverage).toBeNull();
    expect(therapist.withheld).toContain('coverage');
    const desk = await patientRecord(ctx, actorOf(world, 'front_desk'), world.patients.a);
    expect(desk.notes).toBeNull();
    expect(desk.assessments).toBeNull();
    expect(desk.measures).toBeNull();
    expect(desk.coverage).toEqual([]);
    expect(desk.withheld).toEqual(expect.arrayContaining(['notes', 'assessments', 'measures', 'homeCare']));
  });

  it("refuses another patient's record, and a desk without that patient's chart, auditing the refusal", async () => {
    const before = (await downloads('', 'denied')).length;
    await expect(patientRecord(ctx, actorOf(world, 'patient'), world.patients.b)).rejects.toThrow(ForbiddenError);
    await expect(patientRecordPdf(ctx, actorOf(world, 'front_desk'), world.patients.b)).rejects.toThrow(ForbiddenError);
    const denied = await downloads('', 'denied');
    expect(denied.length).toBe(before + 2);
    expect(denied.every((d) => d.patientId === world.patients.b)).toBe(true);
  });

  it('audits every download with its format', async () => {
    const json = (await downloads('json')).length;
    const pdf = (await downloads('pdf')).length;
    await patientRecord(ctx, actorOf(world, 'patient'), world.patients.a);
    await patientRecordPdf(ctx, actorOf(world, 'patient'), world.patients.a);
    expect(await downloads('json')).toHaveLength(json + 1);
    expect(await downloads('pdf')).toHaveLength(pdf + 1);
    expect((await downloads('pdf')).at(-1)).toMatchObject({ actorRole: 'patient', patientId: world.patients.a });
  });

  it('writes the PDF in Spanish when asked, dated by the clock, Spanish names for places and muscles', async () => {
    const pdf = await patientRecordPdf(ctx, actorOf(world, 'patient'), world.patients.a, 'es');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await readPdfText(pdf);
    expect(text).toContain('Su expediente de salud');
    expect(text).toContain('Preparado el 20 de noviembre de 2026');
    expect(text).toContain('Visitas');
    expect(text).toContain('asistió');
    expect(text).toContain('puede recibir tratamiento');
    expect(text).toMatch(/Dolor \(0–10\): 7 » 4/);
    expect(text).toContain('Cuidados en casa');
    expect(text).toContain('Notas de las visitas');
    expect(text).toContain('No forma parte de esta copia.');
    expect(text).toMatch(/Puntos tensos encontrados: Trapecio\ssuperior/);
    expect(text).toMatch(/Dónde le dolía: Sien/);
    expect(text).not.toContain('Your health record');
    const english = await readPdfText(await patientRecordPdf(ctx, actorOf(world, 'therapist'), world.patients.a, 'en'));
    expect(english).toContain('Your health record');
    expect(english).toContain('Made on November 20, 2026');
    expect(english).toMatch(/Tight spots found: Upper\strapezius/);
    expect(english).toMatch(/Where it hurt: Temple/);
  });
});
