import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { snapshot } from '../../../test/support/snapshot.ts';
import { allNoAnswers } from '../../clinical/screening/fixtures.ts';
import { FAKE_PDF, LETTER_PDF } from '../../../test/support/pdf.ts';

const PDF = LETTER_PDF;

/** A multipart/form-data body as a browser sends it. */
function form(fields: Record<string, string>, file?: { name: string; filename: string; type: string; data: Buffer }) {
  const boundary = '----knotwork' + 'x'.repeat(12);
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}` +
          `"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(BACKENDS)('intake, gate and clearance API on %s', (backend) => {
  const fields = {
    physician: 'Dr. Ana Rivera',
    clearedOn: '2026-11-19',
    scope: 'Massage cleared; avoid deep work on the legs',
  };

  const h = httpSuite(backend, { bookable: true });

  const url = (rest: string) => `/api/patients/${h.world.patients.a}${rest}`;
  async function upload(role: 'front_desk' | 'patient' | 'therapist', body: ReturnType<typeof form>) {
    const token = (
      await h.app.inject({
        method: 'POST',
        url: '/api/auth/token',
        payload: { email: h.world.users[role].email, password: 'correct-horse-battery' },
      })
    ).json().token as string;
    return h.app.inject({
      method: 'POST',
      url: url('/clearances'),
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${token}` },
    });
  }

  it('answers 422 naming the path of a bad answer, and a patient submits their own intake', async () => {
    const bad = await h.as('patient', 'POST', url('/intake'), {
      answers: { ...allNoAnswers(), surgeries: [{ what: 'knee', date: '2026-13-01' }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields)).toEqual(['answers.surgeries.0.date']);
    const ok = await h.as('patient', 'POST', url('/intake'), {
      answers: { ...allNoAnswers(), temperatureC: 38.4 },
      painMap: [{ region: 'temple-right', intensity: 6 }],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().gate).toMatchObject({ decision: 'contraindicated', treatmentAllowed: false, intakeVersion: 1 });
    expect((await h.as('patient', 'GET', url('/intake/1'))).json().submittedBy.role).toBe('patient');
    expect((await h.as('patient', 'GET', url('/intake/2'))).statusCode).toBe(404);
  });

  it('records a clearance with a PDF letter sent as a form, then serves it as an attachment', async () => {
    const res = await upload(
      'front_desk',
      form(fields, { name: 'letter', filename: 'rivera.pdf', type: 'application/pdf', data: PDF }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json() as {
      clearance: { id: string; fileId: string };
      gate: { treatmentAllowed: boolean; clearances: unknown[] };
    };
    expect(body.gate.treatmentAllowed).toBe(true);
    const download = await h.as('therapist', 'GET', `/api/files/${body.clearance.fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="rivera.pdf"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await h.as('otherAdmin', 'GET', `/api/files/${body.clearance.fileId}`)).statusCode).toBe(404);
    const audited = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'file.download' AND record_id = $1`,
      [body.clearance.fileId],
    );
    expect(audited[0]!.n).toBe(1);
  });

  it('keeps a letter whose bytes are a PDF under a .pdf name, whatever name it came with', async () => {
    for (const [sent, kept] of [
      ['scan.png', 'scan.pdf'],
      ['letter.html', 'letter.pdf'],
      ['Dr Rivera', 'Dr Rivera.pdf'],
    ]) {
      const res = await upload(
        'front_desk',
        form(fields, { name: 'letter', filename: sent!, type: 'application/octet-stream', data: PDF }),
      );
      expect(res.statusCode, sent).toBe(201);
      const download = await h.as('therapist', 'GET', `/api/files/${res.json().clearance.fileId}`);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition'], sent).toMatch(new RegExp(`^attachment; filename="${kept}"`));
    }
  });

  it('refuses a file that starts like a PDF but does not open as one; nothing is stored', async () => {
    const before = await snapshot(h.db);
    const res = await upload(
      'front_desk',
      form(fields, { name: 'letter', filename: 'letter.pdf', type: 'application/pdf', data: FAKE_PDF }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.letter).toMatch(/not a readable PDF/);
    expect(await snapshot(h.db)).toEqual(before);
  });

  it('refuses a disguised file, a file too large, a missing letter and a patient uploading; stores none', async () => {
    const before = await snapshot(h.db);
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const disguised = await upload(
      'front_desk',
      form(fields, { name: 'letter', filename: 'letter.pdf', type: 'application/pdf', data: html }),
    );
    expect(disguised.statusCode).toBe(422);
    expect(disguised.json().error.fields).toHaveProperty('letter');
    const pngClaimingPdf = await upload(
      'front_desk',
      form(fields, { name: 'letter', filename: 'x.pdf', type: 'image/png', data: PDF }),
    );
    expect(pngClaimingPdf.json().error.fields.letter).toMatch(/says it is image\/png/);
    const tooLarge = await upload(
      'front_desk',
      form(fields, {
        name: 'letter',
        filename: 'big.pdf',
        type: 'application/pdf',
        data: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
      }),
    );
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.json().error.fields.letter).toMatch(/5 MB/);
    const huge = await upload(
      'front_desk',
      form(fields, {
        name: 'letter',
        filename: 'huge.pdf',
        type: 'application/pdf',
        data: Buffer.concat([PDF, Buffer.alloc(7 * 1024 * 1024)]),
      }),
    );
    expect(huge.statusCode).toBe(413);
    const missing = await upload('front_desk', form(fields));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields).toHaveProperty('letter');
    expect(
      (await upload('patient', form(fields, { name: 'letter', filename: 'a.pdf', type: 'application/pdf', data: PDF })))
        .statusCode,
    ).toBe(403);
    expect(await snapshot(h.db)).toEqual(before);
  });

  it('lets the desk read the gate but only a manager override it', async () => {
    await h.as('patient', 'POST', url('/intake'), {
      answers: { ...allNoAnswers(), bloodPressure: { systolic: 182, diastolic: 121 } },
    });
    const gate = (await h.as('front_desk', 'GET', url('/gate'))).json();
    expect(gate).toMatchObject({ treatmentAllowed: false, intakeVersion: 2 });
    expect((await h.as('front_desk', 'POST', url('/gate/override'), { reason: 'Patient insists' })).statusCode).toBe(
      403,
    );
    const override = await h.as('manager', 'POST', url('/gate/override'), { reason: 'Re-measured 128/82 at the desk' });
    expect(override.statusCode).toBe(201);
    expect(override.json().gate.treatmentAllowed).toBe(true);
  });
});
