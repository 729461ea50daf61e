import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import { listMessages } from '../../store/repos/outbox.ts';
import {
  EmlTransport,
  emlFileName,
  enqueueMessage,
  retryDelayMs,
  runDueMessages,
  startNotifyWorker,
  type OutgoingMail,
  type Transport,
} from './index.ts';

const T0 = new Date('2026-11-20T18:00:00Z');
const MINUTE = 60_000;

/** A database whose "mark sent" write fails while `broken.markSent` is set, and every write once `broken.all` is. */
function flaky(db: Database, broken: { markSent: boolean; all: boolean }): Database {
  return {
    kind: db.kind,
    query: (sql: string, params?: readonly unknown[]) => {
      if (broken.all && /^\s*UPDATE/.test(sql)) return Promise.reject(new Error('process died'));
      if (broken.markSent && sql.includes("status = 'sent'"))
        return Promise.reject(new Error('connection lost before commit'));
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  } as Database;
}

class RecordingTransport implements Transport {
  readonly name = 'recording';
  readonly sent: OutgoingMail[] = [];
  failuresLeft = 0;
  delayMs = 0;
  async send(mail: OutgoingMail): Promise<void> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, Math.random() * this.delayMs));
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('SMTP 451 try again later');
    }
    this.sent.push(mail);
  }
}

describe.each(BACKENDS)('the notification worker on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let dir: string;
  let n = 0;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    dir = await mkdtemp(join(tmpdir(), 'knotwork-outbox-'));
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  const queue = (sendAt: Date, subject = `Test ${++n}`) =>
    db
      .transaction((tx) =>
        enqueueMessage(
          tx,
          {
            orgId: world.orgId,
            kind: 'reminder',
            patientId: world.patients.a,
            toAddress: 'alice@example.test',
            subject,
            text: `Hello Alice,\n\nLine of text ${n}.\n`,
            html: `<p>Line ${n}</p>`,
            sendAt,
            dedupeKey: `worker-test:${backend}:${n}`,
          },
          T0,
        ),
      )
      .then((m) => m!);
  const clockAt = (t: Date) => ({ db, now: () => t });
  const status = async (id: string) => (await listMessages(db, { orgId: world.orgId })).find((m) => m.id === id)!;

  it('writes due messages as RFC 5322 .eml files and marks them sent; later ones wait', async () => {
    const out = join(dir, 'basic');
    const due = await queue(T0, 'Reminder: café visit');
    const later = await queue(new Date(T0.getTime() + 60 * MINUTE));
    const summary = await runDueMessages(clockAt(T0), new EmlTransport(out), {
      from: 'Clinic <clinic@knotwork.local>',
    });
    expect(summary).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await readdir(out)).toEqual([emlFileName(due.messageId)]);
    const eml = await readFile(join(out, emlFileName(due.messageId)), 'utf8');
    const headerBlock = eml.split('\r\n\r\n')[0]!;
    for (const header of [
      'From: Clinic <clinic@knotwork.local>',
      'To: alice@example.test',
      `Message-ID: ${due.messageId}`,
      'MIME-Version: 1.0',
    ]) {
      expect(headerBlock).toContain(header);
    }
    expect(headerBlock).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(headerBlock).toMatch(/^Date: Fri, 20 Nov 2026 18:00:00 \+0000$/m);
    expect(headerBlock).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(eml).toContain('Content-Type: text/plain');
    expect(eml).toContain('Content-Type: text/html');
    expect(eml).not.toMatch(/[^\r]\n/);
    expect((await status(due.id)).status).toBe('sent');
    expect((await status(later.id)).status).toBe('pending');
    await db.query(`UPDATE outbox_messages SET status = 'cancelled' WHERE id = $1`, [later.id]);
  });

  it('after a failure between sending and marking sent, resends with the same Message-ID; one .eml file', async () => {
    const out = join(dir, 'crash');
    const message = await queue(T0);
    const broken = { markSent: true, all: false };
    const first = await runDueMessages({ db: flaky(db, broken), now: () => T0 }, new EmlTransport(out));
    expect(first).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await status(message.id)).status).toBe('pending');
    broken.markSent = false;
    const recorder = new RecordingTransport();
    const teeing: Transport = {
      name: 'tee',
      send: async (m) => {
        await recorder.send(m);
        await new EmlTransport(out).send(m);
      },
    };
    const retryAt = new Date(T0.getTime() + retryDelayMs(1));
    expect(await runDueMessages(clockAt(retryAt), teeing)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(recorder.sent.map((m) => m.messageId)).toEqual([message.messageId]);
    expect(await readdir(out)).toEqual([emlFileName(message.messageId)]);
    expect((await status(message.id)).status).toBe('sent');
  });

  it('after the process dies mid-send, the lease runs out and another run resends the same message once', async () => {
    const out = join(dir, 'died');
    const message = await queue(T0);
    const broken = { markSent: false, all: false };
    // The mail leaves, then the process is gone: no write of this worker reaches the database any more.
    const dying: Transport = {
      name: 'dying',
      send: async (m) => {
        await new EmlTransport(out).send(m);
        broken.all = true;
      },
    };
    await expect(
      runDueMessages({ db: flaky(db, broken), now: () => T0 }, dying, { leaseMs: 5 * MINUTE }),
    ).rejects.toThrow('process died');
    // Still leased: a second worker does not touch it yet.
    expect(await runDueMessages(clockAt(new Date(T0.getTime() + MINUTE)), new EmlTransport(out))).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    const after = await runDueMessages(clockAt(new Date(T0.getTime() + 6 * MINUTE)), new EmlTransport(out));
    expect(after).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await readdir(out)).toEqual([emlFileName(message.messageId)]);
    expect((await status(message.id)).attempts).toBe(2);
  });

  it('retries with exponential backoff and gives up after the maximum attempts', async () => {
    const message = await queue(T0);
    const transport = new RecordingTransport();
    transport.failuresLeft = 100;
    let now = T0;
    const seen: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      await runDueMessages({ db, now: () => now }, transport, { maxAttempts: 4, baseDelayMs: MINUTE });
      const row = await status(message.id);
      if (row.lockedUntil) seen.push((row.lockedUntil.getTime() - now.getTime()) / MINUTE);
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe('SMTP 451 try again later');
      expect(row.sendAt).toEqual(T0);
      // Not before the retry time.
      expect(
        await runDueMessages({ db, now: () => new Date((row.lockedUntil ?? now).getTime() - 1000) }, transport),
      ).toEqual({ sent: 0, retried: 0, failed: 0 });
      now = row.lockedUntil ?? now;
    }
    expect(seen).toEqual([1, 2, 4]);
    expect((await status(message.id)).status).toBe('failed');
    expect(transport.sent).toEqual([]);
  });

  it('stops between messages when the server shuts down, leaving the rest queued for the next start', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await queue(T0)).id);
    let stop: () => Promise<void> = async () => undefined;
    let stopAsked!: (stopping: Promise<void>) => void;
    // Settles when the worker has stopped (it takes on the promise of stop()).
    const stopped = new Promise<void>((resolve) => (stopAsked = resolve));
    // The transport asks the worker to stop while it sends the third message.
    const transport = new RecordingTransport();
    const send = transport.send.bind(transport);
    transport.send = async (mail) => {
      if (transport.sent.length === 2) stopAsked(stop());
      await send(mail);
    };
    ({ stop } = startNotifyWorker(clockAt(T0), transport, { pollMs: 60 * MINUTE }));
    await stopped;
    expect(transport.sent).toHaveLength(3);
    const left = await Promise.all(ids.map(status));
    expect(left.filter((m) => m.status === 'sent')).toHaveLength(3);
    expect(left.filter((m) => m.status === 'pending')).toHaveLength(17);
    // The next start sends the rest, each once.
    const rest = await runDueMessages(clockAt(T0), transport);
    expect(rest.sent).toBe(17);
    expect(new Set(transport.sent.map((m) => m.messageId)).size).toBe(20);
  });

  it('two workers on one database send each of 50 messages exactly once', async () => {
    const ids = [];
    for (let i = 0; i < 50; i++) ids.push((await queue(T0)).messageId);
    const transport = new RecordingTransport();
    transport.delayMs = 5;
    const ctx = clockAt(T0);
    const [a, b] = await Promise.all([runDueMessages(ctx, transport), runDueMessages(ctx, transport)]);
    expect(a.sent + b.sent).toBe(50);
    if (backend === 'postgres') expect(Math.min(a.sent, b.sent)).toBeGreaterThan(0);
    const counts = new Map<string, number>();
    for (const m of transport.sent) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(new Set(counts.keys())).toEqual(new Set(ids));
  });
});
