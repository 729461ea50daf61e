import type { OperationOutcome } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite, SUITE_NOW } from '../../../test/support/http-suite.ts';
import { runExportJobs, WITHDRAWN } from './export-worker.ts';

const ASYNC = { prefer: 'respond-async' };

/** An export runs in the name of the one who asked, only while they may still export what it holds. */
describe.each(BACKENDS)('a bulk export whose requester lost the right to it, on %s', (backend) => {
  const suite = httpSuite(backend);
  const ctx = () => ({ db: suite.db, now: () => SUITE_NOW });
  const managerSites = (sql: string) =>
    suite.db.query(sql, [suite.world.orgId, suite.world.users.manager.id, suite.world.sites.a]);

  it("stops when the manager's site is taken away after the kick-off, and its status says why", async () => {
    const kickOff = await suite.as('manager', 'GET', `/fhir/R4/Group/${suite.world.sites.a}/$export`, undefined, ASYNC);
    expect(kickOff.statusCode, kickOff.body).toBe(202);
    const status = new URL(String(kickOff.headers['content-location'])).pathname;

    await managerSites('DELETE FROM user_locations WHERE org_id = $1 AND user_id = $2 AND location_id = $3');
    await runExportJobs(ctx());
    const [row] = await suite.db.query<{ status: string; files: string }>(
      `SELECT e.status,
              (SELECT count(*) FROM fhir_export_files f WHERE f.org_id = e.org_id AND f.export_id = e.id) AS files
         FROM fhir_exports e WHERE e.org_id = $1 AND e.requested_by = $2`,
      [suite.world.orgId, suite.world.users.manager.id],
    );
    expect(row).toMatchObject({ status: 'failed' });
    expect(Number(row!.files)).toBe(0);

    // Given the site back, the manager reads the status: the export stopped, and why.
    await managerSites('INSERT INTO user_locations (org_id, user_id, location_id) VALUES ($1, $2, $3)');
    const answer = await suite.as('manager', 'GET', status);
    expect(answer.statusCode).toBe(500);
    expect((answer.json() as OperationOutcome).issue[0]!.details!.text).toBe(WITHDRAWN);
  });

  it('runs to the end for a requester who still may', async () => {
    const kickOff = await suite.as('manager', 'GET', `/fhir/R4/Group/${suite.world.sites.a}/$export`, undefined, ASYNC);
    await runExportJobs(ctx());
    const done = await suite.as('manager', 'GET', new URL(String(kickOff.headers['content-location'])).pathname);
    expect(done.statusCode, done.body).toBe(200);
  });
});
