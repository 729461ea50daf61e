import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from './server.ts';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { buildWorld, tokenFor, type World } from '../../test/support/world.ts';
import type { Database } from '../store/database.ts';

/** A patient whose record the database refuses (a constraint added for this test): a genuine driver error. */
const PATIENT = {
  givenName: 'Zebulon',
  familyName: 'Quintero-Loggable',
  dateOfBirth: '1977-03-14',
  sexAtBirth: 'male',
  email: 'zebulon.q@example.test',
  phone: '503-555-0199',
  address: { line1: '4417 Larkspur Lane', city: 'Hillsboro', state: 'OR', postalCode: '97124' },
};
const PATIENT_DATA = [
  'Zebulon',
  'Quintero',
  '1977-03-14',
  'zebulon.q',
  '503-555-0199',
  '555-0199',
  'Larkspur',
  'Hillsboro',
  '97124',
];

describe.each(BACKENDS)('the error log on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    await db.exec(
      "ALTER TABLE patients ADD CONSTRAINT test_refuses_this_patient CHECK (family_name <> 'Quintero-Loggable')",
    );
  });
  afterAll(() => drop());

  async function createRefusedPatient(app: FastifyInstance) {
    const token = await tokenFor(app, world.users.admin.email);
    return app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { authorization: `Bearer ${token}` },
      payload: { ...PATIENT, preferredLocationId: world.sites.a },
    });
  }

  it('logs a 500 with its class, SQL state, route and request id, and none of the patient', async () => {
    const errorLines: string[] = [];
    const requestLog: string[] = [];
    const app = await buildServer(
      { db, now: () => new Date('2026-11-20T18:00:00Z') },
      {
        errorLog: (line) => errorLines.push(line),
        logger: true,
        logStream: { write: (line) => void requestLog.push(line) },
      },
    );
    try {
      const res = await createRefusedPatient(app);
      expect(res.statusCode).toBe(500);
      const reference = /reference ([0-9a-f]+)/.exec(res.json().error.message)?.[1];
      expect(res.json()).toEqual({
        error: { code: 'internal', message: expect.stringContaining('It has been logged') },
      });
      expect(reference).toMatch(/^[0-9a-f]{16}$/);

      expect(errorLines).toHaveLength(1);
      expect(JSON.parse(errorLines[0]!)).toMatchObject({
        level: 'error',
        requestId: reference,
        method: 'POST',
        route: '/api/patients',
        status: 500,
        sqlState: '23514',
        constraint: 'test_refuses_this_patient',
        table: 'patients',
        errorClass: 'DatabaseError',
      });
      // Whatever Fastify itself logs about an error goes through the same description.
      app.log.error(
        {
          err: Object.assign(new Error('Failing row contains (Zebulon, Quintero-Loggable, 1977-03-14)'), {
            code: '23514',
          }),
        },
        'failed',
      );
      expect(requestLog.at(-1)).toContain('"sqlState":"23514"');
      const everything = [...errorLines, ...requestLog, res.body].join('\n');
      for (const value of PATIENT_DATA) expect(everything, value).not.toContain(value);
      // The request log shows the request, by path only.
      expect(requestLog.join('\n')).toContain('/api/patients');
    } finally {
      await app.close();
    }
  });

  it('logs errors to stderr also when the request log is off', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const app = await buildServer({ db, now: () => new Date('2026-11-20T18:00:00Z') });
    try {
      const res = await createRefusedPatient(app);
      expect(res.statusCode).toBe(500);
    } finally {
      spy.mockRestore();
      await app.close();
    }
    const lines = written
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ route: '/api/patients', sqlState: '23514' })]);
    for (const value of PATIENT_DATA) expect(written.join(''), value).not.toContain(value);
  });
});
