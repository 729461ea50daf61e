import { isRefused, manifest, parseExportTypes, parseSince, type Manifest } from '../../fhir/bulk.ts';
import * as repo from '../../store/repos/fhir-exports.ts';
import { enqueueJob } from '../../store/repos/jobs.ts';
import { findLocation } from '../../store/repos/locations.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { authorize } from '../policies.ts';

/**
 * Bulk export as the Bulk Data Access IG has it: a kick-off queues a job (the jobs table, so it
 * survives a restart and any instance may run it), the requester polls its status, downloads the
 * NDJSON files of the manifest, or deletes it. Only the one who asked sees an export, and only while
 * they may still export that scope.
 */
export const EXPORT_JOB = 'fhir-export';

export interface KickOff {
  level: repo.ExportRow['level'];
  groupId?: string;
  types?: string[];
  since?: string;
  outputFormat?: string;
  /** The kick-off URL as the client sent it. */
  request: string;
}

const OUTPUT_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

const refuse = (field: string, message: string): never => {
  throw new ValidationError({ [field]: message }, message);
};

const scopeFacts = (groupId: string | null) => (groupId ? { locationIds: [groupId] } : {});

export async function kickOffExport(ctx: ServiceContext, actor: Actor, input: KickOff): Promise<string> {
  const groupId = input.level === 'group' ? input.groupId! : null;
  authorize(actor, 'fhir.export', scopeFacts(groupId));
  if (groupId && !(await findLocation(ctx.db, actor.orgId, groupId)))
    throw new NotFoundError('There is no such Group here: a group is one of the sites.');
  if (input.outputFormat !== undefined && !OUTPUT_FORMATS.includes(input.outputFormat))
    refuse(
      '_outputFormat',
      'Knotwork exports NDJSON only: leave _outputFormat out, or ask for application/fhir+ndjson.',
    );
  const types = parseExportTypes(input.types);
  if (isRefused(types)) return refuse('_type', types.refused);
  const now = ctx.now();
  const since = parseSince(input.since, now);
  if (isRefused(since)) return refuse('_since', since.refused);
  // The job runs later, in the requester's name: a stamp read with this request's session would be stale by then.
  const { scheduleStamp: _readWithSession, ...kept } = actor;
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertExport(
      tx,
      {
        orgId: actor.orgId,
        requestedBy: actor.userId,
        actor: kept,
        request: input.request,
        level: input.level,
        groupId,
        types,
        since,
      },
      now,
    );
    await enqueueJob(tx, { kind: EXPORT_JOB, runAt: now, orgId: actor.orgId, payload: { exportId: id } });
    await audit(tx, actor, [
      {
        action: 'fhir.export',
        recordType: 'fhir-export',
        recordId: id,
        detail: { level: input.level, groupId, types, since: since?.toISOString() ?? null },
      },
    ]);
    return id;
  });
}

/** The export, if it is the actor's and they may still export its scope; otherwise not found / refused. */
async function ownExport(ctx: ServiceContext, actor: Actor, id: string): Promise<repo.ExportRow> {
  const row = /^[0-9a-f-]{36}$/.test(id) ? await repo.findExport(ctx.db, actor.orgId, id) : null;
  if (!row || row.requestedBy !== actor.userId) throw new NotFoundError('There is no such export here.');
  authorize(actor, 'fhir.export', scopeFacts(row.groupId));
  return row;
}

export type ExportStatus =
  { state: 'running'; progress: number } | { state: 'failed'; error: string } | { state: 'done'; manifest: Manifest };

export async function exportStatus(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  fileUrl: (type: string, part: number) => string,
): Promise<ExportStatus> {
  const row = await ownExport(ctx, actor, id);
  if (row.status === 'failed') return { state: 'failed', error: row.error ?? 'The export failed.' };
  if (row.status !== 'done') return { state: 'running', progress: row.progress };
  const files = await repo.listExportFiles(ctx.db, actor.orgId, id);
  return { state: 'done', manifest: manifest(row.request, row.transactionTime!, files, fileUrl) };
}

/** DELETE on the status URL: the export and its files are gone; a running worker stops at its next patient. */
export async function cancelExport(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  await ownExport(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteExport(tx, actor.orgId, id);
    await audit(tx, actor, [{ action: 'fhir.export-cancel', recordType: 'fhir-export', recordId: id }]);
  });
}

export async function exportFile(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  type: string,
  part: number,
): Promise<string> {
  const row = await ownExport(ctx, actor, id);
  const file = row.status === 'done' ? await repo.readExportFile(ctx.db, actor.orgId, id, type, part) : null;
  if (!file) throw new NotFoundError('There is no such file in this export.');
  await audit(ctx.db, actor, [
    {
      action: 'fhir.export-download',
      recordType: 'fhir-export',
      recordId: id,
      detail: { type, part, count: file.count },
    },
  ]);
  return file.ndjson;
}
