import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite, SUITE_NOW } from '../../../test/support/http-suite.ts';
import { buildAppointment } from '../../../test/support/factories.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { SAFETY_QUESTION_IDS } from '../../clinical/frontdoor/safety.ts';
import { apiRoutes } from '../routes.ts';

const allNo = () => Object.fromEntries(SAFETY_QUESTION_IDS.map((id) => [id, 'no']));

describe('every public page needs no sign-in', () => {
  it('declares each /api/public route public', () => {
    const routes = apiRoutes({ db: null as never, now: () => SUITE_NOW }).filter((r) =>
      r.url.startsWith('/api/public/'),
    );
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const r of routes) expect(r.auth, `${r.method} ${r.url}`).toBe('public');
  });
});

describe.each(BACKENDS)('the public front door on %s', (backend) => {
  let slug: string;
  let otherSlug: string;
  let clock = SUITE_NOW.getTime();
  const h = httpSuite(backend, {
    now: () => new Date(clock),
    bookable: true,
    async setup(suite) {
      const rows = await suite.db.query<{ id: string; slug: string }>(
        'SELECT id, slug FROM organizations WHERE id = ANY($1::uuid[])',
        [[suite.world.orgId, suite.world.otherOrgId]],
      );
      slug = rows.find((r) => r.id === suite.world.orgId)!.slug;
      otherSlug = rows.find((r) => r.id === suite.world.otherOrgId)!.slug;
      const services = (await suite.as('admin', 'GET', '/api/services')).json().services as {
        id: string;
        isInitial: boolean;
        discipline: string;
      }[];
      const first = services.find((s) => s.isInitial && s.discipline === 'nmt')!;
      const priced = await suite.as('admin', 'PATCH', `/api/services/${first.id}`, { priceCents: 14500 });
      if (priced.statusCode !== 200) throw new Error(priced.body);
    },
  });
  const get = (url: string) => h.app.inject({ method: 'GET', url });
  const post = (url: string, payload: object) => h.app.inject({ method: 'POST', url, payload });

  it('lists the sites of the organisation named in the address, cacheable, with no patient data', async () => {
    const res = await get(`/api/public/${slug}/sites`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    const body = res.json();
    expect(body.sites.map((s: { id: string }) => s.id).sort()).toEqual([h.world.sites.a, h.world.sites.b].sort());
    const alpha = body.sites.find((s: { id: string }) => s.id === h.world.sites.a);
    expect(alpha.hours['1']).toEqual([{ open: '08:00', close: '18:00' }]);
    expect(alpha.services.find((s: { isInitial: boolean }) => s.isInitial).priceCents).toBe(14500);
    expect(alpha.therapists.map((t: { id: string }) => t.id)).toEqual([h.world.therapists.a]);
    expect(alpha.therapists[0].credentials).toContainEqual({
      kind: 'certification',
      type: 'CNMT',
      issuer: 'NMT Center',
    });
    // Avery holds the CNMT that first visits need: the next free times come from the availability service.
    expect(alpha.nextFirstVisits).toHaveLength(3);
    for (const v of alpha.nextFirstVisits) {
      expect(v.therapistId).toBe(h.world.therapists.a);
      expect(Date.parse(v.start)).toBeGreaterThan(SUITE_NOW.getTime());
    }
    expect(body.sites.find((s: { id: string }) => s.id === h.world.sites.b).nextFirstVisits).toEqual([]);
    // No licence numbers, no patients, nothing of the other organisation.
    for (const secret of ['LMT-1234', 'CNMT-1', 'Alice', 'Bruno', 'Gamma', 'example.test'])
      expect(res.body).not.toContain(secret);
    const other = (await get(`/api/public/${otherSlug}/sites`)).json();
    expect(other.sites.map((s: { id: string }) => s.id)).toEqual([h.world.sites.other]);
    expect((await get('/api/public/no-such-clinic/sites')).statusCode).toBe(404);
    const bad = await get('/api/public/Not A Slug!/sites');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.org).toMatch(/clinic address/);
  });

  it('keeps the free times a few seconds, yet shows a booking made here and a schedule edit at once', async () => {
    type Site = { id: string; nextFirstVisits: { start: string; end: string; therapistId: string }[] };
    type Listed = { sites: (Site & { services: { isInitial: boolean; priceCents: number | null }[] })[] };
    const alpha = async () =>
      ((await get(`/api/public/${slug}/sites`)).json() as Listed).sites.find((s) => s.id === h.world.sites.a)!;
    const startsOf = (site: Site) => site.nextFirstVisits.map((v) => v.start);
    const first = (await alpha()).nextFirstVisits[0]!;
    // Taken through the API: gone from the list at once.
    const booked = await h.as('front_desk', 'POST', '/api/appointments', {
      patientId: h.world.patients.a,
      serviceCode: 'nmt-followup-60',
      start: first.start,
      therapistId: first.therapistId,
      locationId: h.world.sites.a,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const afterBooking = await alpha();
    expect(startsOf(afterBooking)).not.toContain(first.start);
    // Taken by another instance (straight into the database): shown once the few seconds are up.
    const next = afterBooking.nextFirstVisits[0]!;
    await buildAppointment(h.db, h.world.orgId, {
      patientId: h.world.patients.b,
      therapistId: next.therapistId,
      locationId: h.world.sites.a,
      start: next.start,
      minutes: (Date.parse(next.end) - Date.parse(next.start)) / 60_000,
    });
    try {
      clock += 1_000;
      expect(startsOf(await alpha())).toContain(next.start);
      clock += 15_000;
      expect(startsOf(await alpha())).not.toContain(next.start);
    } finally {
      clock = SUITE_NOW.getTime();
    }
    // A manager's edit moves the schedule stamp: the new price shows at once, on every instance.
    const services = (await h.as('admin', 'GET', '/api/services')).json().services as {
      id: string;
      isInitial: boolean;
      discipline: string;
    }[];
    const initial = services.find((s) => s.isInitial && s.discipline === 'nmt')!;
    expect((await h.as('admin', 'PATCH', `/api/services/${initial.id}`, { priceCents: 15500 })).statusCode).toBe(200);
    expect((await alpha()).services.find((s) => s.isInitial)!.priceCents).toBe(15500);
  });

  it('serves the default what-to-expect text in both languages until an administrator edits it', async () => {
    const en = await get(`/api/public/${slug}/about`);
    expect(en.statusCode).toBe(200);
    expect(en.json()).toMatchObject({ locale: 'en', custom: false });
    const es = (await get(`/api/public/${slug}/about?locale=es`)).json();
    expect(es.title).toMatch(/terapia neuromuscular/);
    expect((await get(`/api/public/${slug}/about?locale=fr`)).json().error.fields.locale).toMatch(/English.*Spanish/);

    const text = {
      title: 'Qué esperar en Woodburn',
      sections: [{ heading: 'Primera visita', body: 'Llegue 15 minutos antes.' }],
    };
    const saved = await h.as('admin', 'PUT', '/api/organization/about/es', text);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...text, custom: true, locale: 'es' });
    expect((await get(`/api/public/${slug}/about?locale=es`)).json().title).toBe('Qué esperar en Woodburn');
    expect((await get(`/api/public/${slug}/about?locale=en`)).json().custom).toBe(false);
    expect((await get(`/api/public/${otherSlug}/about?locale=es`)).json().custom).toBe(false);
    expect((await h.as('admin', 'GET', '/api/organization/about/es')).json().title).toBe(text.title);
    const audited = await h.db.query<{ detail: { locale: string } }>(
      `SELECT detail FROM audit_events WHERE org_id = $1 AND action = 'organization.public-text.update'`,
      [h.world.orgId],
    );
    expect(audited.map((a) => a.detail.locale)).toEqual(['es']);

    const empty = await h.as('admin', 'PUT', '/api/organization/about/en', { title: '', sections: [] });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.fields).sort()).toEqual(['sections', 'title']);
    expect((await h.as('manager', 'PUT', '/api/organization/about/en', text)).statusCode).toBe(403);
  });

  it('runs the self-check without storing anything, ending in a plain result and a next step', async () => {
    const list = await get(`/api/public/${slug}/self-check?locale=es`);
    expect(list.statusCode).toBe(200);
    expect(list.json().signs.length).toBeGreaterThanOrEqual(7);
    const audits = async () =>
      (
        await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1', [
          h.world.orgId,
        ])
      )[0]!.n;
    const before = await audits();
    const res = await post(`/api/public/${slug}/self-check`, {
      locale: 'en',
      signs: ['headachesFromNeck', 'movesOrSpreads', 'returnsAfterCare'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ band: 'several', nextStep: { action: 'book-first-visit' } });
    expect(res.json().notDiagnosis).toMatch(/not a diagnosis/);
    expect(await audits()).toBe(before);
    const bad = await post(`/api/public/${slug}/self-check`, { signs: ['broken-leg'] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)[0]).toMatch(/^signs/);
  });

  it('judges "is it safe for me?" by the intake rules; prints the clearance request in en and es', async () => {
    expect((await get(`/api/public/${slug}/safety?locale=en`)).json().questions).toHaveLength(
      SAFETY_QUESTION_IDS.length,
    );
    const clear = await post(`/api/public/${slug}/safety`, { answers: allNo() });
    expect(clear.json().outcome).toBe('clear');
    const relative = await post(`/api/public/${slug}/safety`, { answers: { ...allNo(), osteoporosis: 'yes' } });
    expect(relative.json()).toMatchObject({ outcome: 'note-for-therapist', clearance: null });
    const fever = { locale: 'es', answers: { ...allNo(), feverOrInfection: 'yes' } };
    const blocked = await post(`/api/public/${slug}/safety`, fever);
    expect(blocked.json().outcome).toBe('see-doctor-first');
    expect(blocked.json().message).toMatch(/consulte primero a su médico/);

    const missing = await post(`/api/public/${slug}/safety`, { answers: { feverOrInfection: 'yes' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields['answers.bloodClot']).toMatch(/yes or no/);

    for (const locale of ['en', 'es'] as const) {
      const pdf = await h.app.inject({
        method: 'POST',
        url: `/api/public/${slug}/safety/clearance.pdf`,
        payload: { ...fever, locale, patientName: 'Rosa Mendez' },
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const words = pdfText(pdf.rawPayload);
      expect(words).toContain('Rosa Mendez');
      expect(words).toContain(locale === 'es' ? 'Firma' : 'Signature');
      expect(words).toContain(locale === 'es' ? '¿Tiene fiebre' : 'Do you have a fever');
    }
    const none = await post(`/api/public/${slug}/safety/clearance.pdf`, { answers: allNo() });
    expect(none.statusCode).toBe(409);
    const stored = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE detail::text LIKE '%Rosa%'`,
    );
    expect(stored[0]!.n).toBe(0);
  });

  it('signs a patient up by email: one pending sign-up per email, nothing typed lost, then signed in', async () => {
    const signUp = (payload: object, key?: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/public/${slug}/sign-ups`,
        payload,
        headers: key ? { 'idempotency-key': key } : {},
      });
    const mails = (to: string) =>
      h.db.query<{ text: string; subject: string; patientId: string | null }>(
        `SELECT text, subject, patient_id AS "patientId" FROM outbox_messages WHERE kind = 'sign-up' AND to_address = $1
          ORDER BY created_at, id`,
        [to],
      );
    const rosa = {
      email: 'Rosa.Mendez@example.org',
      password: 'a long enough password',
      givenName: 'Rosa',
      familyName: 'Mendez',
      dateOfBirth: '1979-04-12',
      phone: '503-555-0199',
      preferredLocationId: h.world.sites.b,
      locale: 'es',
    };
    const first = await signUp(rosa, 'key-rosa-1');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'check-your-email', email: 'rosa.mendez@example.org' });
    // A retry with the same key answers the same and sends nothing more.
    const retry = await signUp(rosa, 'key-rosa-1');
    expect(retry.json()).toEqual(first.json());
    expect(await mails('rosa.mendez@example.org')).toHaveLength(1);
    // Signing up again (a new phone) refreshes the one sign-up, never a second.
    await signUp({ ...rosa, phone: '503-555-0100' });
    const rows = await h.db.query<{ phone: string }>(
      'SELECT phone FROM patient_sign_ups WHERE org_id = $1 AND email = $2',
      [h.world.orgId, 'rosa.mendez@example.org'],
    );
    expect(rows).toEqual([{ phone: '503-555-0100' }]);
    const sent = await mails('rosa.mendez@example.org');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.subject).toMatch(/Confirme su correo/);
    expect(sent[1]!.patientId).toBeNull();
    const token = decodeURIComponent(sent[1]!.text.match(/token=(\S+)/)![1]!);

    // An email with an account gets the same answer; only the mailbox learns it has one.
    const existing = h.world.users.patient.email;
    const again = await signUp({ ...rosa, email: existing, locale: 'en' });
    expect(again.statusCode).toBe(201);
    expect(Object.keys(again.json()).sort()).toEqual(Object.keys(first.json()).sort());
    expect((await mails(existing))[0]!.subject).toBe('You already have an account');
    expect(
      (await h.db.query('SELECT 1 FROM patient_sign_ups WHERE org_id = $1 AND email = $2', [h.world.orgId, existing]))
        .length,
    ).toBe(0);

    const bad = await signUp({ ...rosa, email: 'not-an-email', dateOfBirth: '12/04/1979', password: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['dateOfBirth', 'email', 'password']);
    const otherSite = await signUp({ ...rosa, email: 'x@example.org', preferredLocationId: h.world.sites.other });
    expect(otherSite.statusCode).toBe(422);
    expect(otherSite.json().error.fields.preferredLocationId).toMatch(/sites/);

    const verifyUrl = `/api/public/${slug}/sign-ups/verify`;
    expect((await post(verifyUrl, { token: `${token.slice(0, -4)}AAAA` })).statusCode).toBe(404);
    expect((await post(`/api/public/${otherSlug}/sign-ups/verify`, { token })).statusCode).toBe(404);
    const verified = await post(verifyUrl, { token });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      locale: 'es',
      preferredLocationId: h.world.sites.b,
      user: { role: 'patient', email: 'rosa.mendez@example.org' },
    });
    expect(verified.headers['set-cookie']).toMatch(/knotwork_session=/);
    const patientId = verified.json().user.patientId as string;
    const token2 = (
      await h.app.inject({
        method: 'POST',
        url: '/api/auth/token',
        payload: { email: 'rosa.mendez@example.org', password: rosa.password },
      })
    ).json().token as string;
    const record = await h.app.inject({
      method: 'GET',
      url: `/api/patients/${patientId}`,
      headers: { authorization: `Bearer ${token2}` },
    });
    expect(record.json()).toMatchObject({
      givenName: 'Rosa',
      familyName: 'Mendez',
      dateOfBirth: '1979-04-12',
      phone: '503-555-0100',
      preferredLocationId: h.world.sites.b,
    });
    expect((await post(verifyUrl, { token })).statusCode).toBe(409);
  });

  it('refuses an expired sign-up link, keeping what was typed for the next try', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/public/${slug}/sign-ups`,
      payload: {
        email: 'late@example.org',
        password: 'a long enough password',
        givenName: 'Lee',
        familyName: 'Late',
        dateOfBirth: '1990-01-01',
      },
    });
    expect(res.statusCode).toBe(201);
    const [mail] = await h.db.query<{ text: string }>(
      `SELECT text FROM outbox_messages WHERE to_address = 'late@example.org'`,
    );
    const token = decodeURIComponent(mail!.text.match(/token=(\S+)/)![1]!);
    expect(new Date(res.json().expiresAt).getTime()).toBe(SUITE_NOW.getTime() + 24 * 3600_000);
    clock = SUITE_NOW.getTime() + 25 * 3600_000;
    try {
      const late = await post(`/api/public/${slug}/sign-ups/verify`, { token });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.fields.token).toMatch(/expired.*kept/);
    } finally {
      clock = SUITE_NOW.getTime();
    }
    const kept = await h.db.query<{ givenName: string }>(
      `SELECT given_name AS "givenName" FROM patient_sign_ups WHERE org_id = $1 AND email = 'late@example.org'`,
      [h.world.orgId],
    );
    expect(kept).toEqual([{ givenName: 'Lee' }]);
  });

  it('refuses an address past its limit with 429 and when to try again', async () => {
    const ip = '198.51.100.77';
    await h.db.query(`INSERT INTO login_throttle (key, org_id, window_start, attempts) VALUES ($1, NULL, $2, 120)`, [
      `public-writes:${ip}`,
      SUITE_NOW,
    ]);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/public/${slug}/self-check`,
      payload: { signs: [] },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
