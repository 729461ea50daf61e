import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSlots, type ServiceDef } from '../../scheduling/index.ts';
import { merge, type Interval } from '../../scheduling/intervals.ts';
import { serviceByCode } from '../../scheduling/services.ts';
import type { Database } from '../../store/database.ts';
import { loadBusy } from '../../store/repos/schedule-data.ts';
import { loadBusyLanes, type BusyLane } from '../../store/repos/busy-lanes.ts';
import { readScheduleStamp } from '../../store/repos/schedule-versions.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { makeBookable } from '../../../test/support/booking-world.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import { loadForAvailability } from './availability-loader.ts';
import { ensureServiceRow, findService } from './catalogue.ts';
import { loadSchedule } from './loader.ts';

const NOW = new Date('2026-11-20T18:00:00Z');
const FROM = new Date('2026-11-21T00:00:00Z');
const TO = new Date('2026-11-30T00:00:00Z');

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const pairs = (spans: readonly number[]): Interval[] => {
  const out: Interval[] = [];
  for (let i = 0; i < spans.length; i += 2) out.push({ start: spans[i]!, end: spans[i + 1]! });
  return out;
};

describe.each(BACKENDS)('availability loader on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let rooms: { roomsA: string[]; roomB: string };
  let allRooms: string[];
  let laneTherapists: string[];
  let patients: string[];
  let moved: string;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    rooms = await makeBookable(db, world);
    const { orgId, sites, therapists } = world;
    allRooms = [...rooms.roomsA, rooms.roomB];
    laneTherapists = [therapists.a, therapists.b];
    patients = [world.patients.a, world.patients.b];
    // Blake qualifies for NMT too, so both therapists' lanes matter.
    await db.query(
      `INSERT INTO credentials (org_id, therapist_id, kind, type, issuer, number, issued_on, expires_on)
       VALUES ($1, $2, 'certification', 'CNMT', 'NMT Center', 'CNMT-2', '2019-01-01', NULL)`,
      [orgId, therapists.b],
    );
    await ensureServiceRow(db, orgId, (await findService(db, orgId, 'nmt-followup-60'))!);
    // Bookings that overlap in room, touch back to back, carry different turnovers, some cancelled;
    // the exclusion constraints drop any that collide (ON CONFLICT DO NOTHING).
    const next = random(7);
    for (let i = 0; i < 160; i++) {
      const t = Math.floor(next() * 2);
      const day = Date.UTC(2026, 10, 21 + Math.floor(next() * 9));
      const start = new Date(day + (15 * 60 + Math.floor(next() * 130) * 5) * 60_000);
      const minutes = [30, 45, 60, 90][Math.floor(next() * 4)]!;
      const buffer = [0, 5, 10, 15][Math.floor(next() * 4)]!;
      const room = next() < 0.2 ? null : t === 0 ? rooms.roomsA[Math.floor(next() * 2)]! : rooms.roomB;
      const status = next() < 0.15 ? 'cancelled' : 'booked';
      await db.query(
        `INSERT INTO appointments (org_id, patient_id, therapist_id, location_id, room_id, service_code, status,
          during, blocks)
         VALUES ($1, $2, $3, $4, $5, 'nmt-followup-60', $6, tstzrange($7::timestamptz,
         $7::timestamptz + make_interval(mins => $8::int)),
                 tstzrange($7::timestamptz, $7::timestamptz + make_interval(mins => $8::int + $9::int)))
         ON CONFLICT DO NOTHING`,
        [
          orgId,
          patients[Math.floor(next() * 2)],
          laneTherapists[t],
          t === 0 ? sites.a : sites.b,
          room,
          status,
          start,
          minutes,
          buffer,
        ],
      );
    }
    moved = (
      await db.query<{ id: string }>(
        `SELECT id FROM appointments WHERE org_id = $1 AND occupies ORDER BY lower(during) LIMIT 1 OFFSET 5`,
        [orgId],
      )
    )[0]!.id;
    // Holds: one live, one expired, one withdrawn; only the live one blocks.
    const [entry] = await db.query<{ id: string }>(
      `INSERT INTO waitlist_entries (org_id, patient_id, service_code, location_ids, earliest, latest)
       VALUES ($1, $2, 'nmt-followup-60', ARRAY[$3::uuid], '2026-11-21', '2026-11-30') RETURNING id`,
      [orgId, world.patients.a, sites.a],
    );
    const hold = (startIso: string, expires: string, status: string) =>
      db.query(
        `INSERT INTO holds (org_id, waitlist_entry_id, patient_id, therapist_id, location_id, room_id, service_code,
          during, blocks, expires_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'nmt-followup-60', tstzrange($7::timestamptz,
         $7::timestamptz + interval '1 hour'),
                 tstzrange($7::timestamptz, $7::timestamptz + interval '70 minutes'), $8, $9)`,
        [orgId, entry!.id, world.patients.a, therapists.a, sites.a, rooms.roomsA[0], startIso, expires, status],
      );
    // Early mornings UTC are clear of the generated bookings (they start at 15:00Z or later).
    await hold('2026-11-24T13:00:00Z', '2026-11-21T00:00:00Z', 'offered');
    await hold('2026-11-25T13:00:00Z', '2026-11-20T12:00:00Z', 'offered');
    await hold('2026-11-26T13:00:00Z', '2026-11-21T00:00:00Z', 'withdrawn');
  });
  afterAll(async () => {
    await drop();
  });

  /** The lanes as the general loader's raw rows would give them, merged in JavaScript. */
  async function expectedLanes(exclude?: string): Promise<Map<string, Interval[]>> {
    const raw = (await loadBusy(db, world.orgId, FROM, TO, NOW)).filter((b) => b.appointmentId !== exclude);
    const lanes = new Map<string, Interval[]>();
    const add = (key: string, interval: Interval) => lanes.set(key, [...(lanes.get(key) ?? []), interval]);
    for (const b of raw) {
      const blocks = { start: b.start, end: b.end + b.bufferAfterMinutes * 60_000 };
      add(`therapist:${b.therapistId}`, blocks);
      if (b.roomId) add(`room:${b.roomId}`, blocks);
      if (b.patientId === world.patients.a) add(`patient:${b.patientId}`, { start: b.start, end: b.end });
    }
    return new Map([...lanes].map(([key, list]) => [key, merge(list)]));
  }

  const byKey = (lanes: BusyLane[]) => new Map(lanes.map((lane) => [`${lane.kind}:${lane.id}`, pairs(lane.spans)]));

  it('merges each therapist, room and patient lane exactly as the raw bookings would', async () => {
    const { lanes } = await loadBusyLanes(db, world.orgId, {
      from: FROM,
      to: TO,
      now: NOW,
      therapistIds: laneTherapists,
      roomIds: allRooms,
      patientId: world.patients.a,
    });
    const expected = await expectedLanes();
    expect(byKey(lanes)).toEqual(expected);
    // Not vacuous: every lane kind is present and merging did join bookings.
    expect(new Set(lanes.map((l) => l.kind))).toEqual(new Set(['therapist', 'room', 'patient']));
    const raw = await loadBusy(db, world.orgId, FROM, TO, NOW);
    const therapistSpans = lanes.filter((l) => l.kind === 'therapist').reduce((n, l) => n + l.spans.length / 2, 0);
    expect(therapistSpans).toBeLessThan(raw.length);
    // The live hold blocks; the expired and withdrawn ones do not.
    const avery = byKey(lanes).get(`therapist:${world.therapists.a}`)!;
    const at = (iso: string) => avery.some((i) => i.start <= Date.parse(iso) && Date.parse(iso) < i.end);
    expect(at('2026-11-24T13:30:00Z')).toBe(true);
    expect(at('2026-11-25T13:30:00Z')).toBe(false);
    expect(at('2026-11-26T13:30:00Z')).toBe(false);
  });

  it('loads only the lanes asked for and leaves out the appointment being moved', async () => {
    const only = await loadBusyLanes(db, world.orgId, {
      from: FROM,
      to: TO,
      now: NOW,
      therapistIds: [world.therapists.b],
      roomIds: [],
    });
    expect(only.lanes.map((l) => `${l.kind}:${l.id}`)).toEqual([`therapist:${world.therapists.b}`]);
    // No lane asked for: none read, but the stamp still comes, as it does with every read of lanes.
    const stamp = await readScheduleStamp(db, world.orgId);
    expect(only.stamp).toBe(stamp);
    expect(
      await loadBusyLanes(db, world.orgId, { from: FROM, to: TO, now: NOW, therapistIds: [], roomIds: [] }),
    ).toEqual({ lanes: [], stamp });
    const { lanes: without } = await loadBusyLanes(db, world.orgId, {
      from: FROM,
      to: TO,
      now: NOW,
      therapistIds: laneTherapists,
      roomIds: allRooms,
      patientId: world.patients.a,
      excludeAppointmentId: moved,
    });
    const expected = await expectedLanes(moved);
    expect(byKey(without)).toEqual(expected);
    expect(expected).not.toEqual(await expectedLanes());
  });

  it('gives the engine exactly the slots the general loader gives it', async () => {
    const followUp = serviceByCode('nmt-followup-60')!;
    const cases: Array<{
      name: string;
      service: ServiceDef;
      locationIds?: string[];
      therapistId?: string;
      patientId?: string;
    }> = [
      { name: 'room service, every site', service: followUp },
      { name: 'long initial visit', service: serviceByCode('nmt-initial-90')! },
      { name: 'no room needed', service: { ...followUp, needsRoom: false } },
      { name: 'one site', service: followUp, locationIds: [world.sites.b] },
      { name: 'one therapist', service: followUp, therapistId: world.therapists.a },
      { name: 'as the patient', service: serviceByCode('nmt-followup-30')!, patientId: world.patients.a },
    ];
    const from = '2026-11-21';
    const to = '2026-11-29';
    const window = { now: NOW.getTime(), minNoticeMinutes: 120, horizonDays: 90, slotStepMinutes: 15 };
    for (const c of cases) {
      const query = {
        ...window,
        service: c.service,
        from,
        to,
        locationIds: c.locationIds,
        therapistId: c.therapistId,
        patientId: c.patientId,
      };
      const general = await loadSchedule(db, world.orgId, {
        from,
        to,
        now: NOW,
        locationIds: c.locationIds,
        discipline: c.service.discipline,
        therapistId: c.therapistId,
      });
      const fast = await loadForAvailability(db, world.orgId, {
        from,
        to,
        now: NOW,
        locationIds: c.locationIds,
        discipline: c.service.discipline,
        therapistId: c.therapistId,
        needsRoom: c.service.needsRoom,
        bufferAfterMinutes: c.service.bufferAfterMinutes,
        patientId: c.patientId,
      });
      const expected = findSlots(query, general);
      expect(findSlots(query, fast), c.name).toEqual(expected);
      // The bookings matter: without them there would be more slots.
      expect(expected.length, c.name).toBeGreaterThan(0);
      expect(findSlots(query, { ...general, busy: [] }).length, c.name).toBeGreaterThan(expected.length);
    }
  });

  it('reads the lanes of the therapists who work at the wanted sites, and of one asked for by name', async () => {
    const { therapists, sites } = world;
    const followUp = serviceByCode('nmt-followup-60')!;
    /** The therapists whose lanes one load read (the statement's therapist list). */
    async function laned(request: { locationIds?: string[]; therapistId?: string }): Promise<string[]> {
      let asked: string[] = [];
      const watching: Database = {
        ...db,
        query: (sql, params) => {
          if (sql.includes('range_agg')) {
            const ids = params?.find((p) => Array.isArray(p) && p.some((id) => Object.values(therapists).includes(id)));
            asked = [...((ids as string[] | undefined) ?? [])].sort();
          }
          return db.query(sql, params);
        },
      };
      await loadForAvailability(watching, world.orgId, {
        from: '2026-11-21',
        to: '2026-11-29',
        now: NOW,
        discipline: followUp.discipline,
        needsRoom: true,
        bufferAfterMinutes: followUp.bufferAfterMinutes,
        ...request,
      });
      return asked;
    }
    // Avery works at site A only, Blake at site B only (makeBookable).
    expect(await laned({ locationIds: [sites.a] })).toEqual([therapists.a]);
    expect(await laned({ locationIds: [sites.b] })).toEqual([therapists.b]);
    expect(await laned({ locationIds: [sites.a, sites.b] })).toEqual([therapists.a, therapists.b].sort());
    expect(await laned({})).toEqual([therapists.a, therapists.b].sort());
    // Named, a therapist's lane is read at a site they do not work at: a booking's check says why it is refused.
    expect(await laned({ locationIds: [sites.b], therapistId: therapists.a })).toEqual([therapists.a]);
  });
});
