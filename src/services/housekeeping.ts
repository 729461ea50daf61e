import { claimJob, completeJob, enqueueJob, failJob } from '../store/repos/jobs.ts';
import { purgeExpired } from '../store/repos/sign-ins.ts';
import { analyzeChanged } from '../store/statistics.ts';
import { purgeThrottle } from '../store/repos/login-throttle.ts';
import { RATE_LIMIT } from './auth/throttle.ts';
import type { ServiceContext } from './context.ts';
import { runWaitlistJobs } from './booking/offers.ts';
import { purgeIdempotencyKeys } from '../store/repos/idempotency.ts';
import { organizationsWithStaleOpenEpisodes } from '../store/repos/outcome-episodes.ts';
import { rebuildAllOutcomes } from './outcomes/refresh.ts';

const POLL_MS = 30_000;

interface Chore {
  everyMs: number;
  run: (ctx: ServiceContext, now: Date) => Promise<unknown>;
}

/** Recurring chores, each a job kind; the next run is queued when one finishes. */
const CHORES: Record<string, Chore> = {
  'purge-expired-sessions': {
    everyMs: 15 * 60_000,
    run: async (ctx, now) => {
      await purgeExpired(ctx.db, now);
      await purgeThrottle(ctx.db, new Date(now.getTime() - RATE_LIMIT.windowMs));
      // A retry comes within minutes; a day-old Idempotency-Key (and any answer it kept) is dropped.
      await purgeIdempotencyKeys(ctx.db, new Date(now.getTime() - 24 * 3600_000));
    },
  },
  // An open episode lapses after 60 days without a visit even though nothing is signed: once a day
  // the outcome rows of organisations with open episodes are rebuilt as of today.
  'rebuild-outcomes': {
    everyMs: 24 * 3600_000,
    run: async (ctx, now) => {
      for (const orgId of await organizationsWithStaleOpenEpisodes(ctx.db, new Date(now.getTime() - 12 * 3600_000))) {
        await rebuildAllOutcomes({ db: ctx.db, now: () => now }, orgId);
      }
    },
  },
  // PGlite runs no autovacuum: tables that changed enough since their last ANALYZE get a new one.
  'refresh-statistics': {
    everyMs: 10 * 60_000,
    run: (ctx) => analyzeChanged(ctx.db),
  },
};

/** The chores this database needs: PostgreSQL keeps its own statistics (autovacuum). */
export function choresFor(ctx: ServiceContext): string[] {
  return Object.keys(CHORES).filter((kind) => kind !== 'refresh-statistics' || ctx.db.kind === 'pglite');
}

/** The next run is keyed by its slot, so instances scheduling it together create it once. */
function scheduleNext(ctx: ServiceContext, kind: string, after: Date): Promise<void> {
  const every = CHORES[kind]!.everyMs;
  const next = new Date(Math.ceil((after.getTime() + 1) / every) * every);
  return enqueueJob(ctx.db, { kind, runAt: next, dedupeKey: `${kind}:${next.toISOString()}` });
}

/** Runs due housekeeping jobs; any instance may run it, the job table hands each job to one. */
export async function runDueJobs(ctx: ServiceContext): Promise<number> {
  const kinds = choresFor(ctx);
  let ran = 0;
  for (;;) {
    const now = ctx.now();
    const job = await claimJob(ctx.db, kinds, now, 60_000);
    if (!job) return ran;
    try {
      await CHORES[job.kind]!.run(ctx, now);
      await completeJob(ctx.db, job.id, now);
      await scheduleNext(ctx, job.kind, now);
    } catch (err) {
      await failJob(ctx.db, job.id, (err as Error).message, new Date(now.getTime() + 60_000 * job.attempts));
    }
    ran++;
  }
}

/** Queues each chore's first run, at its next slot (a 10-minute boundary for statistics). */
export async function scheduleChores(ctx: ServiceContext): Promise<void> {
  for (const kind of choresFor(ctx)) await scheduleNext(ctx, kind, new Date(ctx.now().getTime() - 1));
}

export function startHousekeeping(ctx: ServiceContext): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    // Expired waitlist offers pass to the next patient on the same tick.
    running = Promise.all([runDueJobs(ctx), runWaitlistJobs(ctx)]).catch(() => undefined);
  };
  running = scheduleChores(ctx)
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
