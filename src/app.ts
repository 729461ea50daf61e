import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { linkSettings, mailSender, mailTransport, outboxWorkerInServer, sheddingLimits } from './config.ts';
import type { SheddingLimits } from './http/load-shedding.ts';
import { buildServer } from './http/server.ts';
import type { TrustedProxies } from './http/trust-proxy.ts';
import type { ServiceContext } from './services/context.ts';
import { startHousekeeping } from './services/housekeeping.ts';
import { startExportWorker } from './services/fhir/export-worker.ts';
import { warmUpQuietly, type WarmUpOutcome } from './services/front-door/warm-up.ts';
import { warmPublicPages } from './http/warm-up.ts';
import { primeLinkKey, useLinkSettings } from './services/notify/links.ts';
import { startNotifyWorker } from './services/notify/index.ts';
import { rememberSessions } from './services/auth/session-memory.ts';
import type { Database } from './store/database.ts';
import { PACKAGE_ROOT } from './package-root.ts';

export const WEB_ROOT = join(PACKAGE_ROOT, 'dist/web');

export interface RunningApp {
  app: FastifyInstance;
  url: string;
  /**
   * Settles once the public pages have been read once after the start (see http/warm-up.ts):
   * from then on the server is ready, and a first visitor meets warm database caches. Never rejects.
   */
  warmed: Promise<WarmUpOutcome>;
  stop: () => Promise<void>;
}

/**
 * Serves the API and the web app on one port until stopped; the caller owns the database, which may
 * still be opening (store/deferred.ts): the pages are served meanwhile, and this resolves once it is open.
 */
export async function startApp(
  db: Database,
  options: {
    port: number;
    host?: string;
    logger?: boolean;
    trustProxy?: TrustedProxies;
    webRoot?: string | null;
    /** The server's clock; tests pass one anchored at a fixed day so nothing depends on today. */
    now?: () => Date;
    limits?: SheddingLimits;
    /** What warms the server after it listens; tests pass one that fails or records. */
    warmUp?: (ctx: ServiceContext, stopping: () => boolean) => Promise<number>;
    /** Keep sessions between requests where the database notifies changes (services/auth/session-memory.ts). */
    rememberSessions?: boolean;
  },
): Promise<RunningApp> {
  const remembered = options.rememberSessions ? rememberSessions(db) : undefined;
  const ctx: ServiceContext = {
    db,
    now: options.now ?? (() => new Date()),
    ...(remembered ? { sessions: remembered.memory } : {}),
  };
  useLinkSettings(linkSettings());
  const app = await buildServer(ctx, {
    webRoot: options.webRoot === null ? undefined : (options.webRoot ?? WEB_ROOT),
    logger: options.logger ?? false,
    trustProxy: options.trustProxy,
    limits: options.limits ?? sheddingLimits(),
  });
  // Listening comes first: the web app's pages need no database, which may still be opening.
  const address = await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  try {
    // Self-service links are then checked without a query; this also waits for the database.
    await primeLinkKey(db);
  } catch (err) {
    remembered?.stop();
    await app.close();
    throw err;
  }
  const housekeeping = startHousekeeping(ctx);
  const exports = startExportWorker(ctx);
  // Drains the outbox: SMTP when KNOTWORK_SMTP_URL is set, else .eml files under <data dir>/outbox; unless
  // KNOTWORK_OUTBOX_WORKER=off leaves that to `knotwork send-messages`.
  const notifier = outboxWorkerInServer()
    ? startNotifyWorker(ctx, mailTransport(), { from: mailSender() })
    : { stop: async () => undefined };
  // Started, not awaited: the server already answers; a visitor arriving meanwhile is served as usual.
  let stopping = false;
  const warmUp = options.warmUp ?? ((c: ServiceContext, s: () => boolean) => warmPublicPages(app, c, s));
  const warmed = warmUpQuietly(
    () => warmUp(ctx, () => stopping),
    () => performance.now(),
  );
  const url = address.replace('127.0.0.1', 'localhost');
  return {
    app,
    url,
    warmed,
    stop: async () => {
      // The warm-up stops between reads and is let finish before the database may be closed.
      stopping = true;
      await warmed;
      await housekeeping.stop();
      await exports.stop();
      await notifier.stop();
      await app.close();
      remembered?.stop();
    },
  };
}
