import { claimJob, completeJob, enqueueJob, failJob } from '../store/repos/jobs.ts';
import { purgeExpired } from '../store/repos/sessions.ts';
import type { ServiceContext } from './context.ts';
import { runWaitlistJobs } from './booking/offers.ts';
import { purgeIdempotencyKeys } from '../store/repos/idempotency.ts';

const PURGE_KIND = 'purge-expired-sessions';
const PURGE_EVERY_MS = 15 * 60_000;
const POLL_MS = 30_000;

/** Runs due housekeeping jobs; any instance may run it, the job table hands each job to one. */
export async function runDueJobs(ctx: ServiceContext): Promise<number> {
  let ran = 0;
  for (;;) {
    const now = ctx.now();
    const job = await claimJob(ctx.db, [PURGE_KIND], now, 60_000);
    if (!job) return ran;
    try {
      await purgeExpired(ctx.db, now, new Date(now.getTime() - 24 * 3600_000));
      // A retry comes within minutes; a day-old Idempotency-Key (and any answer it kept) is dropped.
      await purgeIdempotencyKeys(ctx.db, new Date(now.getTime() - 24 * 3600_000));
      await completeJob(ctx.db, job.id, now);
      // The next run is keyed by its slot, so instances scheduling it together create it once.
      const next = new Date(Math.ceil((now.getTime() + 1) / PURGE_EVERY_MS) * PURGE_EVERY_MS);
      await enqueueJob(ctx.db, { kind: PURGE_KIND, runAt: next, dedupeKey: `${PURGE_KIND}:${next.toISOString()}` });
    } catch (err) {
      await failJob(ctx.db, job.id, (err as Error).message, new Date(now.getTime() + 60_000 * job.attempts));
    }
    ran++;
  }
}

export function startHousekeeping(ctx: ServiceContext): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    // Expired waitlist offers pass to the next patient on the same tick.
    running = Promise.all([runDueJobs(ctx), runWaitlistJobs(ctx)]).catch(() => undefined);
  };
  const first = new Date(Math.ceil(ctx.now().getTime() / PURGE_EVERY_MS) * PURGE_EVERY_MS);
  running = enqueueJob(ctx.db, { kind: PURGE_KIND, runAt: first, dedupeKey: `${PURGE_KIND}:${first.toISOString()}` })
    .then(() => runDueJobs(ctx))
    .catch(() => undefined);
  const timer = setInterval(tick, POLL_MS);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
