import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { seedCoverages } from '../../../test/support/fhir-coverage-kit.ts';
import { BACKENDS } from '../../../test/support/db.ts';
import { fhirProblems } from '../../../test/support/fhir-validation.ts';
import { buildAppointment, buildService } from '../../../test/support/factories.ts';
import { httpSuite, SUITE_NOW } from '../../../test/support/http-suite.ts';
import type { WorldRole } from '../../../test/support/world.ts';
import { runExportJobs } from '../../services/fhir/export-worker.ts';

const ASYNC = { prefer: 'respond-async', accept: 'application/fhir+json' };

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: unknown[];
}

describe.each(BACKENDS)('FHIR bulk export on %s', (backend) => {
  const suite = httpSuite(backend, {
    async setup({ db, world }) {
      await seedCoverages(db, world.orgId, [world.patients.a, world.patients.b]);
      await buildService(db, world.orgId);
      await buildAppointment(db, world.orgId, {
        patientId: world.patients.a,
        therapistId: world.therapists.a,
        locationId: world.sites.a,
        start: '2026-12-02T17:00:00Z',
      });
    },
  });
  const ctx = () => ({ db: suite.db, now: () => SUITE_NOW });
  const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

  async function kickOff(role: WorldRole, url: string): Promise<string> {
    const res = await suite.as(role, 'GET', url, undefined, ASYNC);
    expect(res.statusCode, res.body).toBe(202);
    expect(String(res.headers['content-location'])).toMatch(/\/fhir\/R4\/\$export-status\/[0-9a-f-]{36}$/);
    return pathOf(String(res.headers['content-location']));
  }

  async function finished(role: WorldRole, status: string): Promise<Manifest> {
    const waiting = await suite.as(role, 'GET', status);
    expect(waiting.statusCode).toBe(202);
    expect(waiting.headers['x-progress']).toBeDefined();
    await runExportJobs(ctx());
    const done = await suite.as(role, 'GET', status);
    expect(done.statusCode).toBe(200);
    return done.json() as Manifest;
  }

  async function download(role: WorldRole, manifest: Manifest): Promise<Resource[]> {
    const all: Resource[] = [];
    for (const out of manifest.output) {
      const res = await suite.as(role, 'GET', pathOf(out.url));
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^application\/fhir\+ndjson/);
      const lines = res.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Resource);
      expect(lines).toHaveLength(out.count);
      expect(new Set(lines.map((r) => r.resourceType))).toEqual(new Set([out.type]));
      all.push(...lines);
    }
    return all;
  }

  it('exports the organisation: kick-off, progress, manifest, NDJSON files that validate, audited', async () => {
    const status = await kickOff('admin', '/fhir/R4/$export');
    // The requester is kept for the job, without the schedule stamp read with this request's session.
    const [kept] = await suite.db.query<{ actor: Record<string, unknown> }>(
      'SELECT actor FROM fhir_exports WHERE org_id = $1 AND id = $2',
      [suite.world.orgId, status.split('/').pop()],
    );
    expect(kept!.actor).toMatchObject({ userId: suite.world.users.admin.id, role: 'admin' });
    expect(kept!.actor).not.toHaveProperty('scheduleStamp');
    const manifest = await finished('admin', status);
    expect(manifest).toMatchObject({ requiresAccessToken: true, error: [] });
    expect(manifest.request).toMatch(/\/fhir\/R4\/\$export$/);
    expect(manifest.transactionTime).toBe(SUITE_NOW.toISOString());
    const types = manifest.output.map((o) => o.type);
    for (const type of ['Patient', 'Coverage', 'Appointment', 'Organization', 'Location', 'Practitioner'])
      expect(types).toContain(type);
    const resources = await download('admin', manifest);
    expect(
      resources
        .filter((r) => r.resourceType === 'Patient')
        .map((r) => r.id)
        .sort(),
    ).toEqual([suite.world.patients.a, suite.world.patients.b].sort());
    expect(fhirProblems(resources)).toEqual([]);
    const events = await suite.db.query<{ action: string }>(
      `SELECT DISTINCT action FROM audit_events WHERE org_id = $1 AND actor_user_id = $2
        AND action IN ('fhir.export', 'fhir.export-download', 'coverage.read', 'patient.read')`,
      [suite.world.orgId, suite.world.users.admin.id],
    );
    expect(events.map((e) => e.action).sort()).toEqual(
      ['coverage.read', 'fhir.export', 'fhir.export-download', 'patient.read'].sort(),
    );
    // Only the one who asked sees it.
    expect((await suite.as('manager', 'GET', status)).statusCode).toBe(404);
  });

  it("narrows by _type and _since, and a manager exports their own site's patients only", async () => {
    const typed = await finished('admin', await kickOff('admin', '/fhir/R4/Patient/$export?_type=Patient,Coverage'));
    expect([...new Set(typed.output.map((o) => o.type))].sort()).toEqual(['Coverage', 'Patient']);
    // A changed an hour ago, B ten days ago: an export since two days ago holds A only.
    const ago = (ms: number) => new Date(SUITE_NOW.getTime() - ms);
    await suite.db.query('UPDATE patients SET updated_at = $2 WHERE id = $1', [suite.world.patients.a, ago(3600_000)]);
    await suite.db.query('UPDATE patients SET updated_at = $2 WHERE id = $1', [suite.world.patients.b, ago(864e6)]);
    const since = await finished(
      'admin',
      await kickOff('admin', `/fhir/R4/$export?_type=Patient&_since=${ago(2 * 864e5).toISOString()}`),
    );
    const changed = await download('admin', since);
    expect(changed.map((r) => r.id)).toEqual([suite.world.patients.a]);
    const group = await finished('manager', await kickOff('manager', `/fhir/R4/Group/${suite.world.sites.a}/$export`));
    const patients = (await download('manager', group)).filter((r) => r.resourceType === 'Patient');
    expect(patients.map((r) => r.id)).toEqual([suite.world.patients.a]);
    const otherSite = await suite.as(
      'manager',
      'GET',
      `/fhir/R4/Group/${suite.world.sites.b}/$export`,
      undefined,
      ASYNC,
    );
    expect(otherSite.statusCode).toBe(403);
    expect((await suite.as('manager', 'GET', '/fhir/R4/$export', undefined, ASYNC)).statusCode).toBe(403);
    expect((await suite.as('front_desk', 'GET', '/fhir/R4/Patient/$export', undefined, ASYNC)).statusCode).toBe(403);
  });

  it('refuses what it cannot do in plain words, naming the parameter', async () => {
    const noPrefer = await suite.as('admin', 'GET', '/fhir/R4/$export');
    expect(noPrefer.statusCode).toBe(400);
    expect((noPrefer.json() as OperationOutcome).issue[0]!.details!.text).toContain('Prefer: respond-async');
    const badType = await suite.as('admin', 'GET', '/fhir/R4/$export?_type=Medication', undefined, ASYNC);
    expect(badType.statusCode).toBe(400);
    expect((badType.json() as OperationOutcome).issue[0]).toMatchObject({ expression: ['_type'] });
    const badSince = await suite.as('admin', 'GET', '/fhir/R4/$export?_since=yesterday', undefined, ASYNC);
    expect((badSince.json() as OperationOutcome).issue[0]).toMatchObject({ expression: ['_since'] });
    const format = await suite.as('admin', 'GET', '/fhir/R4/$export?_outputFormat=text/csv', undefined, ASYNC);
    expect(format.statusCode).toBe(400);
    const noGroup = await suite.as(
      'admin',
      'GET',
      `/fhir/R4/Group/${suite.world.patients.a}/$export`,
      undefined,
      ASYNC,
    );
    expect(noGroup.statusCode).toBe(404);
  });

  it('cancels with DELETE: the status is gone, the worker writes nothing', async () => {
    const status = await kickOff('admin', '/fhir/R4/$export');
    const cancelled = await suite.as('admin', 'DELETE', status);
    expect(cancelled.statusCode).toBe(202);
    expect((await suite.as('admin', 'GET', status)).statusCode).toBe(404);
    await runExportJobs(ctx());
    const id = status.split('/').pop()!;
    expect(await suite.db.query('SELECT 1 FROM fhir_export_files WHERE export_id = $1', [id])).toEqual([]);
    expect((await suite.as('admin', 'DELETE', status)).statusCode).toBe(404);
  });
});
