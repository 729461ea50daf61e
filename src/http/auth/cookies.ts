import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'knotwork_session';

/** A browser-session cookie: it ends when the browser closes (shared front-desk computers). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/api',
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/api' });
}
