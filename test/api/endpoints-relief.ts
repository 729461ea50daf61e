/**
 * Authorization-matrix cases for the diagnosis search (staff only) and the relief check-in link
 * (public: the signed link is the permission, and a forged or another purpose's link opens nothing).
 */
import { issueLinkToken, issuePurposeToken } from '../../src/services/notify/links.ts';
import * as charting from '../support/session-kit.ts';
import type { EndpointCase, Env, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const everyone = (status: number) => Object.fromEntries(WHO.map((w) => [w, status])) as Record<Who, number>;
const staff = (status: number) =>
  Object.fromEntries(WHO.map((w) => [w, w === 'anonymous' ? 401 : w === 'patient' ? 403 : status])) as Record<
    Who,
    number
  >;

/** A month past the matrix server's clock (2026-11-20), so the links are valid whatever today is. */
const VALID_UNTIL = new Date('2026-12-20T18:00:00Z');

/** A relief check-in of patient A's signed visit, and its link valid for a month. */
async function reliefLink(env: Env): Promise<string> {
  await charting.ensureClearGateForA(env.db, env.world);
  const noteId = await charting.signedNote(env.db, env.world);
  const rows = await env.db.query<{ id: string }>(
    'SELECT id FROM relief_checkins WHERE org_id = $1 AND session_note_id = $2',
    [env.world.orgId, noteId],
  );
  const id = rows[0]!.id;
  return `/api/relief/${await issuePurposeToken(env.db, 'relief', id, VALID_UNTIL)}`;
}

/** An appointment link's token sent to the relief route: same shape, other purpose. */
async function appointmentTokenAsRelief(env: Env): Promise<string> {
  const token = await issueLinkToken(env.db, {
    orgId: env.world.orgId,
    appointmentId: env.world.patients.a,
    patientId: env.world.patients.a,
    expiresAt: VALID_UNTIL,
  });
  return `/api/relief/${token}`;
}

export const RELIEF_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/diagnoses',
    record: 'a search by words',
    url: () => '/api/diagnoses?q=low%20back',
    expect: staff(200),
  },
  {
    method: 'GET',
    route: '/api/relief/:token',
    record: "a visit's relief check-in",
    url: reliefLink,
    expect: everyone(200),
    secrets: () => ['Alice', 'Anders'],
  },
  {
    method: 'GET',
    route: '/api/relief/:token',
    record: 'an appointment link used as a relief link',
    url: appointmentTokenAsRelief,
    expect: everyone(404),
  },
  {
    method: 'POST',
    route: '/api/relief/:token',
    record: "a visit's relief check-in, answered the same way by everyone",
    url: reliefLink,
    body: () => ({ stillHolding: true }),
    expect: everyone(200),
    secrets: () => ['Alice', 'Anders'],
  },
  {
    method: 'POST',
    route: '/api/relief/:token',
    record: 'a well-formed, forged link',
    url: () => `/api/relief/00000000-0000-4000-8000-000000000000.zzzzzz.${'A'.repeat(43)}`,
    body: () => ({ days: 3 }),
    expect: everyone(404),
  },
];
