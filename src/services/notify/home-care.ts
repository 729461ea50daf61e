import { createHash } from 'node:crypto';
import type { Queryable } from '../../store/database.ts';
import { insertAuditEvents } from '../../store/repos/audit.ts';
import type { Communication } from '../../store/repos/patients.ts';
import { messageLocale, toHtml, type ComposedMessage } from './compose.ts';
import { publicBaseUrl } from './links.ts';
import { enqueueMessage } from './schedule.ts';

export interface HomeCareMail {
  orgId: string;
  planId: string;
  patient: {
    id: string;
    givenName: string;
    preferredName: string | null;
    email: string | null;
    communication: Partial<Communication>;
  };
  therapistName: string;
  /** How the visit's date reads, e.g. "Thursday, November 26, 2026". */
  visitDay: string;
  /** What the handout says, so a changed plan sent again is a new message and an unchanged one is not. */
  content: unknown;
  pdf: Buffer;
}

/** What became of the email: queued, already sent with these words, or not sent and why. */
export type HomeCareMailOutcome = 'queued' | 'already-sent' | 'no-email-address' | 'email-declined';

/**
 * The words of the home-care email. Like every message, no clinical detail in the body (email is
 * read on shared screens and forwarded): the handout itself is the attachment, and the app has it.
 */
export function composeHomeCare(mail: Pick<HomeCareMail, 'patient' | 'therapistName' | 'visitDay'>): ComposedMessage {
  const page = `${publicBaseUrl()}/home-care`;
  const name = mail.patient.preferredName || mail.patient.givenName;
  if (messageLocale(mail.patient.communication) === 'es') {
    const lines = [
      `Hola, ${name}:`,
      '',
      `${mail.therapistName} le envió sus cuidados en casa de su visita del ${mail.visitDay}.`,
      'Van adjuntos en un PDF que puede imprimir. Ahí encontrará qué hacer después de hoy, ' +
        'sus estiramientos y cuándo llamar a la clínica.',
      '',
      `También puede leerlos cuando quiera después de iniciar sesión: ${page}`,
      '',
      'Si algo le preocupa, llame a la clínica.',
    ];
    return {
      subject: `Sus cuidados en casa de su visita del ${mail.visitDay}`,
      text: `${lines.join('\n')}\n`,
      html: toHtml(lines, page),
    };
  }
  const lines = [
    `Hello ${mail.patient.preferredName || mail.patient.givenName},`,
    '',
    `${mail.therapistName} has sent you your home care from your visit on ${mail.visitDay}.`,
    'It is attached as a PDF you can print. What to do after today, your stretches, and when to call the clinic are ' +
      'all in it.',
    '',
    `You can also read it any time after signing in: ${page}`,
    '',
    'If anything in it worries you, call the clinic.',
  ];
  return {
    subject: `Your home care from your visit on ${mail.visitDay}`,
    text: `${lines.join('\n')}\n`,
    html: toHtml(lines, page),
  };
}

/** Queues the email with the handout attached, once per version of the plan; skips are audited. */
export async function queueHomeCareMail(tx: Queryable, mail: HomeCareMail, now: Date): Promise<HomeCareMailOutcome> {
  const reason = !mail.patient.email
    ? 'no-email-address'
    : mail.patient.communication.email === false
      ? 'email-declined'
      : null;
  if (reason) {
    await insertAuditEvents(tx, [
      {
        orgId: mail.orgId,
        actorUserId: null,
        actorRole: 'system',
        action: 'notification.skipped',
        outcome: 'allowed',
        patientId: mail.patient.id,
        recordType: 'home_care_plan',
        recordId: mail.planId,
        detail: { kind: 'home-care', reason },
      },
    ]);
    return reason;
  }
  const version = createHash('sha256').update(JSON.stringify(mail.content)).digest('hex').slice(0, 16);
  const row = await enqueueMessage(
    tx,
    {
      orgId: mail.orgId,
      kind: 'home-care',
      patientId: mail.patient.id,
      toAddress: mail.patient.email!,
      ...composeHomeCare(mail),
      sendAt: now,
      dedupeKey: `home-care:${mail.planId}:${version}`,
      attachments: [{ filename: 'home-care.pdf', contentType: 'application/pdf', base64: mail.pdf.toString('base64') }],
    },
    now,
  );
  return row ? 'queued' : 'already-sent';
}
