import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server.ts';
import { SECURITY_HEADERS } from './security.ts';

/**
 * Refusals made by Fastify or Node before any route runs answer like every other error: the one
 * error shape, the security headers, no caching. None of these touches the database.
 */
describe('refusals made before a route runs', () => {
  let app: FastifyInstance;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildServer(
      { db: null as never, now: () => new Date('2026-11-20T18:00:00Z') },
      { errorLog: (l) => errors.push(l) },
    );
  });
  afterAll(() => app.close());

  const json = { 'content-type': 'application/json' };
  const CASES: {
    name: string;
    method: string;
    url: string;
    headers?: Record<string, string>;
    payload?: string;
    status: number;
    code: string;
  }[] = [
    {
      name: 'a malformed percent-encoding in a path',
      method: 'GET',
      url: '/api/patients/%E0%A4%A',
      status: 400,
      code: 'invalid_request',
    },
    {
      name: 'a malformed percent-encoding outside the API',
      method: 'GET',
      url: '/patients/%E0%A4%A',
      status: 400,
      code: 'invalid_request',
    },
    {
      name: 'a path parameter that is far too long',
      method: 'GET',
      url: `/api/patients/${'a'.repeat(300)}`,
      status: 414,
      code: 'invalid_request',
    },
    { name: 'an unknown API route', method: 'GET', url: '/api/no-such-thing', status: 404, code: 'not_found' },
    {
      name: 'an unknown method on a known route',
      method: 'PROPFIND',
      url: '/api/patients',
      status: 404,
      code: 'not_found',
    },
    { name: 'a write to an unknown page', method: 'DELETE', url: '/no-such-page', status: 404, code: 'not_found' },
    {
      name: 'plain text instead of JSON',
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      name: 'a form instead of JSON',
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      name: 'a JSON body that is not JSON',
      method: 'POST',
      url: '/api/auth/login',
      headers: json,
      payload: '{"email":',
      status: 400,
      code: 'invalid_request',
    },
    {
      name: 'a JSON content type without a body',
      method: 'POST',
      url: '/api/auth/login',
      headers: json,
      payload: '',
      status: 400,
      code: 'invalid_request',
    },
    {
      name: 'JSON that tries to set a prototype',
      method: 'POST',
      url: '/api/auth/login',
      headers: json,
      payload: '{"__proto__":{"admin":true}}',
      status: 400,
      code: 'invalid_request',
    },
    {
      name: 'a body over the size limit',
      method: 'POST',
      url: '/api/auth/login',
      headers: json,
      payload: `"${'x'.repeat(1024 * 1024 + 10)}"`,
      status: 413,
      code: 'payload_too_large',
    },
    {
      name: 'a form without a boundary',
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'x',
      status: 400,
      code: 'invalid_request',
    },
  ];

  for (const c of CASES) {
    it(`answers ${c.name} in the one error shape with the security headers`, async () => {
      const res = await app.inject({ method: c.method as 'GET', url: c.url, headers: c.headers, payload: c.payload });
      expect(res.statusCode).toBe(c.status);
      const body = res.json() as { error: Record<string, unknown> };
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error).toMatchObject({ code: c.code, message: expect.any(String) });
      expect(Object.keys(body.error).every((k) => ['code', 'message', 'fields'].includes(k))).toBe(true);
      // Plain words: no framework codes, no echo of the address.
      expect(res.body).not.toMatch(/FST_|statusCode|Bad Request|%E0/);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name], name).toBe(value);
      if (c.url.startsWith('/api/')) expect(res.headers['cache-control']).toBe('no-store');
      expect(errors).toEqual([]);
    });
  }

  it('answers a request Node cannot parse in the one error shape with the security headers', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nNot a header\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(body!)).toEqual({ error: { code: 'invalid_request', message: expect.any(String) } });
    const headers = Object.fromEntries(
      head!
        .split('\r\n')
        .slice(1)
        .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], name).toBe(value);
  });
});
