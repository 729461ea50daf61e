import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/db.ts';
import { buildWorld, type World } from '../../test/support/world.ts';
import { enqueueMessage } from '../services/notify/index.ts';
import type { Database } from '../store/database.ts';
import { listMessages } from '../store/repos/outbox.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

// The command opens the database from another process: PGlite allows one process per data folder, so
// this runs on PostgreSQL, where web servers run with KNOTWORK_OUTBOX_WORKER=off.
describe('knotwork send-messages, on postgres', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let url: string;
  let world: World;
  let dataDir: string;

  beforeAll(async () => {
    const created = await createTestDatabase('postgres');
    ({ db, drop } = created);
    url = created.url!;
    world = await buildWorld(db);
    dataDir = await mkdtemp(join(tmpdir(), 'knotwork-send-'));
  });
  afterAll(async () => {
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const queue = (sendAt: Date, n: number) =>
    db.transaction((tx) =>
      enqueueMessage(
        tx,
        {
          orgId: world.orgId,
          kind: 'reminder',
          patientId: world.patients.a,
          toAddress: 'alice@example.test',
          subject: `Reminder ${n}`,
          text: `Hello Alice,\n\nReminder ${n}.\n`,
          sendAt,
          dedupeKey: `send-messages:${n}`,
        },
        sendAt,
      ),
    );

  const sendMessages = () =>
    spawnSync(process.execPath, [join(ROOT, 'bin/knotwork.mjs'), 'send-messages'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, KNOTWORK_DATABASE_URL: url, KNOTWORK_DATA_DIR: dataDir, KNOTWORK_SMTP_URL: '' },
    });

  it('sends every due message once and stops; a message due later stays queued', async () => {
    const now = Date.now();
    await queue(new Date(now - 3600_000), 1);
    await queue(new Date(now - 60_000), 2);
    await queue(new Date(now + 7 * 24 * 3600_000), 3);
    const first = sendMessages();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Sent 2; to try again later 0; given up 0.');
    const byStatus = (await listMessages(db, { orgId: world.orgId })).map((m) => [m.subject, m.status]);
    expect(byStatus).toEqual([
      ['Reminder 1', 'sent'],
      ['Reminder 2', 'sent'],
      ['Reminder 3', 'pending'],
    ]);
    expect((await readdir(join(dataDir, 'outbox'))).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    const again = sendMessages();
    expect(again.stdout).toContain('Sent 0;');
  });
});
