import type { FastifyReply } from 'fastify';
import { evaluateSafety, safetyQuestions } from '../../clinical/frontdoor/safety.ts';
import { evaluateSelfCheck, selfCheckList } from '../../clinical/frontdoor/self-check.ts';
import type { ServiceContext } from '../../services/context.ts';
import { getAboutForEditing, saveAbout } from '../../services/front-door/about-admin.ts';
import { clearanceRequestPdf, publicCheck } from '../../services/front-door/checks.ts';
import { publicAbout, publicSites } from '../../services/front-door/public.ts';
import { startSignUp, verifySignUp } from '../../services/front-door/sign-up.ts';
import { readKey } from '../../services/idempotency.ts';
import { setSessionCookie } from '../auth/cookies.ts';
import { presentUser } from '../auth/routes.ts';
import { route } from '../route.ts';
import {
  AboutBody,
  AboutSchema,
  ClearanceBody,
  LocaleParams,
  LocaleQuery,
  OrgParams,
  PublicSitesSchema,
  SafetyBody,
  SafetyQuestionsSchema,
  SafetyResultSchema,
  SelfCheckBody,
  SelfCheckListSchema,
  SelfCheckResultSchema,
  SignUpAnswerSchema,
  SignUpBody,
  SignUpVerifiedSchema,
  VerifyBody,
} from './schema.ts';

/** Shared caches may keep public pages this long; free times change, so sites are kept shorter. */
const cacheFor = (reply: FastifyReply, seconds: number) =>
  reply.header('cache-control', `public, max-age=${seconds}`).header('vary', 'accept-encoding');
const NOTHING_STORED = 'Nothing is stored: the answers are judged and forgotten.';

/** The public front door: no sign-in, no patient data, each organisation by its slug. */
export function frontDoorRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/public/:org/sites',
      tag: 'public',
      auth: 'public',
      errors: [404, 429],
      summary:
        'Every open site: address, hours, services with prices, therapists with credentials (type and issuer), and ' +
        'the next free first-visit times',
      params: OrgParams,
      response: PublicSitesSchema,
      handler: async ({ params, request, reply }) => {
        const answer = await publicSites(ctx, params.org, request.ip);
        cacheFor(reply, 60);
        return answer;
      },
    }),
    route({
      method: 'GET',
      url: '/api/public/:org/about',
      tag: 'public',
      auth: 'public',
      errors: [404, 429],
      summary: 'What neuromuscular therapy is and what to expect, in English or Spanish (the clinic’s text or ours)',
      params: OrgParams,
      query: LocaleQuery,
      response: AboutSchema,
      handler: async ({ params, query, request, reply }) => {
        const answer = await publicAbout(ctx, params.org, query.locale, request.ip);
        cacheFor(reply, 300);
        return answer;
      },
    }),
    route({
      method: 'GET',
      url: '/api/organization/about/:locale',
      tag: 'organization',
      errors: [403],
      summary: 'The public "what to expect" text of one language, to edit (administrators)',
      params: LocaleParams,
      response: AboutSchema,
      handler: ({ actor, params }) => getAboutForEditing(ctx, actor, params.locale),
    }),
    route({
      method: 'PUT',
      url: '/api/organization/about/:locale',
      tag: 'organization',
      errors: [403],
      summary: 'Replace the public "what to expect" text of one language (administrators; audited)',
      params: LocaleParams,
      body: AboutBody,
      response: AboutSchema,
      handler: ({ actor, params, body }) => saveAbout(ctx, actor, params.locale, body),
    }),
    route({
      method: 'GET',
      url: '/api/public/:org/self-check',
      tag: 'public',
      auth: 'public',
      errors: [404, 429],
      summary: 'The self-check: the signs neuromuscular therapy often helps with, as a checklist',
      params: OrgParams,
      query: LocaleQuery,
      response: SelfCheckListSchema,
      handler: async ({ params, query, request, reply }) => {
        await publicCheck(ctx, params.org, request.ip, 'reads');
        cacheFor(reply, 300);
        return selfCheckList(query.locale);
      },
    }),
    route({
      method: 'POST',
      url: '/api/public/:org/self-check',
      tag: 'public',
      auth: 'public',
      errors: [404, 429],
      summary: `The self-check's plain result (never a diagnosis) and the next step. ${NOTHING_STORED}`,
      params: OrgParams,
      body: SelfCheckBody,
      response: SelfCheckResultSchema,
      handler: async ({ params, body, request }) => {
        await publicCheck(ctx, params.org, request.ip, 'writes');
        return evaluateSelfCheck(body.locale, body.signs);
      },
    }),
    route({
      method: 'GET',
      url: '/api/public/:org/safety',
      tag: 'public',
      auth: 'public',
      errors: [404, 429],
      summary: '"Is it safe for me?": the screening questions that can stop treatment',
      params: OrgParams,
      query: LocaleQuery,
      response: SafetyQuestionsSchema,
      handler: async ({ params, query, request, reply }) => {
        await publicCheck(ctx, params.org, request.ip, 'reads');
        cacheFor(reply, 300);
        return safetyQuestions(query.locale);
      },
    }),
    route({
      method: 'POST',
      url: '/api/public/:org/safety',
      tag: 'public',
      auth: 'public',
      errors: [404, 429],
      summary:
        '"Is it safe for me?" answered: see your doctor first (with the clearance request), continue with a note ' +
        `for the therapist, or clear. ${NOTHING_STORED}`,
      params: OrgParams,
      body: SafetyBody,
      response: SafetyResultSchema,
      handler: async ({ params, body, request }) => {
        const org = await publicCheck(ctx, params.org, request.ip, 'writes');
        return evaluateSafety(body.locale, body.answers, org.today);
      },
    }),
    route({
      method: 'POST',
      url: '/api/public/:org/safety/clearance.pdf',
      tag: 'public',
      auth: 'public',
      errors: [404, 409, 429],
      produces: 'application/pdf',
      summary:
        'The printable clearance request for the physician, in English or Spanish (409 when the answers need none). ' +
        NOTHING_STORED,
      params: OrgParams,
      body: ClearanceBody,
      handler: async ({ params, body, request, reply }) => {
        const pdf = await clearanceRequestPdf(ctx, params.org, request.ip, body);
        reply.type('application/pdf');
        reply.header('content-disposition', `inline; filename="clearance-request-${body.locale}.pdf"`);
        reply.header('cache-control', 'private, no-store');
        return pdf;
      },
    }),
    route({
      method: 'POST',
      url: '/api/public/:org/sign-ups',
      tag: 'public',
      auth: 'public',
      status: 201,
      idempotent: true,
      errors: [404, 422, 429],
      summary:
        'Start a patient account: keeps what was typed and emails a link valid 24 hours. The answer is the same ' +
        'whether or not the email has an account (then the email says so); a repeat refreshes, never duplicates. ' +
        'Send an Idempotency-Key: a retry with it answers the same and sends nothing more',
      params: OrgParams,
      body: SignUpBody,
      response: SignUpAnswerSchema,
      handler: ({ params, body, request }) => {
        const once = readKey(request.headers['idempotency-key'], `POST ${request.url}`, request.body);
        return startSignUp(ctx, params.org, request.ip, body, once?.key ?? null);
      },
    }),
    route({
      method: 'POST',
      url: '/api/public/:org/sign-ups/verify',
      tag: 'public',
      auth: 'public',
      errors: [404, 409, 429],
      summary:
        'Open the emailed link: creates the patient record and account from the sign-up and signs in (session ' +
        'cookie, as POST /api/auth/login); answers the language and site chosen, to go straight on to booking',
      params: OrgParams,
      body: VerifyBody,
      response: SignUpVerifiedSchema,
      handler: async ({ params, body, request, reply }) => {
        const result = await verifySignUp(ctx, params.org, body.token, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, result.token);
        return {
          user: presentUser(result.actor),
          csrfToken: result.csrfToken,
          locale: result.locale,
          preferredLocationId: result.preferredLocationId,
        };
      },
    }),
  ];
}
