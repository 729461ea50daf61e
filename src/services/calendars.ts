import { createHash, randomBytes } from 'node:crypto';
import * as repo from '../store/repos/calendars.ts';
import { insertAuditEvents } from '../store/repos/audit.ts';
import { audit } from './audit.ts';
import { findStaff } from '../store/repos/staff.ts';
import { organizationTimeZone } from '../store/repos/sign-ins.ts';
import type { Actor, Role, ServiceContext } from './context.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import { renderCalendar, type CalendarEvent } from './notify/ical.ts';
import { publicBaseUrl } from './notify/links.ts';
import { isAllowed } from './policies.ts';
import { createOnce, type Once } from './idempotency.ts';

export type FeedKind = 'therapist' | 'site';
export type Feed = repo.FeedRow;

/** How far back a feed reaches: recent weeks stay visible for reference, older ones drop off. */
const FEED_HISTORY_DAYS = 30;
const NO_SUCH_CALENDAR = 'No such calendar.';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const feedUrl = (token: string) => `${publicBaseUrl()}/cal/${token}.ics`;

/**
 * Who may hold a feed: a site's feed its managers (and admins); a therapist's feed the therapist,
 * the managers of one of the therapist's sites, and admins.
 */
function mayManageFeed(actor: Actor, kind: FeedKind, subjectId: string, subjectSites: string[]): boolean {
  if (actor.role === 'admin') return true;
  if (kind === 'therapist' && actor.role === 'therapist') return actor.therapistId === subjectId;
  if (actor.role === 'manager') return subjectSites.some((id) => actor.locationIds.includes(id));
  return false;
}

export async function createFeed(
  ctx: ServiceContext,
  actor: Actor,
  input: { kind: FeedKind; subjectId: string },
  once?: Once,
): Promise<Feed & { url: string }> {
  const subject = await repo.feedSubject(ctx.db, actor.orgId, input.kind, input.subjectId);
  if (!subject.exists) throw new NotFoundError(input.kind === 'site' ? 'No such site.' : 'No such therapist.');
  if (!mayManageFeed(actor, input.kind, input.subjectId, subject.locationIds))
    throw new ForbiddenError('You may not create a calendar feed for this.');
  // The URL is the only credential a calendar app can carry; only its hash is kept.
  const token = randomBytes(32).toString('base64url');
  // A retry within the key's lifetime gets the same URL back, so the key keeps the answer (URL included).
  return createOnce(ctx, actor, once, async (tx) => {
    const feed = await repo.insertFeed(
      tx,
      actor.orgId,
      { ...input, tokenHash: hashToken(token), createdBy: actor.userId },
      ctx.now(),
    );
    await audit(tx, actor, [
      {
        action: 'calendar.feed.create',
        recordType: 'calendar_feed',
        recordId: feed.id,
        detail: { kind: input.kind, subjectId: input.subjectId },
      },
    ]);
    return { ...feed, url: feedUrl(token) };
  });
}

/** The feeds an actor can see: admins all, others the ones they created or that are about them or their sites. */
export async function listFeeds(ctx: ServiceContext, actor: Actor): Promise<Feed[]> {
  if (actor.role === 'patient') throw new ForbiddenError('Calendar feeds are for staff.');
  const subjectIds = [
    ...(actor.therapistId ? [actor.therapistId] : []),
    ...(actor.role === 'manager' ? actor.locationIds : []),
  ];
  return repo.listFeeds(ctx.db, actor.orgId, { all: actor.role === 'admin', createdBy: actor.userId, subjectIds });
}

export async function revokeFeed(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  const feed = await repo.findFeed(ctx.db, actor.orgId, id);
  if (!feed) throw new NotFoundError('No such calendar feed.');
  const subject = await repo.feedSubject(ctx.db, actor.orgId, feed.kind, feed.subjectId);
  if (!mayManageFeed(actor, feed.kind, feed.subjectId, subject.locationIds))
    throw new ForbiddenError('You may not revoke this calendar feed.');
  await ctx.db.transaction(async (tx) => {
    await repo.revokeFeed(tx, actor.orgId, id, ctx.now());
    await audit(tx, actor, [{ action: 'calendar.feed.revoke', recordType: 'calendar_feed', recordId: id }]);
  });
}

/**
 * Calendar apps sync feeds to third-party servers (Google, Apple, Microsoft) and show them on lock
 * screens, so an event names the patient by initials only: enough for the therapist to recognise
 * the visit, not enough to identify the patient to anyone else.
 */
export function initials(patient: { givenName: string; familyName: string }): string {
  const first = (name: string) => Array.from(name.trim())[0]?.toUpperCase() ?? '';
  return `${first(patient.givenName)}.${first(patient.familyName)}.`;
}

function siteAddress(a: repo.AppointmentView): string {
  const s = a.site;
  return [s.name, s.line1, s.line2, `${s.city}, ${s.state} ${s.postalCode}`].filter(Boolean).join(', ');
}

function eventOf(a: repo.AppointmentView, summary: string, description?: string): CalendarEvent {
  return {
    uid: `${a.id}@knotwork.local`,
    // appointments.version starts at 1 and rises with every change; SEQUENCE starts at 0.
    sequence: Math.max(0, a.version - 1),
    start: a.start,
    end: a.end,
    timeZone: a.site.timeZone,
    summary,
    location: siteAddress(a),
    description,
    cancelled: ['cancelled', 'late_cancel'].includes(a.status),
    lastModified: a.updatedAt,
  };
}

/**
 * The creator of a feed as they are now: a feed shows what its creator may still see, asked of the
 * same policy as the API at every fetch. A disabled (or removed) account's feeds answer nothing.
 */
async function feedHolder(ctx: ServiceContext, orgId: string, userId: string): Promise<Actor | null> {
  const account = await findStaff(ctx.db, orgId, userId);
  if (!account || account.disabled) return null;
  return {
    userId: account.id,
    orgId,
    role: account.role as Role,
    email: account.email,
    displayName: account.displayName,
    patientId: null,
    therapistId: account.therapistId,
    locationIds: account.locationIds,
    orgTimeZone: await organizationTimeZone(ctx.db, orgId),
    sessionId: 'calendar-feed',
    ip: null,
  };
}

/**
 * The public feed behind `/cal/<token>.ics`; unknown and revoked tokens, and feeds of disabled accounts, are the same
 * 404.
 */
export async function renderFeed(ctx: ServiceContext, token: string, ip: string | null = null): Promise<string> {
  const feed = /^[A-Za-z0-9_-]{43}$/.test(token) ? await repo.findFeedByTokenHash(ctx.db, hashToken(token)) : null;
  if (!feed || feed.revokedAt) throw new NotFoundError(NO_SUCH_CALENDAR);
  const holder = await feedHolder(ctx, feed.orgId, feed.createdBy);
  const auditRead = (outcome: 'allowed' | 'denied', detail: Record<string, unknown>) =>
    insertAuditEvents(ctx.db, [
      {
        orgId: feed.orgId,
        actorUserId: feed.createdBy,
        actorRole: 'calendar-feed',
        action: 'calendar.feed.read',
        outcome,
        recordType: 'calendar_feed',
        recordId: feed.id,
        ip,
        detail,
      },
    ]);
  if (!holder) {
    await auditRead('denied', { reason: 'account disabled' });
    throw new NotFoundError(NO_SUCH_CALENDAR);
  }
  const now = ctx.now();
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 86_400_000);
  const subject = await repo.listFeedAppointments(ctx.db, feed.orgId, { kind: feed.kind, id: feed.subjectId }, since);
  // The same rule as reading each appointment through the API (own sites, own patients), for the creator as they are
  // today.
  const appointments = subject.filter((a) =>
    isAllowed(holder, 'appointment.read', {
      booking: { patientId: a.patientId, therapistId: a.therapistId, locationIds: [a.locationId] },
    }),
  );
  await auditRead('allowed', {
    events: appointments.length,
    ...(appointments.length < subject.length ? { outOfScope: subject.length - appointments.length } : {}),
  });
  const events = appointments.map((a) =>
    eventOf(
      a,
      feed.kind === 'therapist'
        ? `${initials(a.patient)} · ${a.serviceName}`
        : `${initials(a.patient)} · ${a.serviceName} · ${a.therapistName}`,
    ),
  );
  const name =
    feed.kind === 'site'
      ? (appointments[0]?.site.name ?? 'Knotwork site')
      : (appointments[0]?.therapistName ?? 'Knotwork therapist');
  return renderCalendar({ name: `Knotwork – ${name}`, events, now });
}

/** One appointment as an `.ics` file, for the patient's own calendar (or staff who may see it). */
export async function appointmentIcs(ctx: ServiceContext, actor: Actor, id: string): Promise<string> {
  const a = await repo.findAppointmentView(ctx.db, actor.orgId, id);
  if (!a) throw new NotFoundError('No such appointment.');
  // The same rule as reading the appointment: own visit, treating therapist, the desk at its site, admins.
  if (
    !isAllowed(actor, 'appointment.read', {
      booking: { patientId: a.patientId, therapistId: a.therapistId, locationIds: [a.locationId] },
    })
  ) {
    await audit(ctx.db, actor, [
      { action: 'appointment.ics', outcome: 'denied', patientId: a.patientId, recordType: 'appointment', recordId: id },
    ]);
    throw new ForbiddenError('You do not have access to this appointment.');
  }
  await audit(ctx.db, actor, [
    { action: 'appointment.ics', patientId: a.patientId, recordType: 'appointment', recordId: id },
  ]);
  const ownVisit = actor.role === 'patient';
  const summary = ownVisit
    ? `${a.serviceName} with ${a.therapistName}`
    : `${initials(a.patient)} · ${a.serviceName} · ${a.therapistName}`;
  const description = a.site.phone ? `To change or cancel, call ${a.site.name} on ${a.site.phone}.` : undefined;
  return renderCalendar({
    name: a.serviceName,
    events: [eventOf(a, summary, description)],
    now: ctx.now(),
    publish: true,
  });
}
