import type { Queryable } from '../../store/database.ts';
import { insertAuditEvents } from '../../store/repos/audit.ts';
import { findPatient } from '../../store/repos/patients.ts';
import * as repo from '../../store/repos/relief-checkins.ts';
import { readOrgSettings } from '../../store/repos/services-catalogue.ts';
import { organizationTimeZone } from '../../store/repos/organizations.ts';
import { dateIn } from '../../time/index.ts';
import type { ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { messageLocale, toHtml } from '../notify/compose.ts';
import type { Locale } from '../../words/locales.ts';
import { checkPurposeToken, issuePurposeToken, publicBaseUrl } from '../notify/links.ts';
import { enqueueMessage } from '../notify/schedule.ts';
import { refreshPatientOutcomes } from './refresh.ts';

export const RELIEF_QUESTION = 'Is the relief from your visit holding? How many days did it last?';
export const DEFAULT_RELIEF_CHECK_IN_DAYS = 7;
/** Relief is asked about between these many days after the visit (`settings.booking.reliefCheckInDays`). */
export const RELIEF_CHECK_IN_RANGE = { min: 4, max: 14 } as const;
export const MAX_RELIEF_DAYS = 60;
/** How long the link keeps working after the email goes out. */
const LINK_DAYS = 21;
const DAY_MS = 86_400_000;

/** The organisation's setting, or the default when it is missing or outside 4–14. */
export async function reliefCheckInDays(db: Queryable, orgId: string): Promise<number> {
  const value = ((await readOrgSettings(db, orgId))?.booking as Record<string, unknown> | undefined)?.reliefCheckInDays;
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= RELIEF_CHECK_IN_RANGE.min &&
    value <= RELIEF_CHECK_IN_RANGE.max
    ? value
    : DEFAULT_RELIEF_CHECK_IN_DAYS;
}

export const reliefUrl = (token: string) => `${publicBaseUrl()}/relief/${token}`;

const RELIEF_QUESTION_ES = '¿Le sigue durando el alivio de su visita? ¿Cuántos días le duró?';

function composeReliefCheck(name: string, visitDay: string, url: string, locale: Locale) {
  // No clinical detail in an email (read on shared screens, forwarded): only the question and the link.
  if (locale === 'es') {
    const lines = [
      `Hola, ${name}:`,
      '',
      `Una pregunta rápida sobre su visita del ${visitDay}:`,
      RELIEF_QUESTION_ES,
      '',
      `Responda aquí (es una sola pregunta): ${url}`,
      '',
      'Gracias: nos ayuda a saber qué funciona.',
    ];
    return {
      subject: '¿Cuánto le duró el alivio de su visita?',
      text: `${lines.join('\n')}\n`,
      html: toHtml(lines, url),
    };
  }
  const lines = [
    `Hello ${name},`,
    '',
    `A quick question about your visit on ${visitDay}:`,
    RELIEF_QUESTION,
    '',
    `Answer here (one question): ${url}`,
    '',
    'Thank you — it helps us know what works.',
  ];
  return {
    subject: 'How long did the relief from your visit last?',
    text: `${lines.join('\n')}\n`,
    html: toHtml(lines, url),
  };
}

/**
 * Called in the transaction that signs a visit's note: creates the visit's check-in (once, however
 * often it is called) and queues its email for `reliefCheckInDays` after the visit. Earlier visits'
 * unsent check-ins are cancelled: their relief ran into this visit. A patient without email, or
 * who declined email, gets none (audited, as other skipped messages are).
 */
export async function scheduleReliefCheckIn(
  tx: Queryable,
  orgId: string,
  note: { id: string; patientId: string },
  visitAt: Date,
  now: Date,
): Promise<repo.ReliefCheckInRow | null> {
  const days = await reliefCheckInDays(tx, orgId);
  const sendAt = new Date(visitAt.getTime() + days * DAY_MS);
  const visitOn = dateIn(await organizationTimeZone(tx, orgId), visitAt);
  const checkIn = await repo.insertReliefCheckIn(tx, orgId, {
    patientId: note.patientId,
    sessionNoteId: note.id,
    visitOn,
    sendAt,
    at: now,
  });
  if (!checkIn) return null;
  const dedupeKey = `relief-check:${checkIn.id}`;
  await repo.cancelEarlierReliefMessages(tx, orgId, note.patientId, dedupeKey);
  const patient = await findPatient(tx, orgId, note.patientId);
  const reason = !patient?.email ? 'no-email-address' : patient.communication.email === false ? 'email-declined' : null;
  if (reason || !patient) {
    await insertAuditEvents(tx, [
      {
        orgId,
        actorUserId: null,
        actorRole: 'system',
        action: 'notification.skipped',
        outcome: 'allowed',
        patientId: note.patientId,
        recordType: 'relief_checkin',
        recordId: checkIn.id,
        detail: { kind: 'relief-check', reason },
      },
    ]);
    return checkIn;
  }
  const token = await issuePurposeToken(tx, 'relief', checkIn.id, new Date(sendAt.getTime() + LINK_DAYS * DAY_MS));
  const locale = messageLocale(patient.communication);
  const visitDay = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(new Date(`${visitOn}T12:00:00Z`));
  await enqueueMessage(
    tx,
    {
      orgId,
      kind: 'relief-check',
      patientId: patient.id,
      toAddress: patient.email!,
      sendAt,
      dedupeKey,
      ...composeReliefCheck(patient.preferredName || patient.givenName, visitDay, reliefUrl(token), locale),
    },
    now,
  );
  return checkIn;
}

export interface ReliefQuestion {
  question: string;
  visitOn: string;
  maxDays: number;
  answer: { reliefDays: number; stillHolding: boolean } | null;
}

async function open(ctx: ServiceContext, token: string): Promise<repo.ReliefCheckInRow> {
  const check = await checkPurposeToken(ctx.db, 'relief', token, ctx.now());
  if (check.status === 'invalid') throw new NotFoundError('This link is not one of ours. Check it was copied whole.');
  if (check.status === 'expired') throw new ConflictError('token', 'This link has expired. Thank you all the same.');
  const row = await repo.findReliefCheckIn(ctx.db, check.id);
  if (!row) throw new NotFoundError('This link is not one of ours. Check it was copied whole.');
  return row;
}

const presentQuestion = (row: repo.ReliefCheckInRow): ReliefQuestion => ({
  question: RELIEF_QUESTION,
  visitOn: row.visitOn,
  maxDays: MAX_RELIEF_DAYS,
  answer: row.answeredAt ? { reliefDays: row.reliefDays!, stillHolding: row.stillHolding === true } : null,
});

/** The question behind a link (public: the signed link is the permission). */
export async function reliefQuestion(
  ctx: ServiceContext,
  token: string,
  ip: string | null = null,
): Promise<ReliefQuestion> {
  const row = await open(ctx, token);
  await insertAuditEvents(ctx.db, [
    {
      orgId: row.orgId,
      actorUserId: null,
      actorRole: 'patient-link',
      action: 'relief-checkin.read',
      outcome: 'allowed',
      patientId: row.patientId,
      recordType: 'relief_checkin',
      recordId: row.id,
      ip,
    },
  ]);
  return presentQuestion(row);
}

/** Exactly one: the days the relief lasted, or that it is still holding. */
export interface ReliefAnswer {
  days?: number;
  stillHolding?: boolean;
}

/**
 * Stores the patient's answer: a number of days (0–60), or "still holding", kept as the days
 * from the visit to today (at most 60) — relief that lasted at least that long. Answering again
 * with the same answer changes nothing; a different one is refused (the first answer stands).
 */
export async function answerReliefQuestion(
  ctx: ServiceContext,
  token: string,
  answer: ReliefAnswer,
  ip: string | null = null,
): Promise<ReliefQuestion> {
  const row = await open(ctx, token);
  const now = ctx.now();
  const today = dateIn(await organizationTimeZone(ctx.db, row.orgId), now);
  const sinceVisit = Math.max(0, Math.round((Date.parse(today) - Date.parse(row.visitOn)) / DAY_MS));
  const stillHolding = answer.stillHolding === true;
  if (stillHolding === (answer.days !== undefined))
    throw new ValidationError({ days: 'Give the number of days, or choose "still holding" — one of the two.' });
  const days = stillHolding ? Math.min(sinceVisit, MAX_RELIEF_DAYS) : answer.days!;
  if (!stillHolding && days > sinceVisit) {
    throw new ValidationError({
      days:
        `Your visit was ${sinceVisit} day${sinceVisit === 1 ? '' : 's'} ago, so the relief cannot have lasted ` +
        `${days} days yet. Choose "still holding" if it has not worn off.`,
    });
  }
  if (row.answeredAt) {
    if (row.stillHolding === stillHolding && (stillHolding || row.reliefDays === days)) return presentQuestion(row);
    throw new ConflictError('days', 'You have already answered this question. Thank you.');
  }
  return ctx.db.transaction(async (tx) => {
    const answered = await repo.answerReliefCheckIn(tx, row.orgId, row.id, { reliefDays: days, stillHolding, at: now });
    if (!answered) throw new ConflictError('days', 'You have already answered this question. Thank you.');
    await insertAuditEvents(tx, [
      {
        orgId: row.orgId,
        actorUserId: null,
        actorRole: 'patient-link',
        action: 'relief-checkin.answer',
        outcome: 'allowed',
        patientId: row.patientId,
        recordType: 'relief_checkin',
        recordId: row.id,
        ip,
        detail: { stillHolding },
      },
    ]);
    await refreshPatientOutcomes(tx, ctx, row.orgId, row.patientId);
    return presentQuestion(answered);
  });
}
