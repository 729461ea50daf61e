import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Transporter } from 'nodemailer';

/** nodemailer is loaded with the first message, not at start: a server answers sooner without it. */
async function loadNodemailer() {
  return (await import('nodemailer')).default;
}

/** One email ready to leave: the same Message-ID and Date on every attempt. */
export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  date: Date;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface Transport {
  readonly name: string;
  /** Resolves once the mail system has accepted the message; throws when it has not. */
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

const toNodemailer = (mail: OutgoingMail) => ({
  messageId: mail.messageId,
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  ...(mail.html ? { html: mail.html } : {}),
  date: mail.date,
  ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
});

/** "<abc@knotwork.local>" → "abc@knotwork.local.eml": one file name per message, whatever the attempt. */
export function emlFileName(messageId: string): string {
  const bare = messageId.replace(/^<|>$/g, '');
  if (!/^[A-Za-z0-9._@+-]{1,200}$/.test(bare) || bare.startsWith('.'))
    throw new Error(`Unusable Message-ID for a file name: ${messageId}`);
  return `${bare}.eml`;
}

/**
 * Writes each message as an RFC 5322 `.eml` file (CRLF line ends; nodemailer builds the MIME:
 * From, To, Subject, Date, Message-ID, MIME-Version, and text with an optional html alternative).
 * The file appears whole or not at all: written to a temporary name, then hard-linked to its final
 * name, which fails if it exists, so a resend after a crash finds the first copy and adds none.
 */
export class EmlTransport implements Transport {
  readonly name = 'eml';
  #composer: Promise<Transporter> | undefined;
  constructor(readonly dir: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = join(this.dir, emlFileName(mail.messageId));
    this.#composer ??= loadNodemailer().then((nodemailer) =>
      nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }),
    );
    const info = await (await this.#composer).sendMail(toNodemailer(mail));
    const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, info.message as Buffer, { flag: 'wx' });
    try {
      await link(temp, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
}

/** SMTP through nodemailer; the server dedupes by Message-ID if a crash makes us send twice. */
export class SmtpTransport implements Transport {
  readonly name = 'smtp';
  readonly #url: string;
  #transport: Transporter | undefined;
  constructor(url: string) {
    this.#url = url;
  }

  async send(mail: OutgoingMail): Promise<void> {
    this.#transport ??= (await loadNodemailer()).createTransport(this.#url);
    await this.#transport.sendMail(toNodemailer(mail));
  }

  close(): void {
    this.#transport?.close();
  }
}

/** SMTP when KNOTWORK_SMTP_URL is set, otherwise `.eml` files under <KNOTWORK_DATA_DIR>/outbox. */
export function transportFromEnv(env: NodeJS.ProcessEnv): Transport {
  if (env.KNOTWORK_SMTP_URL) return new SmtpTransport(env.KNOTWORK_SMTP_URL);
  return new EmlTransport(join(resolve(env.KNOTWORK_DATA_DIR || './data'), 'outbox'));
}

export function senderAddress(env: NodeJS.ProcessEnv): string {
  return env.KNOTWORK_MAIL_FROM || 'Knotwork <no-reply@knotwork.local>';
}
