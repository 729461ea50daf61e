import { ndjsonFiles } from '../../fhir/bulk.ts';
import * as repo from '../../store/repos/fhir-exports.ts';
import { claimJob, completeJob, extendJobLease, failJob, type JobRow } from '../../store/repos/jobs.ts';
import { findStaff } from '../../store/repos/staff.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { isAllowed } from '../policies.ts';
import { collectExport, ExportCancelled } from './export-collect.ts';
import { EXPORT_JOB } from './export.ts';

const LEASE_MS = 5 * 60_000;
const POLL_MS = 2_000;
/** A job that failed this often is given up, and its export answers as failed. */
const MAX_ATTEMPTS = 3;

export const WITHDRAWN =
  'The export stopped: the person who asked for it may no longer export these records (their role or sites changed).';

/**
 * The one who asked, as they are now: an export runs in their name only while they may still export its
 * scope (an account disabled, a role changed or a site taken away since the kick-off stops it).
 */
async function requesterNow(ctx: ServiceContext, row: repo.ExportRow): Promise<Actor | null> {
  const staff = await findStaff(ctx.db, row.orgId, row.requestedBy);
  if (!staff || staff.disabled) return null;
  const actor = {
    ...(row.actor as unknown as Actor),
    role: staff.role as Actor['role'],
    locationIds: staff.locationIds,
  };
  return isAllowed(actor, 'fhir.export', row.groupId ? { locationIds: [row.groupId] } : {}) ? actor : null;
}

async function withdrawn(ctx: ServiceContext, row: repo.ExportRow): Promise<never> {
  await repo.finishExport(ctx.db, row.orgId, row.id, { status: 'failed', error: WITHDRAWN }, ctx.now());
  throw new ExportCancelled();
}

async function runExport(ctx: ServiceContext, job: JobRow): Promise<void> {
  const exportId = String(job.payload.exportId);
  const row = await repo.findExport(ctx.db, job.orgId!, exportId);
  if (!row) return; // Cancelled before it ran.
  const actor = (await requesterNow(ctx, row)) ?? (await withdrawn(ctx, row));
  // A worker that died left its files half-written: the next one starts the export over.
  if (!(await repo.startExport(ctx.db, row.orgId, row.id, ctx.now()))) return;
  let reported = -1;
  const byType = await collectExport(ctx, actor, row, async (done, total) => {
    if (!(await requesterNow(ctx, row))) await withdrawn(ctx, row);
    const progress = Math.floor((done / Math.max(total, 1)) * 99);
    if (progress === reported) return true;
    reported = progress;
    await extendJobLease(ctx.db, job.id, new Date(ctx.now().getTime() + LEASE_MS));
    return repo.setProgress(ctx.db, row.orgId, row.id, progress);
  });
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.findExport(tx, row.orgId, row.id))) return;
    for (const [type, resources] of byType)
      for (const file of ndjsonFiles(type, resources)) await repo.insertExportFile(tx, row.orgId, row.id, file);
    await repo.finishExport(tx, row.orgId, row.id, { status: 'done' }, ctx.now());
  });
}

/** Runs due exports one after another; any instance may, the jobs table hands each to one worker. */
export async function runExportJobs(ctx: ServiceContext): Promise<number> {
  let ran = 0;
  for (;;) {
    const job = await claimJob(ctx.db, [EXPORT_JOB], ctx.now(), LEASE_MS);
    if (!job) return ran;
    try {
      await runExport(ctx, job);
      await completeJob(ctx.db, job.id, ctx.now());
    } catch (err) {
      if (err instanceof ExportCancelled) await completeJob(ctx.db, job.id, ctx.now());
      else if (job.attempts >= MAX_ATTEMPTS) {
        await repo.finishExport(
          ctx.db,
          job.orgId!,
          String(job.payload.exportId),
          { status: 'failed', error: 'The export could not be completed. Start a new one.' },
          ctx.now(),
        );
        await completeJob(ctx.db, job.id, ctx.now());
      } else await failJob(ctx.db, job.id, (err as Error).message, new Date(ctx.now().getTime() + 60_000));
    }
    ran++;
  }
}

/** Polls for exports every few seconds, so a kick-off starts soon on whichever instance is free. */
export function startExportWorker(ctx: ServiceContext): { stop: () => Promise<void> } {
  let stopped = false;
  let busy = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    // One export at a time per instance; the next tick claims the next one.
    if (stopped || busy) return;
    busy = true;
    running = runExportJobs(ctx)
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, POLL_MS);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
