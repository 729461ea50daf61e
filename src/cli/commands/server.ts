import type { Command } from 'commander';
import { startApp } from '../../app.ts';
import { describeWarmUp } from '../../services/front-door/warm-up.ts';
import { parseTrustProxy, type TrustedProxies } from '../../http/trust-proxy.ts';
import { DEMO_TIME_ZONE, ensureDemo } from '../../demo/index.ts';
import { databaseWhenOpen } from '../../store/deferred.ts';
import { migrate } from '../../store/migrate.ts';
import { describeStore, openDatabase, openMigratedDatabase } from '../../store/open.ts';
import { mailSender, mailTransport, serverSettings, storeConfig } from '../../config.ts';
import { runDueMessages } from '../../services/notify/index.ts';
import { todayIn } from '../clock.ts';
import { CliError } from '../errors.ts';

export const DEMO_LOGINS = ['admin', 'manager', 'frontdesk', 'therapist', 'patient'].map(
  (r) => `${r}@demo.knotwork.test`,
);
export const DEMO_PASSWORD = 'knotwork-demo';

function parsePort(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`PORT must be a port number, not "${value}"`);
  return port;
}

function trustedProxies(written: string | undefined): TrustedProxies {
  try {
    return parseTrustProxy(written);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the API and the web app (PORT, KNOTWORK_DATA_DIR, KNOTWORK_DATABASE_URL)')
    .option('--demo', 'seed the demo organisation when the database is empty')
    .option('--host <host>', 'address to listen on', serverSettings().host)
    .action(async (opts: { demo?: boolean; host: string }) => {
      const settings = serverSettings();
      const port = parsePort(settings.port);
      const trustProxy = trustedProxies(settings.trustProxy);
      const config = storeConfig();
      const started = Date.now();
      // The server listens while the database opens and migrates: the first page does not wait for it.
      const opening = openMigratedDatabase(config).then(async (db) => {
        if (opts.demo && (await ensureDemo(db, { today: todayIn(DEMO_TIME_ZONE) })))
          console.log('Seeded the demo organisation (first start).');
        return db;
      });
      const db = databaseWhenOpen(config.databaseUrl ? 'postgres' : 'pglite', opening);
      const running = await startApp(db, {
        port,
        host: opts.host,
        logger: settings.requestLog,
        trustProxy,
        rememberSessions: true,
      });
      console.log(
        `Knotwork is running at ${running.url}  (${describeStore(config)}, ready in ${Date.now() - started} ms)`,
      );
      console.log(`API docs: ${running.url}/api/docs`);
      // Readiness: the public pages have been read once, so the first visitor meets warm caches.
      void running.warmed.then((outcome) => console.log(describeWarmUp(outcome)));
      if (opts.demo) {
        console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
        for (const login of DEMO_LOGINS) console.log(`  ${login}`);
      }
      const shutdown = async () => {
        await running.stop();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program
    .command('send-messages')
    .description('Send every message that is due now, once, and stop (for servers run with KNOTWORK_OUTBOX_WORKER=off)')
    .action(async () => {
      const db = await openMigratedDatabase(storeConfig());
      const transport = mailTransport();
      try {
        const sent = await runDueMessages({ db, now: () => new Date() }, transport, { from: mailSender() });
        console.log(`Sent ${sent.sent}; to try again later ${sent.retried}; given up ${sent.failed}.`);
      } finally {
        transport.close?.();
        await db.close();
      }
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const config = storeConfig();
      const db = await openDatabase(config);
      try {
        const { applied } = await migrate(db);
        console.log(
          applied.length
            ? `Applied ${applied.join(', ')} to ${describeStore(config)}`
            : `${describeStore(config)} is up to date`,
        );
      } finally {
        await db.close();
      }
    });
}
