/** Refusals a person reads: plain sentences naming fields by their labels; too-long text is 413. */
import { describe, expect, it } from 'vitest';
import { ensureServiceRow, findService } from '../../src/services/booking/catalogue.ts';
import { TEXT_LIMITS } from '../../src/words/limits.ts';
import { BACKENDS } from '../support/db.ts';
import { httpSuite } from '../support/http-suite.ts';
import { snapshot } from '../support/snapshot.ts';
import { buildAppointment } from '../support/factories.ts';

describe.each(BACKENDS)('plain refusals on %s', (backend) => {
  const suite = httpSuite(backend, { signIn: ['admin'] });

  const send = (method: 'POST' | 'PATCH', url: string, payload: object) => suite.as('admin', method, url, payload);
  const patient = (over: object) => ({
    givenName: 'Nina',
    familyName: 'Plain',
    dateOfBirth: '1985-05-05',
    sexAtBirth: 'female',
    preferredLocationId: suite.world.sites.a,
    ...over,
  });

  it('answers text over its limit with 413 in the one error shape, naming field and limit; keeps nothing', async () => {
    const before = await snapshot(suite.db);
    const res = await send('POST', '/api/patients', patient({ givenName: 'x'.repeat(TEXT_LIMITS.personName + 1) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'First name: too long: at most 100 characters.',
        fields: { givenName: 'Too long: at most 100 characters.' },
      },
    });
    expect(await snapshot(suite.db)).toEqual(before);
    // At the limit it is kept.
    expect(
      (await send('POST', '/api/patients', patient({ givenName: 'x'.repeat(TEXT_LIMITS.personName) }))).statusCode,
    ).toBe(201);
  });

  it('names a field deep in a form by its label, while the fields map keeps the key for the form', async () => {
    const res = await send('PATCH', `/api/locations/${suite.world.sites.a}`, {
      hours: { 6: [{ open: '09:00', close: 5 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'invalid_request',
      message: 'Closing time (Saturday, period 1): must be text.',
      fields: { 'hours.6.0.close': 'Must be text.' },
    });
  });

  it('says an appointment state in words, never its code', async () => {
    await ensureServiceRow(
      suite.db,
      suite.world.orgId,
      (await findService(suite.db, suite.world.orgId, 'nmt-followup-60'))!,
    );
    const id = await buildAppointment(suite.db, suite.world.orgId, {
      patientId: suite.world.patients.a,
      therapistId: suite.world.therapists.a,
      locationId: suite.world.sites.a,
      start: '2026-11-24T17:00:00Z',
      status: 'late_cancel',
    });
    const res = await send('POST', `/api/appointments/${id}/status`, { status: 'arrived' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('An appointment that is cancelled late cannot become marked arrived.');
  });
});
