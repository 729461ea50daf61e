/** A finished bulk export of the world's admin, written straight to the store, for matrix cases. */
import type { Queryable } from '../../src/store/database.ts';
import { finishExport, insertExport, insertExportFile, startExport } from '../../src/store/repos/fhir-exports.ts';
import type { World } from './world.ts';

const AT = new Date('2026-11-20T18:00:00Z');

/** An export holding patient A, done; `fresh` makes a new one (for a DELETE that uses it up). */
export async function finishedExportOfAdmin(db: Queryable, world: World, fresh = false): Promise<string> {
  const [held] = fresh
    ? []
    : await db.query<{ id: string }>(
        `SELECT id FROM fhir_exports WHERE org_id = $1 AND requested_by = $2 AND status = 'done' ORDER BY id LIMIT 1`,
        [world.orgId, world.users.admin.id],
      );
  if (held) return held.id;
  const id = await insertExport(
    db,
    {
      orgId: world.orgId,
      requestedBy: world.users.admin.id,
      actor: { userId: world.users.admin.id, orgId: world.orgId, role: 'admin' },
      request: 'http://localhost/fhir/R4/$export',
      level: 'system',
      groupId: null,
      types: ['Patient'],
      since: null,
    },
    AT,
  );
  await startExport(db, world.orgId, id, AT);
  const line = JSON.stringify({ resourceType: 'Patient', id: world.patients.a, name: [{ given: ['Alice'] }] });
  await insertExportFile(db, world.orgId, id, { type: 'Patient', part: 1, count: 1, ndjson: `${line}\n` });
  await finishExport(db, world.orgId, id, { status: 'done' }, AT);
  return id;
}
