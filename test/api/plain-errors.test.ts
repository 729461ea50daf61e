/** Refusals a person reads: plain sentences naming fields by their labels; too-long text is 413. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { ensureServiceRow, findService } from '../../src/services/booking/catalogue.ts';
import type { Database } from '../../src/store/database.ts';
import { TEXT_LIMITS } from '../../src/words/limits.ts';
import { BACKENDS, createTestDatabase } from '../support/db.ts';
import { snapshot } from '../support/snapshot.ts';
import { buildWorld, tokenFor, type World } from '../support/world.ts';
import { buildAppointment } from '../support/factories.ts';

describe.each(BACKENDS)('plain refusals on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let world: World;
  let token: string;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    app = await buildServer({ db, now: () => new Date('2026-11-20T18:00:00Z') });
    world = await buildWorld(db);
    token = await tokenFor(app, world.users.admin.email);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
  const patient = (over: object) => ({
    givenName: 'Nina',
    familyName: 'Plain',
    dateOfBirth: '1985-05-05',
    sexAtBirth: 'female',
    preferredLocationId: world.sites.a,
    ...over,
  });

  it('answers text over its limit with 413 in the one error shape, naming the field and the limit, and keeps nothing', async () => {
    const before = await snapshot(db);
    const res = await send('POST', '/api/patients', patient({ givenName: 'x'.repeat(TEXT_LIMITS.personName + 1) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'First name: too long: at most 100 characters.',
        fields: { givenName: 'Too long: at most 100 characters.' },
      },
    });
    expect(await snapshot(db)).toEqual(before);
    // At the limit it is kept.
    expect(
      (await send('POST', '/api/patients', patient({ givenName: 'x'.repeat(TEXT_LIMITS.personName) }))).statusCode,
    ).toBe(201);
  });

  it('names a field deep in a form by its label, while the fields map keeps the key for the form', async () => {
    const res = await send('PATCH', `/api/locations/${world.sites.a}`, { hours: { 6: [{ open: '09:00', close: 5 }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'invalid_request',
      message: 'Closing time (Saturday, period 1): must be text.',
      fields: { 'hours.6.0.close': 'Must be text.' },
    });
  });

  it('says an appointment state in words, never its code', async () => {
    await ensureServiceRow(db, world.orgId, (await findService(db, world.orgId, 'nmt-followup-60'))!);
    const id = await buildAppointment(db, world.orgId, {
      patientId: world.patients.a,
      therapistId: world.practitioners.a,
      locationId: world.sites.a,
      start: '2026-11-24T17:00:00Z',
      status: 'late_cancel',
    });
    const res = await send('POST', `/api/appointments/${id}/status`, { status: 'arrived' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('An appointment that is cancelled late cannot become marked arrived.');
  });
});
