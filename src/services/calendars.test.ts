import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { buildWorld, type World } from '../../test/support/world.ts';
import type { Database } from '../store/database.ts';
import { appointmentIcs, createFeed, initials, listFeeds, renderFeed, revokeFeed } from './calendars.ts';
import type { Actor, Role } from './context.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import { ensureService, insertAppointment, parseIcs } from '../../test/support/notify-kit.ts';

const HOUR = 3600_000;

describe('initials', () => {
  it('keeps one letter of each name, so a synced calendar does not identify the patient', () => {
    expect(initials({ givenName: 'alice', familyName: 'Anders' })).toBe('A.A.');
    expect(initials({ givenName: 'Émile', familyName: "O'Neil" })).toBe('É.O.');
  });
});

describe.each(BACKENDS)('calendar feeds on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let now = new Date('2026-10-25T18:00:00Z');
  const ctx = () => ({ db, now: () => now });

  function actor(role: Role, overrides: Partial<Actor> = {}): Actor {
    const user =
      role === 'patient'
        ? world.users.patient
        : role === 'therapist'
          ? world.users.therapist
          : role === 'manager'
            ? world.users.manager
            : role === 'front_desk'
              ? world.users.front_desk
              : world.users.admin;
    return {
      userId: user.id,
      orgId: world.orgId,
      role,
      email: user.email,
      displayName: role,
      ip: null,
      orgTimeZone: 'America/Los_Angeles',
      sessionId: 'test',
      patientId: role === 'patient' ? world.patients.a : null,
      therapistId: role === 'therapist' ? world.therapists.a : null,
      locationIds: role === 'manager' || role === 'front_desk' ? [world.sites.a] : [],
      ...overrides,
    };
  }
  const tokenOf = (url: string) => /\/cal\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;
  const visit = (
    start: string,
    extra: { therapist?: 'a' | 'b'; patient?: 'a' | 'b'; site?: 'a' | 'b'; status?: string } = {},
  ) =>
    insertAppointment(db, {
      orgId: world.orgId,
      patientId: world.patients[extra.patient ?? 'a'],
      therapistId: world.therapists[extra.therapist ?? 'a'],
      locationId: world.sites[extra.site ?? 'a'],
      serviceCode: 'nmt-follow-up',
      start: new Date(start),
      status: extra.status,
    });

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    await ensureService(db, world.orgId, 'nmt-follow-up');
  });
  afterAll(() => drop());

  it('serves a therapist feed whose times keep the site clock across the autumn DST change', async () => {
    // 09:00 in Los Angeles on the Friday before (PDT, UTC-7) and the Monday after (PST, UTC-8) 1 November 2026.
    const before = await visit('2026-10-30T16:00:00Z');
    const after = await visit('2026-11-02T17:00:00Z');
    const feed = await createFeed(ctx(), actor('therapist'), { kind: 'therapist', subjectId: world.therapists.a });
    expect(feed.url).toMatch(/^http:\/\/localhost:3000\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM calendar_feeds WHERE id = $1', [
      feed.id,
    ]);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.token_hash).not.toContain(tokenOf(feed.url));

    const text = await renderFeed(ctx(), tokenOf(feed.url));
    const { events } = await parseIcs(text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    for (const [a, utc] of [
      [before, '2026-10-30T16:00:00.000Z'],
      [after, '2026-11-02T17:00:00.000Z'],
    ] as const) {
      const e = byUid.get(`${a.id}@knotwork.local`)!;
      expect(e.tzid).toBe('America/Los_Angeles');
      expect(e.localStart).toMatch(/T09:00:00$/);
      expect(e.start.toISOString()).toBe(utc);
      expect(e.end.getTime() - e.start.getTime()).toBe(HOUR);
      expect(e.summary).toBe('A.A. · NMT follow-up');
      expect(e.location).toContain('1 Main St');
      expect(e.status).toBe('CONFIRMED');
    }
    expect(text).not.toMatch(/Alice|Anders/);
  });

  it('keeps the site clock across the spring DST change too', async () => {
    now = new Date('2027-03-01T18:00:00Z');
    // 09:00 on Friday 12 March 2027 (PST) and Monday 15 March 2027 (PDT, after the 14 March change).
    const friday = await visit('2027-03-12T17:00:00Z');
    const monday = await visit('2027-03-15T16:00:00Z');
    const feed = await createFeed(ctx(), actor('admin'), { kind: 'therapist', subjectId: world.therapists.a });
    const { events } = await parseIcs(await renderFeed(ctx(), tokenOf(feed.url)));
    const local = (id: string) => events.find((e) => e.uid === `${id}@knotwork.local`)!;
    expect([local(friday.id).localStart, local(monday.id).localStart]).toEqual([
      '2027-03-12T09:00:00',
      '2027-03-15T09:00:00',
    ]);
    expect([local(friday.id).start.toISOString(), local(monday.id).start.toISOString()]).toEqual([
      '2027-03-12T17:00:00.000Z',
      '2027-03-15T16:00:00.000Z',
    ]);
    // Appointments that ended more than 30 days ago have dropped off.
    expect(events.every((e) => e.end.getTime() >= now.getTime() - 30 * 24 * HOUR)).toBe(true);
  });

  it('marks cancelled visits CANCELLED and raises SEQUENCE with each change, under a stable UID', async () => {
    now = new Date('2026-12-01T18:00:00Z');
    const a = await visit('2026-12-08T17:00:00Z');
    const feed = await createFeed(ctx(), actor('admin'), { kind: 'site', subjectId: world.sites.a });
    const first = (await parseIcs(await renderFeed(ctx(), tokenOf(feed.url)))).events.find(
      (e) => e.uid === `${a.id}@knotwork.local`,
    )!;
    expect(first.sequence).toBe(0);
    expect(first.summary).toBe('A.A. · NMT follow-up · Avery Therapist');
    await db.query(`UPDATE appointments SET status = 'cancelled', version = version + 1 WHERE id = $1`, [a.id]);
    const second = (await parseIcs(await renderFeed(ctx(), tokenOf(feed.url)))).events.find(
      (e) => e.uid === `${a.id}@knotwork.local`,
    )!;
    expect(second.status).toBe('CANCELLED');
    expect(second.sequence).toBe(1);
  });

  it('a site feed holds every therapist at that site and nothing from other sites', async () => {
    now = new Date('2026-12-01T18:00:00Z');
    const elsewhere = await visit('2026-12-09T17:00:00Z', { therapist: 'b', patient: 'b', site: 'b' });
    const feed = await createFeed(ctx(), actor('manager'), { kind: 'site', subjectId: world.sites.a });
    const { events } = await parseIcs(await renderFeed(ctx(), tokenOf(feed.url)));
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => e.uid.startsWith(elsewhere.id))).toBe(false);
  });

  it('a revoked or unknown feed URL is a 404', async () => {
    const feed = await createFeed(ctx(), actor('therapist'), { kind: 'therapist', subjectId: world.therapists.a });
    await expect(renderFeed(ctx(), tokenOf(feed.url))).resolves.toContain('BEGIN:VCALENDAR');
    await revokeFeed(ctx(), actor('therapist'), feed.id);
    await expect(renderFeed(ctx(), tokenOf(feed.url))).rejects.toBeInstanceOf(NotFoundError);
    await expect(renderFeed(ctx(), 'A'.repeat(43))).rejects.toBeInstanceOf(NotFoundError);
    await expect(renderFeed(ctx(), "x' OR 1=1")).rejects.toBeInstanceOf(NotFoundError);
    const listed = (await listFeeds(ctx(), actor('therapist'))).find((f) => f.id === feed.id)!;
    expect(listed.revokedAt).not.toBeNull();
  });

  it('lets therapists hold only their own feed and managers only their sites’ feeds', async () => {
    await expect(
      createFeed(ctx(), actor('therapist'), { kind: 'therapist', subjectId: world.therapists.b }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createFeed(ctx(), actor('therapist'), { kind: 'site', subjectId: world.sites.a }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createFeed(ctx(), actor('manager'), { kind: 'site', subjectId: world.sites.b }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createFeed(ctx(), actor('front_desk'), { kind: 'site', subjectId: world.sites.a }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createFeed(ctx(), actor('admin'), { kind: 'site', subjectId: world.sites.other }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(listFeeds(ctx(), actor('patient'))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('gives a patient their own appointment as .ics (service, therapist, no name), not another patient’s', async () => {
    now = new Date('2026-12-01T18:00:00Z');
    const own = await visit('2026-12-15T18:30:00Z');
    const { method, events } = await parseIcs(await appointmentIcs(ctx(), actor('patient'), own.id));
    expect(method).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      uid: `${own.id}@knotwork.local`,
      summary: 'NMT follow-up with Avery Therapist',
      tzid: 'America/Los_Angeles',
      localStart: '2026-12-15T10:30:00',
    });
    const theirs = await visit('2026-12-16T18:30:00Z', { therapist: 'b', patient: 'b', site: 'b' });
    await expect(appointmentIcs(ctx(), actor('patient'), theirs.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(appointmentIcs(ctx(), actor('front_desk'), theirs.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(appointmentIcs(ctx(), actor('admin'), theirs.id)).resolves.toContain(
      'B.B. · NMT follow-up · Blake Therapist',
    );
    const audited = await db.query<{ outcome: string }>(
      `SELECT outcome FROM audit_events WHERE action = 'appointment.ics' AND record_id = $1 ORDER BY id`,
      [theirs.id],
    );
    expect(audited.map((r) => r.outcome)).toEqual(['denied', 'denied', 'allowed']);
  });
  it('shows only what the feed’s creator may still see, checked at every fetch', async () => {
    now = new Date('2026-12-01T18:00:00Z');
    // Avery works at both sites; the manager who holds Avery's feed manages site A only.
    await db.query('INSERT INTO therapist_locations (org_id, therapist_id, location_id) VALUES ($1, $2, $3)', [
      world.orgId,
      world.therapists.a,
      world.sites.b,
    ]);
    const atA = await visit('2026-12-10T17:00:00Z');
    const atB = await visit('2026-12-11T17:00:00Z', { patient: 'b', site: 'b' });
    const therapistFeed = await createFeed(ctx(), actor('manager'), {
      kind: 'therapist',
      subjectId: world.therapists.a,
    });
    const siteFeed = await createFeed(ctx(), actor('manager'), { kind: 'site', subjectId: world.sites.a });
    const uids = async (url: string) =>
      (await parseIcs(await renderFeed(ctx(), tokenOf(url)))).events.map((e) => e.uid.split('@')[0]);
    const setManagerSites = async (sites: string[]) => {
      await db.query('DELETE FROM user_locations WHERE org_id = $1 AND user_id = $2', [
        world.orgId,
        world.users.manager.id,
      ]);
      for (const site of sites)
        await db.query('INSERT INTO user_locations (org_id, user_id, location_id) VALUES ($1, $2, $3)', [
          world.orgId,
          world.users.manager.id,
          site,
        ]);
    };
    try {
      expect(await uids(therapistFeed.url)).toContain(atA.id);
      expect(await uids(therapistFeed.url)).not.toContain(atB.id);

      // Moved to site B: the same URLs now show B's visits and none of A's.
      await setManagerSites([world.sites.b]);
      expect(await uids(therapistFeed.url)).toContain(atB.id);
      expect(await uids(therapistFeed.url)).not.toContain(atA.id);
      expect(await uids(siteFeed.url)).toEqual([]);
      const text = await renderFeed(ctx(), tokenOf(siteFeed.url));
      expect(text).not.toMatch(/A\.A\./);
    } finally {
      await setManagerSites([world.sites.a]);
      await db.query('DELETE FROM therapist_locations WHERE org_id = $1 AND therapist_id = $2 AND location_id = $3', [
        world.orgId,
        world.therapists.a,
        world.sites.b,
      ]);
    }
  });

  it('stops the feeds of a disabled account (the same 404 as a revoked one), and audits the refusal', async () => {
    now = new Date('2026-12-01T18:00:00Z');
    const feed = await createFeed(ctx(), actor('therapist'), { kind: 'therapist', subjectId: world.therapists.a });
    await expect(renderFeed(ctx(), tokenOf(feed.url))).resolves.toContain('BEGIN:VCALENDAR');
    await db.query('UPDATE users SET disabled_at = $3 WHERE org_id = $1 AND id = $2', [
      world.orgId,
      world.users.therapist.id,
      now,
    ]);
    try {
      await expect(renderFeed(ctx(), tokenOf(feed.url))).rejects.toBeInstanceOf(NotFoundError);
      const refused = await db.query<{ outcome: string; actor_user_id: string }>(
        `SELECT outcome, actor_user_id FROM audit_events WHERE action = 'calendar.feed.read' AND record_id = $1
          ORDER BY id`,
        [feed.id],
      );
      expect(refused.map((r) => r.outcome)).toEqual(['allowed', 'denied']);
      expect(refused.every((r) => r.actor_user_id === world.users.therapist.id)).toBe(true);
    } finally {
      await db.query('UPDATE users SET disabled_at = NULL WHERE org_id = $1 AND id = $2', [
        world.orgId,
        world.users.therapist.id,
      ]);
    }
  });
});
