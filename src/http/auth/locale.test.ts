import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)("a patient's language on %s", (backend) => {
  const suite = httpSuite(backend, {});

  it('is kept on their record, answered in the session, and audited', async () => {
    const chosen = await suite.as('patient', 'PUT', '/api/auth/locale', { locale: 'es' });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().user.locale).toBe('es');
    expect((await suite.as('patient', 'GET', '/api/auth/session')).json().user.locale).toBe('es');

    const patientId = suite.world.patients.a;
    const [record] = await suite.db.query<{ language: string; version: number }>(
      `SELECT communication->>'language' AS language, version FROM patients WHERE org_id = $1 AND id = $2`,
      [suite.world.orgId, patientId],
    );
    expect(record!.language).toBe('es');
    const audits = await suite.db.query<{ detail: { fields: string[] } }>(
      `SELECT detail FROM audit_events WHERE org_id = $1 AND patient_id = $2 AND action = 'patient.update'`,
      [suite.world.orgId, patientId],
    );
    expect(audits.map((a) => a.detail.fields)).toContainEqual(['communication.language']);

    // A record that names a regional tag reads as the language we write: es-MX is Spanish.
    await suite.db.query(
      `UPDATE patients SET communication = communication || '{"language":"es-MX"}' WHERE org_id = $1 AND id = $2`,
      [suite.world.orgId, patientId],
    );
    expect((await suite.as('patient', 'GET', '/api/auth/session')).json().user.locale).toBe('es');
    // A language we do not write in leaves the choice to the browser.
    await suite.db.query(
      `UPDATE patients SET communication = communication || '{"language":"vi"}' WHERE org_id = $1 AND id = $2`,
      [suite.world.orgId, patientId],
    );
    expect((await suite.as('patient', 'GET', '/api/auth/session')).json().user.locale).toBeNull();
    expect((await suite.as('patient', 'PUT', '/api/auth/locale', { locale: 'en' })).json().user.locale).toBe('en');
  });

  it('names the field when the language is not one we write, and keeps staff screens in one language', async () => {
    const bad = await suite.as('patient', 'PUT', '/api/auth/locale', { locale: 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.locale).toBe('Choose English (en) or Spanish (es).');
    const staff = await suite.as('front_desk', 'PUT', '/api/auth/locale', { locale: 'es' });
    expect(staff.statusCode).toBe(403);
    expect((await suite.as('front_desk', 'GET', '/api/auth/session')).json().user.locale).toBeNull();
  });
});
