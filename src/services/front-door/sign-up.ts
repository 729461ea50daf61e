/**
 * Start: a person creates their patient account from the public pages. The sign-up keeps everything
 * they typed (name, date of birth, phone, preferred site, language) until the emailed link is opened;
 * opening it creates the patient and the account and signs them in. The answer to a sign-up is the
 * same whether or not the email already has an account: the mailbox, not the page, learns which.
 */
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../clinical/frontdoor/about.ts';
import { insertAuditEvents } from '../../store/repos/audit.ts';
import {
  findSignUp,
  findSignUpByKey,
  markSignUpVerified,
  upsertPendingSignUp,
  type SignUpRow,
} from '../../store/repos/front-door.ts';
import { findLocation } from '../../store/repos/locations.ts';
import { insertMessage } from '../../store/repos/outbox.ts';
import { insertPatient } from '../../store/repos/patients.ts';
import { findUserRowByEmail, insertUserRow } from '../../store/repos/users.ts';
import { hashPassword } from '../auth/password.ts';
import { openSession, type LoginResult } from '../auth/sessions.ts';
import type { ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { KeyReusedError } from '../idempotency.ts';
import { checkPurposeToken, issuePurposeToken, publicBaseUrl } from '../notify/links.ts';
import { MESSAGE_DOMAIN } from '../notify/schedule.ts';
import { publicOrganization, throttleKey, throttlePublic } from './public.ts';

/** How long the emailed link works. */
export const SIGN_UP_LINK_HOURS = 24;
/** Sign-ups for one email per window (the throttle's): enough to retry, too few to flood a mailbox. */
const SIGN_UPS_PER_EMAIL = 5;

export interface SignUpInput {
  email: string;
  password: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phone?: string | undefined;
  preferredLocationId?: string | undefined;
  locale: Locale;
}

export interface SignUpStarted {
  status: 'check-your-email';
  email: string;
  expiresAt: string;
}

const MAIL = {
  en: {
    verifySubject: 'Confirm your email to finish signing up',
    verify: (clinic: string, url: string, hours: number) => [
      `Thank you for signing up with ${clinic}.`,
      '',
      `Open this link to confirm your email and finish creating your account (it works for ${hours} hours):`,
      url,
      '',
      'If you did not sign up, you can ignore this email.',
    ],
    existsSubject: 'You already have an account',
    exists: (clinic: string, url: string) => [
      `Someone (probably you) tried to sign up with ${clinic} using this email, which already has an account.`,
      '',
      `Sign in here instead: ${url}`,
      'If you forgot your password, call the clinic. If this was not you, you can ignore this email.',
    ],
  },
  es: {
    verifySubject: 'Confirme su correo para terminar de registrarse',
    verify: (clinic: string, url: string, hours: number) => [
      `Gracias por registrarse en ${clinic}.`,
      '',
      `Abra este enlace para confirmar su correo y terminar de crear su cuenta (funciona durante ${hours} horas):`,
      url,
      '',
      'Si usted no se registró, puede ignorar este correo.',
    ],
    existsSubject: 'Usted ya tiene una cuenta',
    exists: (clinic: string, url: string) => [
      `Alguien (probablemente usted) intentó registrarse en ${clinic} con este correo, que ya tiene una cuenta.`,
      '',
      `Inicie sesión aquí: ${url}`,
      'Si olvidó su contraseña, llame a la clínica. Si no fue usted, puede ignorar este correo.',
    ],
  },
} as const;

/**
 * Starts (or refreshes) a sign-up and queues its email. With an Idempotency-Key, a retry answers the
 * same and queues nothing more. Throttled per address and per email.
 */
export async function startSignUp(
  ctx: ServiceContext,
  slug: string,
  ip: string,
  input: SignUpInput,
  idempotencyKey: string | null,
): Promise<SignUpStarted> {
  const org = await publicOrganization(ctx, slug);
  const now = ctx.now();
  const email = input.email.trim().toLowerCase();
  if (idempotencyKey) {
    const earlier = await findSignUpByKey(ctx.db, org.id, idempotencyKey);
    if (earlier) {
      const same =
        earlier.email === email &&
        earlier.givenName === input.givenName &&
        earlier.familyName === input.familyName &&
        earlier.dateOfBirth === input.dateOfBirth &&
        earlier.phone === (input.phone ?? null) &&
        earlier.preferredLocationId === (input.preferredLocationId ?? null) &&
        earlier.locale === input.locale;
      if (!same) throw new KeyReusedError();
      return answer(earlier.email, earlier.expiresAt);
    }
  }
  await throttlePublic(ctx, 'signUps', ip);
  await throttleKey(ctx, `public-sign-up:${org.id}:${email}`, SIGN_UPS_PER_EMAIL);
  if (input.preferredLocationId) {
    const site = await findLocation(ctx.db, org.id, input.preferredLocationId);
    if (!site || !site.active) throw new ValidationError({ preferredLocationId: 'Choose one of the clinic’s sites.' });
  }
  const passwordHash = await hashPassword(input.password);
  const expiresAt = new Date(now.getTime() + SIGN_UP_LINK_HOURS * 3600_000);
  const words = MAIL[input.locale];
  await ctx.db.transaction(async (tx) => {
    const account = await findUserRowByEmail(tx, org.id, email);
    const pending = account
      ? null
      : await upsertPendingSignUp(
          tx,
          org.id,
          {
            email,
            givenName: input.givenName,
            familyName: input.familyName,
            dateOfBirth: input.dateOfBirth,
            phone: input.phone ?? null,
            preferredLocationId: input.preferredLocationId ?? null,
            locale: input.locale,
            passwordHash,
          },
          idempotencyKey,
          now,
          expiresAt,
        );
    let subject: string;
    let lines: readonly string[];
    if (pending) {
      const token = await issuePurposeToken(tx, 'sign-up', pending.id, expiresAt);
      const url = `${publicBaseUrl()}/start/${org.slug}/verify?token=${encodeURIComponent(token)}`;
      subject = words.verifySubject;
      lines = words.verify(org.name, url, SIGN_UP_LINK_HOURS);
    } else {
      subject = words.existsSubject;
      lines = words.exists(org.name, `${publicBaseUrl()}/login`);
    }
    // With a key, two requests at once queue one email: the second finds the first's dedupe key.
    const queued = await insertMessage(
      tx,
      {
        orgId: org.id,
        kind: 'sign-up',
        appointmentId: null,
        patientId: null,
        toAddress: email,
        subject,
        text: lines.join('\n'),
        html: null,
        sendAt: now,
        messageId: `<${randomUUID()}@${MESSAGE_DOMAIN}>`,
        dedupeKey: `sign-up:${org.id}:${idempotencyKey ? `key:${idempotencyKey}` : randomUUID()}`,
        render: null,
        attachments: [],
      },
      now,
    );
    if (!queued) return;
    // No email or name in the log: only that a sign-up was asked for, from where.
    await insertAuditEvents(tx, [
      {
        orgId: org.id,
        actorUserId: null,
        actorRole: 'public',
        action: 'sign-up.start',
        outcome: 'allowed',
        patientId: null,
        recordType: pending ? 'sign-up' : null,
        recordId: pending?.id ?? null,
        ip,
      },
    ]);
  });
  return answer(email, expiresAt);
}

const answer = (email: string, expiresAt: Date): SignUpStarted => ({
  status: 'check-your-email',
  email,
  expiresAt: expiresAt.toISOString(),
});

export interface SignUpVerified extends LoginResult {
  locale: Locale;
  preferredLocationId: string | null;
}

/** Opens the emailed link: creates the patient and their account, and signs them in. */
export async function verifySignUp(
  ctx: ServiceContext,
  slug: string,
  token: string,
  client: { ip: string; userAgent: string | null },
): Promise<SignUpVerified> {
  await throttlePublic(ctx, 'writes', client.ip);
  const org = await publicOrganization(ctx, slug);
  const now = ctx.now();
  const check = await checkPurposeToken(ctx.db, 'sign-up', token, now);
  if (check.status === 'invalid') throw new NotFoundError('This link is not one we sent. Please sign up again.');
  if (check.status === 'expired')
    throw new ConflictError('token', 'This link has expired. Sign up again: what you typed is kept.');
  const created = await ctx.db.transaction(async (tx) => {
    const signUp: SignUpRow | null = await findSignUp(tx, org.id, check.id);
    if (!signUp) throw new NotFoundError('This link is not one we sent. Please sign up again.');
    if (signUp.verifiedAt || (await findUserRowByEmail(tx, org.id, signUp.email)))
      throw new ConflictError('token', 'This email already has an account: please sign in.');
    const patient = await insertPatient(
      tx,
      org.id,
      {
        givenName: signUp.givenName,
        familyName: signUp.familyName,
        preferredName: null,
        dateOfBirth: signUp.dateOfBirth,
        sexAtBirth: 'unknown',
        genderIdentity: null,
        pronouns: null,
        email: signUp.email,
        phone: signUp.phone,
        address: null,
        emergencyContact: null,
        preferredLocationId: signUp.preferredLocationId,
        communication: { email: true, sms: false, phone: false, reminders: true, language: signUp.locale },
      },
      now,
    );
    const userId = await insertUserRow(tx, {
      orgId: org.id,
      email: signUp.email,
      displayName: `${signUp.givenName} ${signUp.familyName}`,
      role: 'patient',
      passwordHash: signUp.passwordHash,
      patientId: patient.id,
      therapistId: null,
      mustChangePassword: false,
      locationIds: [],
    });
    await markSignUpVerified(tx, org.id, signUp.id, patient.id, now);
    await insertAuditEvents(tx, [
      {
        orgId: org.id,
        actorUserId: userId,
        actorRole: 'patient',
        action: 'patient.self-register',
        outcome: 'allowed',
        patientId: patient.id,
        recordType: 'patient',
        recordId: patient.id,
        ip: client.ip,
      },
    ]);
    return { userId, locale: signUp.locale, preferredLocationId: signUp.preferredLocationId };
  });
  const session = await openSession(
    ctx,
    { orgId: org.id, userId: created.userId },
    { kind: 'cookie', ip: client.ip, userAgent: client.userAgent, via: 'sign-up' },
  );
  return { ...session, locale: created.locale, preferredLocationId: created.preferredLocationId };
}
