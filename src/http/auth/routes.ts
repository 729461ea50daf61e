import { z } from 'zod';
import type { Actor, ServiceContext } from '../../services/context.ts';
import { changePassword, login, logout } from '../../services/auth/sessions.ts';
import { setAccountLocale } from '../../services/auth/locale.ts';
import { sessionCan } from '../../services/can.ts';
import { supportedLocale } from '../../words/locales.ts';
import { route } from '../route.ts';
import { clearSessionCookie, setSessionCookie } from './cookies.ts';
import { ChangePasswordSchema, CredentialsSchema, LocaleSchema, SessionSchema, TokenSchema } from './schema.ts';

export function presentUser(actor: Actor) {
  return {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    role: actor.role,
    patientId: actor.patientId,
    therapistId: actor.therapistId,
    locationIds: actor.locationIds,
    orgTimeZone: actor.orgTimeZone,
    locale: supportedLocale(actor.language),
    mustChangePassword: actor.mustChangePassword ?? false,
    can: sessionCan(actor),
  };
}

export function authRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/health',
      tag: 'system',
      summary: 'Liveness check',
      auth: 'public',
      response: z.object({ status: z.literal('ok') }),
      handler: async () => ({ status: 'ok' as const }),
    }),
    route({
      method: 'POST',
      url: '/api/auth/login',
      tag: 'auth',
      auth: 'public',
      errors: [401, 409, 429],
      summary:
        'Sign in with email and password; sets an httpOnly session cookie. Send the returned csrfToken as ' +
        'X-CSRF-Token on writes. ' +
        'When the email and password open accounts at several organisations: 409 organization_required lists them; ' +
        'send organization',
      body: CredentialsSchema,
      response: SessionSchema,
      handler: async ({ body, request, reply }) => {
        const result = await login(ctx, {
          ...body,
          kind: 'cookie',
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, result.token);
        return { user: presentUser(result.actor), csrfToken: result.csrfToken };
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/token',
      tag: 'auth',
      auth: 'public',
      errors: [401, 409, 429],
      summary:
        'Exchange email and password for a bearer token (API clients): send it as Authorization: Bearer <token>.',
      body: CredentialsSchema,
      response: TokenSchema,
      handler: async ({ body, request }) => {
        const result = await login(ctx, {
          ...body,
          kind: 'bearer',
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        return { token: result.token, expiresAt: result.expiresAt.toISOString() };
      },
    }),
    route({
      method: 'GET',
      url: '/api/auth/session',
      tag: 'auth',
      summary: 'The signed-in user and the CSRF token of the session',
      response: SessionSchema,
      handler: async ({ actor, request }) => ({ user: presentUser(actor), csrfToken: request.csrfToken ?? '' }),
    }),
    route({
      method: 'PUT',
      url: '/api/auth/locale',
      tag: 'auth',
      errors: [403],
      summary:
        "Choose the language of a patient's portal, emails and reminders (kept as their record's preferred " +
        'language); answers the session as it now is',
      body: LocaleSchema,
      response: SessionSchema,
      handler: async ({ actor, body, request }) => ({
        user: presentUser(await setAccountLocale(ctx, actor, body.locale)),
        csrfToken: request.csrfToken ?? '',
      }),
    }),
    route({
      method: 'POST',
      url: '/api/auth/logout',
      tag: 'auth',
      summary: 'End this session',
      status: 204,
      handler: async ({ actor, reply }) => {
        await logout(ctx, actor);
        clearSessionCookie(reply);
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/password',
      tag: 'auth',
      status: 204,
      errors: [422, 429],
      summary:
        'Change your password; every other session of the account is signed out. Wrong current passwords count with ' +
        'failed sign-ins (429 past the limit).',
      body: ChangePasswordSchema,
      handler: async ({ actor, body }) => changePassword(ctx, actor, body.currentPassword, body.newPassword),
    }),
  ];
}
