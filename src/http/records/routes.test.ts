import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { readPdfText } from '../../../test/support/pdf-read.ts';
import { seedRecordOfA } from '../../../test/support/record-seed.ts';
import { PatientRecordSchema } from './schema.ts';

describe.each(BACKENDS)('the record download over HTTP on %s', (backend) => {
  const now = new Date('2026-12-01T18:00:00Z');
  const suite = httpSuite(backend, { now: () => now, setup: (s) => seedRecordOfA(s.db, s.world) });
  const audited = (format: string) =>
    suite.db.query<{ role: string; outcome: string; patientId: string }>(
      `SELECT actor_role AS role, outcome, patient_id AS "patientId" FROM audit_events
        WHERE org_id = $1 AND action = 'record.download' AND detail ->> 'format' = $2 ORDER BY id`,
      [suite.world.orgId, format],
    );

  it('gives a signed-in patient their own record as JSON, as a file named without their name', async () => {
    const res = await suite.as('patient', 'GET', `/api/patients/${suite.world.patients.a}/record.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="health-record-2026-12-01.json"');
    const record = PatientRecordSchema.parse(res.json());
    expect(record.patient.id).toBe(suite.world.patients.a);
    expect(record.generatedAt).toBe('2026-12-01T18:00:00.000Z');
    expect(record.measures?.map((m) => m.score).sort()).toEqual([4, 7]);
    expect(record.assessments?.[0]?.findings).toMatchObject({ triggerPoints: [{ muscle: 'upper-trapezius' }] });
    expect(record.notes).toBeNull();
    expect(res.body).not.toContain(suite.world.patients.b);
    expect((await audited('json')).at(-1)).toEqual({
      role: 'patient',
      outcome: 'allowed',
      patientId: suite.world.patients.a,
    });
  });

  it("refuses another patient's record (403), and a desk without that patient's chart", async () => {
    const other = await suite.as('patient', 'GET', `/api/patients/${suite.world.patients.b}/record.pdf`);
    expect(other.statusCode).toBe(403);
    expect(other.headers['content-type']).toMatch(/json/);
    const desk = await suite.as('front_desk', 'GET', `/api/patients/${suite.world.patients.b}/record.json`);
    expect(desk.statusCode).toBe(403);
    const refusals = await suite.db.query<{ role: string }>(
      `SELECT actor_role AS role FROM audit_events WHERE org_id = $1 AND action = 'record.download'
        AND outcome = 'denied' AND patient_id = $2 ORDER BY id`,
      [suite.world.orgId, suite.world.patients.b],
    );
    expect(refusals.map((r) => r.role)).toEqual(['patient', 'front_desk']);
  });

  it('writes the PDF in Spanish for lang=es, dated by the clock, and audits it as a PDF', async () => {
    const before = (await audited('pdf')).length;
    const res = await suite.as('patient', 'GET', `/api/patients/${suite.world.patients.a}/record.pdf?lang=es`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="health-record-2026-12-01.pdf"');
    const text = await readPdfText(res.rawPayload);
    expect(text).toContain('Su expediente de salud');
    expect(text).toContain('Preparado el 1 de diciembre de 2026');
    expect(text).toMatch(/Puntos tensos encontrados: Trapecio\ssuperior/);
    expect(await audited('pdf')).toHaveLength(before + 1);
  });

  it('lets a therapist in the patient’s care download it, and names the language it cannot write', async () => {
    const res = await suite.as('therapist', 'GET', `/api/patients/${suite.world.patients.a}/record.json?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.json().notes.length).toBe(2);
    const bad = await suite.as('patient', 'GET', `/api/patients/${suite.world.patients.a}/record.pdf?lang=fr`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ lang: 'Choose English (en) or Spanish (es).' });
  });
});
