import {
  claimDueMessage,
  markAttemptFailed,
  markSent,
  updateContent,
  type MessageRow,
} from '../../store/repos/outbox.ts';
import type { ServiceContext } from '../context.ts';
import { composeAgain } from './render.ts';
import { senderAddress, type Transport } from './transports.ts';

export interface WorkerOptions {
  /** Attempts before a message is marked failed. */
  maxAttempts?: number;
  /** How long a claim holds a message; a worker that dies mid-send releases it when this runs out. */
  leaseMs?: number;
  /** First retry delay; each later one doubles, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  pollMs?: number;
  from?: string;
}

const DEFAULTS = { maxAttempts: 6, leaseMs: 5 * 60_000, baseDelayMs: 60_000, maxDelayMs: 6 * 3600_000, pollMs: 15_000 };

export interface RunSummary {
  sent: number;
  retried: number;
  failed: number;
}

export function retryDelayMs(attempt: number, options: WorkerOptions = {}): number {
  const base = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  return Math.min(options.maxDelayMs ?? DEFAULTS.maxDelayMs, base * 2 ** Math.max(0, attempt - 1));
}

function mailOf(m: MessageRow, from: string) {
  return {
    messageId: m.messageId,
    from,
    to: m.toAddress,
    subject: m.subject,
    text: m.text,
    html: m.html,
    date: new Date(m.sendAt),
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.base64, 'base64'),
    })),
  };
}

/**
 * The message as it should read now. Composing again is best effort: if it fails, the words stored
 * at queueing time still go, so a message is never held back by a rendering problem.
 */
async function current(ctx: ServiceContext, message: MessageRow): Promise<MessageRow> {
  const fresh = await composeAgain(ctx.db, message).catch(() => null);
  if (!fresh || (fresh.subject === message.subject && fresh.text === message.text && fresh.html === message.html))
    return message;
  await updateContent(ctx.db, message.id, fresh).catch(() => undefined);
  return { ...message, ...fresh };
}

/**
 * Sends every due message once. Order matters for crash safety: the row is marked sent only after
 * the transport accepted it, so a crash in between means a resend, never a loss; the resend
 * carries the stored Message-ID, so mail systems (and the .eml transport) recognise it.
 */
export async function runDueMessages(
  ctx: ServiceContext,
  transport: Transport,
  options: WorkerOptions = {},
  /** Asked before each message: a server shutting down stops between messages, not after the whole queue. */
  stopping: () => boolean = () => false,
): Promise<RunSummary> {
  const summary: RunSummary = { sent: 0, retried: 0, failed: 0 };
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
  const from = options.from ?? senderAddress({});
  while (!stopping()) {
    const now = ctx.now();
    const message = await claimDueMessage(ctx.db, now, options.leaseMs ?? DEFAULTS.leaseMs);
    if (!message) return summary;
    try {
      await transport.send(mailOf(await current(ctx, message), from));
      await markSent(ctx.db, message.id, ctx.now());
      summary.sent++;
    } catch (err) {
      const giveUp = message.attempts >= maxAttempts;
      const retryAt = giveUp ? null : new Date(now.getTime() + retryDelayMs(message.attempts, options));
      await markAttemptFailed(ctx.db, message.id, (err as Error).message ?? String(err), retryAt);
      if (giveUp) summary.failed++;
      else summary.retried++;
    }
  }
  return summary;
}

/** Polls the outbox on every instance; SKIP LOCKED claims keep two workers off the same message. */
export function startNotifyWorker(
  ctx: ServiceContext,
  transport: Transport,
  options: WorkerOptions = {},
): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = running
      .then(() => (stopped ? undefined : runDueMessages(ctx, transport, options, () => stopped)))
      .catch(() => undefined);
  };
  tick();
  const timer = setInterval(tick, options.pollMs ?? DEFAULTS.pollMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close?.();
    },
  };
}
