import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS, MINUTE_MS, formatDate, formatWallTime, parseDate } from '../time/calendar.ts';
import { findSlots } from './availability.ts';
import { BusyIndex } from './busy-index.ts';
import { checkBookable } from './bookable.ts';
import { missingCredentials } from './credentials.ts';
import { containedIn, intersect, merge, subtract } from './intervals.ts';
import type { Interval } from './intervals.ts';
import { DEFAULT_SERVICES } from './services.ts';
import { nmtCredentials } from '../../test/support/scheduling-fixtures.ts';
import { TIME_OF_DAY_MINUTES } from './types.ts';
import type { AvailabilityQuery, Busy, SiteSchedule, TherapistSchedule, WeekdayKey } from './types.ts';
import { instantToZonedParts, zonedWallTimeToInstant } from '../time/zones.ts';

// Dates around both 2026 US change days and a plain summer week.
const BASE_DATES = ['2026-03-06', '2026-03-07', '2026-03-08', '2026-10-30', '2026-10-31', '2026-11-01', '2026-06-15'];
const ZONES = ['America/Los_Angeles', 'America/New_York', 'America/Phoenix', 'Europe/London'];
const LOCATIONS = ['loc-a', 'loc-b', 'loc-c'];
const THERAPISTS = ['t1', 't2', 't3', 't4'];
const PATIENTS = ['p1', 'p2'];

/** Filters and validity dates narrow the search; keep each to about one case in six. */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const wallRangeArb = fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 48 })).map(([q, len]) => ({
  start: formatWallTime(q * 15),
  end: formatWallTime(Math.min(96, q + len) * 15),
}));

/** Mostly a long working day, so that slots are common and the assertions get exercised. */
const wideDayArb = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 24, max: 64 }))
  .map(([q, len]) => [{ start: formatWallTime(q * 15), end: formatWallTime(Math.min(96, q + len) * 15) }]);

const siteArb = () =>
  fc.record({
    timeZone: fc.constantFrom(...ZONES),
    state: fc.constantFrom('WA', 'OR'),
    hours: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: wideDayArb },
        { weight: 1, arbitrary: fc.array(wallRangeArb, { maxLength: 2 }) },
      ),
      { minLength: 7, maxLength: 7 },
    ),
    closures: fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as Array<[number, number]>) },
      {
        weight: 1,
        arbitrary: fc.array(fc.tuple(fc.integer({ min: -2, max: 6 }), fc.integer({ min: 0, max: 2 })), {
          maxLength: 2,
        }),
      },
    ),
    rooms: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  });

type Raw = {
  base: string;
  sites: SiteSchedule[];
  therapists: TherapistSchedule[];
  busy: Busy[];
  query: AvailabilityQuery;
};

const scenarioArb: fc.Arbitrary<Raw> = fc
  .record({
    base: fc.constantFrom(...BASE_DATES),
    siteCount: fc.integer({ min: 1, max: 3 }),
    sites: fc.tuple(siteArb(), siteArb(), siteArb()),
    therapists: fc.array(
      fc.record({
        discipline: fc.constantFrom(
          'nmt' as const,
          'nmt' as const,
          'nmt' as const,
          'nmt' as const,
          'acupuncture' as const,
        ),
        licence: fc.constantFrom('both', 'both', 'both', 'both', 'WA', 'OR', 'none', 'expiring'),
        // Per weekday: at most a couple of shifts, each at one of the sites.
        templates: fc.array(
          fc.array(
            fc.record({
              loc: fc.integer({ min: 0, max: 2 }),
              range: fc.oneof(
                { weight: 3, arbitrary: wideDayArb.map((list) => list[0]!) },
                { weight: 1, arbitrary: wallRangeArb },
              ),
              valid: rarely(fc.integer({ min: -2, max: 6 })),
            }),
            { maxLength: 2 },
          ),
          { minLength: 7, maxLength: 7 },
        ),
        exceptions: fc.array(
          fc.record({
            kind: fc.constantFrom('time-off' as const, 'extra-shift' as const),
            loc: fc.option(fc.integer({ min: 0, max: 2 })),
            startQ: fc.integer({ min: -96, max: 96 * 6 }),
            lenQ: fc.integer({ min: 1, max: 40 }),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    busy: fc.array(
      fc.record({
        startQ: fc.integer({ min: -96, max: 96 * 6 }),
        lenQ: fc.integer({ min: 1, max: 12 }),
        shiftMin: fc.integer({ min: 0, max: 14 }),
        therapist: fc.option(fc.integer({ min: 0, max: 3 })),
        room: fc.option(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }))),
        patient: fc.option(fc.integer({ min: 0, max: 1 })),
        buffer: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      }),
      { maxLength: 25 },
    ),
    service: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...DEFAULT_SERVICES.filter((s) => s.discipline === 'nmt')) },
      { weight: 1, arbitrary: fc.constantFrom(...DEFAULT_SERVICES) },
    ),
    spanDays: fc.integer({ min: 0, max: 6 }),
    nowQ: fc.integer({ min: -96 * 3, max: 48 }),
    minNoticeMinutes: fc.integer({ min: 0, max: 4 * 60 }),
    horizonDays: fc.integer({ min: 2, max: 10 }),
    step: fc.constantFrom(5, 10, 15, 30, 60),
    patient: fc.boolean(),
    timeOfDay: rarely(fc.constantFrom('morning' as const, 'afternoon' as const, 'evening' as const)),
    weekdays: rarely(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 })),
    onlyTherapist: rarely(fc.integer({ min: 0, max: 3 })),
  })
  .map((r): Raw => {
    const baseDay = parseDate(r.base)!;
    const origin = baseDay * DAY_MS; // near enough to local midnight for generated instants
    const q = (n: number) => origin + n * 15 * MINUTE_MS;
    const sites: SiteSchedule[] = r.sites.slice(0, r.siteCount).map((s, i) => {
      const locationId = LOCATIONS[i]!;
      const hours = Object.fromEntries(
        s.hours.map((list, d) => [String(d), list.map((w) => ({ open: w.start, close: w.end }))]),
      ) as Record<WeekdayKey, Array<{ open: string; close: string }>>;
      return {
        locationId,
        timeZone: s.timeZone,
        state: s.state,
        hours,
        closures: s.closures.map(([from, len]) => ({
          startsOn: formatDate(baseDay + from),
          endsOn: formatDate(baseDay + from + len),
        })),
        rooms: s.rooms.map((active, k) => ({ id: `${locationId}-r${k}`, active })),
      };
    });
    const therapists: TherapistSchedule[] = r.therapists.map((t, i) => ({
      therapistId: THERAPISTS[i]!,
      discipline: t.discipline,
      credentials:
        t.discipline === 'acupuncture'
          ? [{ kind: 'licence', type: 'LAc', issuer: 'WA' }]
          : t.licence === 'none'
            ? nmtCredentials('WA').slice(1)
            : t.licence === 'expiring'
              ? nmtCredentials('WA', formatDate(baseDay + 1))
              : t.licence === 'both'
                ? [...nmtCredentials('WA'), ...nmtCredentials('OR')]
                : nmtCredentials(t.licence),
      templates: t.templates.flatMap((list, weekday) =>
        list.map((tpl) => ({
          locationId: LOCATIONS[tpl.loc]!,
          weekday: weekday as 0,
          start: tpl.range.start,
          end: tpl.range.end,
          ...(tpl.valid === undefined ? {} : { validFrom: formatDate(baseDay + tpl.valid) }),
        })),
      ),
      exceptions: t.exceptions.map((e) => ({
        kind: e.kind,
        ...(e.loc === null ? {} : { locationId: LOCATIONS[e.loc]! }),
        start: q(e.startQ),
        end: q(e.startQ + e.lenQ),
      })),
    }));
    const busy: Busy[] = r.busy.map((b) => ({
      start: q(b.startQ) + b.shiftMin * MINUTE_MS,
      end: q(b.startQ + b.lenQ) + b.shiftMin * MINUTE_MS,
      ...(b.therapist === null ? {} : { therapistId: THERAPISTS[b.therapist]! }),
      ...(b.room === null ? {} : { roomId: `${LOCATIONS[b.room[0]]!}-r${b.room[1]}` }),
      ...(b.patient === null ? {} : { patientId: PATIENTS[b.patient]! }),
      ...(b.buffer === undefined ? {} : { bufferAfterMinutes: b.buffer }),
    }));
    const query: AvailabilityQuery = {
      service: r.service,
      from: r.base,
      to: formatDate(baseDay + r.spanDays),
      now: q(r.nowQ) + 7 * MINUTE_MS,
      minNoticeMinutes: r.minNoticeMinutes,
      horizonDays: r.horizonDays,
      slotStepMinutes: r.step,
      ...(r.patient ? { patientId: 'p1' } : {}),
      ...(r.timeOfDay ? { timeOfDay: r.timeOfDay } : {}),
      ...(r.weekdays ? { weekdays: r.weekdays } : {}),
      ...(r.onlyTherapist === undefined ? {} : { therapistId: THERAPISTS[r.onlyTherapist]! }),
    };
    return { base: r.base, sites, therapists, busy, query };
  });

/** Site hours and shifts rebuilt straight from the schedules, not through the engine's compiled form. */
function localDayRanges(date: string, zone: string, ranges: Array<{ start: string; end: string }>): Interval[] {
  return merge(
    ranges.map((r) => ({
      start: zonedWallTimeToInstant(date, r.start, zone),
      end: zonedWallTimeToInstant(date, r.end, zone),
    })),
  );
}

function shiftOf(t: TherapistSchedule, site: SiteSchedule, date: string, weekday: number): Interval[] {
  const templates = t.templates.filter(
    (x) =>
      x.locationId === site.locationId &&
      x.weekday === weekday &&
      (!x.validFrom || x.validFrom <= date) &&
      (!x.validTo || date <= x.validTo),
  );
  const dayStart = zonedWallTimeToInstant(date, '00:00', site.timeZone);
  const dayEnd = zonedWallTimeToInstant(date, '24:00', site.timeZone);
  const extra = intersect(
    t.exceptions.filter((e) => e.kind === 'extra-shift' && e.locationId === site.locationId),
    [{ start: dayStart, end: dayEnd }],
  );
  const away = t.exceptions.filter(
    (e) => e.kind === 'time-off' && (e.locationId === undefined || e.locationId === site.locationId),
  );
  return subtract([...localDayRanges(date, site.timeZone, templates), ...extra], away);
}

const overlaps = (a: number, b: number, c: number, d: number) => a < d && c < b;

describe('availability properties', () => {
  it('every slot is inside hours and shift, clear of busy time with buffers, and bookable', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sites, therapists, busy, query }) => {
        const data = { sites, therapists, busy };
        const slots = findSlots(query, data);
        const indexed = { ...data, busy: BusyIndex.from(busy) };
        const { service } = query;
        const buffer = service.bufferAfterMinutes * MINUTE_MS;
        for (const slot of slots) {
          const site = sites.find((s) => s.locationId === slot.locationId)!;
          const therapist = therapists.find((t) => t.therapistId === slot.therapistId)!;
          const { date, time, weekday } = instantToZonedParts(slot.start, site.timeZone);
          expect(slot.end - slot.start).toBe(service.durationMinutes * MINUTE_MS);
          expect(date >= query.from && date <= query.to).toBe(true);
          expect(therapist.discipline).toBe(service.discipline);
          expect(missingCredentials(service, therapist.credentials, site.state, date)).toEqual([]);
          expect(site.closures.some((c) => c.startsOn <= date && date <= c.endsOn)).toBe(false);
          const hours = site.hours[String(weekday) as WeekdayKey].map((h) => ({ start: h.open, end: h.close }));
          expect(containedIn(localDayRanges(date, site.timeZone, hours), slot.start, slot.end)).toBe(true);
          expect(containedIn(shiftOf(therapist, site, date, weekday), slot.start, slot.end)).toBe(true);
          expect(slot.start).toBeGreaterThanOrEqual(query.now + query.minNoticeMinutes * MINUTE_MS);
          expect(slot.start).toBeLessThanOrEqual(query.now + query.horizonDays * DAY_MS);
          expect((Number(time.slice(0, 2)) * 60 + Number(time.slice(3))) % query.slotStepMinutes).toBe(0);
          if (query.weekdays) expect(query.weekdays).toContain(weekday);
          if (query.timeOfDay) {
            const band = TIME_OF_DAY_MINUTES[query.timeOfDay];
            const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
            expect(minutes >= band.from && minutes < band.to).toBe(true);
          }
          if (service.needsRoom) expect(site.rooms.some((r) => r.id === slot.roomId && r.active)).toBe(true);
          else expect(slot.roomId).toBeNull();
          for (const b of busy) {
            const theirs = (b.bufferAfterMinutes ?? service.bufferAfterMinutes) * MINUTE_MS;
            if (b.therapistId === slot.therapistId)
              expect(overlaps(slot.start, slot.end + buffer, b.start, b.end + theirs)).toBe(false);
            if (slot.roomId !== null && b.roomId === slot.roomId)
              expect(overlaps(slot.start, slot.end + buffer, b.start, b.end + theirs)).toBe(false);
            if (query.patientId && b.patientId === query.patientId)
              expect(overlaps(slot.start, slot.end, b.start, b.end)).toBe(false);
          }
          const verdict = checkBookable(
            {
              service,
              start: slot.start,
              therapistId: slot.therapistId,
              locationId: slot.locationId,
              patientId: query.patientId,
            },
            query,
            indexed,
          );
          expect(verdict).toEqual({ ok: true, roomId: slot.roomId, slot });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('misses no bookable grid start and ignores input order', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sites, therapists, busy, query }) => {
        const slots = findSlots(query, { sites, therapists, busy });
        expect(
          findSlots(query, {
            sites: [...sites].reverse(),
            therapists: [...therapists].reverse(),
            busy: [...busy].reverse(),
          }),
        ).toEqual(slots);
        const sorted = slots.every(
          (s, i) =>
            i === 0 ||
            s.start > slots[i - 1]!.start ||
            (s.start === slots[i - 1]!.start &&
              `${s.locationId} ${s.therapistId}` > `${slots[i - 1]!.locationId} ${slots[i - 1]!.therapistId}`),
        );
        expect(sorted).toBe(true);
        // Completeness: every start on the local grid of the first day (sampled to ≤ 48 per site) that
        // checkBookable accepts, and the filters allow, is offered with the same room.
        const indexed = { sites, therapists, busy: BusyIndex.from(busy) };
        const stride = Math.ceil(1440 / query.slotStepMinutes / 48) * query.slotStepMinutes;
        for (const site of sites) {
          for (let minutes = 0; minutes < 1440; minutes += stride) {
            const probe = zonedWallTimeToInstant(query.from, formatWallTime(minutes), site.timeZone);
            const { date, weekday } = instantToZonedParts(probe, site.timeZone);
            if (date !== query.from) continue;
            if (query.weekdays && !query.weekdays.includes(weekday)) continue;
            if (
              query.timeOfDay &&
              !(
                minutes >= TIME_OF_DAY_MINUTES[query.timeOfDay].from &&
                minutes < TIME_OF_DAY_MINUTES[query.timeOfDay].to
              )
            )
              continue;
            for (const t of therapists) {
              if (query.therapistId && t.therapistId !== query.therapistId) continue;
              const verdict = checkBookable(
                {
                  service: query.service,
                  start: probe,
                  therapistId: t.therapistId,
                  locationId: site.locationId,
                  patientId: query.patientId,
                },
                query,
                indexed,
              );
              if (verdict.ok) expect(slots).toContainEqual(verdict.slot);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('narrowed to one therapist at one site, finds exactly the full search’s slots for them', () => {
    // A refused booking's alternatives look at the wanted therapist and site alone first (services/booking).
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
        ({ sites, therapists, busy, query }, t, l) => {
          const therapistId = THERAPISTS[t]!;
          const locationId = LOCATIONS[l]!;
          const { therapistId: _only, ...everyone } = query;
          const full = findSlots(everyone, { sites, therapists, busy });
          const narrowed = findSlots(
            { ...everyone, therapistId, locationIds: [locationId] },
            { sites, therapists, busy },
          );
          expect(narrowed).toEqual(full.filter((s) => s.therapistId === therapistId && s.locationId === locationId));
        },
      ),
      { numRuns: 150 },
    );
  });
});
