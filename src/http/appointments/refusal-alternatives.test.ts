import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { countingDatabase } from '../../../test/support/counting-db.ts';
import { actorOf } from '../../../test/support/session-kit.ts';
import { bookAppointment, loadAround, localDateAt } from '../../services/booking/appointments.ts';
import { SlotUnavailableError } from '../../services/booking/errors.ts';
import { ALTERNATIVE_SEARCH_DAYS, ALTERNATIVES, rankNear, windowOf } from '../../services/booking/availability.ts';
import { findSlots } from '../../scheduling/index.ts';
import { findServiceAndRow, toServiceDef } from '../../services/booking/catalogue.ts';
import { bookingSettings } from '../../services/booking/settings.ts';
import { slotView } from '../../services/booking/views.ts';
import { addDays } from '../../time/index.ts';

const NOW = new Date('2026-11-20T18:00:00Z'); // Friday 10:00 in Los Angeles
const SERVICE = 'nmt-followup-60';
/** Part of the statement that reads every site's bookings unmerged (repos/schedule-data.ts, loadBusy). */
const EVERY_SITES_BOOKINGS = "date_part('epoch', lower(a.during))";
/** Part of the statement that reads busy time merged per lane (repos/busy-lanes.ts). */
const LANES = 'range_agg(span)';

// A refusal's alternatives are looked for in the therapist's own lanes first, in every site's lanes only when those
// have too few free times, and among every therapist's only when the therapist and the site have too few; whichever
// answers, they must be what ranking every free slot of every site and therapist puts first.
describe.each(BACKENDS)("a refused booking's alternatives on %s", (backend) => {
  const h = httpSuite(backend, { now: () => NOW, bookable: true });

  const booking = (start: string, patientId: string) => ({
    patientId,
    serviceCode: SERVICE,
    start,
    therapistId: h.world.therapists.a,
    locationId: h.world.sites.a,
  });

  /** What the search over every site and therapist around `start` offers first. */
  async function everywhere(start: string, patientId: string) {
    const { orgId, therapists, sites } = h.world;
    const found = await findServiceAndRow(h.db, orgId, SERVICE);
    const service = { ...toServiceDef(found!.service), isInitial: found!.service.isInitial, id: found!.service.id };
    const data = await loadAround(h.db, orgId, new Date(start), NOW);
    const at = Date.parse(start);
    const wanted = { start: at, therapistId: therapists.a, locationId: sites.a, patientId };
    const localDate = localDateAt(data, sites.a, at, 'America/Los_Angeles');
    const settings = await bookingSettings(h.db, orgId);
    // Every free slot in the search window, not the tiered search under test.
    const every = findSlots(
      {
        ...windowOf(settings, NOW),
        service,
        from: addDays(localDate, -ALTERNATIVE_SEARCH_DAYS),
        to: addDays(localDate, ALTERNATIVE_SEARCH_DAYS),
        patientId,
        slotStepMinutes: settings.slotStepMinutes,
      },
      data,
    );
    const slots = rankNear(every, wanted).slice(0, ALTERNATIVES);
    return JSON.parse(JSON.stringify(slots.map(slotView))) as unknown;
  }

  async function refusedAlternatives(start: string) {
    const res = await h.as('admin', 'POST', '/api/appointments', booking(start, h.world.patients.b));
    expect(res.statusCode).toBe(409);
    return (res.json() as { alternatives: unknown[] }).alternatives;
  }

  /**
   * How many reads of busy lanes the refusal of `start` made: the check's, the therapist's own days, and every
   * site's when those are not enough. Every site's bookings unmerged (loadAround) are never read for it.
   */
  async function lanesRead(start: string): Promise<number> {
    const counted = countingDatabase(h.db);
    const refusal = await bookAppointment({ db: counted, now: () => NOW }, actorOf(h.world, 'admin'), {
      ...booking(start, h.world.patients.b),
      start: new Date(start),
    }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(SlotUnavailableError);
    expect(counted.statements.filter((sql) => sql.includes(EVERY_SITES_BOOKINGS))).toEqual([]);
    return counted.statements.filter((sql) => sql.includes(LANES)).length;
  }

  it('offers the same five as a search of every site when the therapist has enough free times nearby', async () => {
    const start = '2026-11-25T17:00:00Z';
    expect((await h.as('front_desk', 'POST', '/api/appointments', booking(start, h.world.patients.a))).statusCode).toBe(
      201,
    );
    const offered = await refusedAlternatives(start);
    expect(offered).toHaveLength(5);
    expect(offered).toEqual(await everywhere(start, h.world.patients.b));
    expect(await lanesRead(start)).toBe(2);
  });

  it('looks at every site when the therapist has under five free times near, and offers what it finds', async () => {
    // 75 minutes apart (a visit and its 10-minute turnover, on the 15-minute grid) from 08:00 to 17:45 local: no hour
    // is left free on the days around the wanted time, but the last day keeps its last 75 minutes (two starts).
    const local = ['16:00', '17:15', '18:30', '19:45', '21:00', '22:15', '23:30'];
    const starts: string[] = [];
    for (const day of [
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]) {
      starts.push(...local.map((t) => `${day}T${t}:00Z`));
      if (day !== '2026-12-05') starts.push(`${addDays(day, 1)}T00:45:00Z`);
    }
    for (const start of starts) {
      const res = await h.as('front_desk', 'POST', '/api/appointments', booking(start, h.world.patients.a));
      expect(res.statusCode, start).toBe(201);
    }
    const start = '2026-12-02T18:30:00Z';
    const offered = await refusedAlternatives(start);
    expect(offered).toEqual(await everywhere(start, h.world.patients.b));
    expect((offered as { start: string }[]).map((s) => s.start)).toEqual([
      '2026-12-06T00:45:00.000Z',
      '2026-12-06T01:00:00.000Z',
    ]);
    expect(await lanesRead(start)).toBe(3);
  });

  it("offers another therapist's free times at the site before anyone's elsewhere", async () => {
    // Therapist b, until now only at site b and not certified, now also works at site a with the certificate.
    const { orgId, therapists, sites } = h.world;
    await h.db.query(
      `INSERT INTO credentials (org_id, therapist_id, kind, type, issuer, number, issued_on, expires_on)
       VALUES ($1, $2, 'certification', 'CNMT', 'NMT Center', 'CNMT-2', '2019-01-01', NULL)`,
      [orgId, therapists.b],
    );
    await h.db.query(
      'INSERT INTO therapist_locations (org_id, therapist_id, location_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [orgId, therapists.b, sites.a],
    );
    await h.db.query(
      `INSERT INTO shift_templates (org_id, therapist_id, location_id, weekday, start_time, end_time)
       SELECT $1, $2, $3, d, '12:00', '14:00' FROM generate_series(0, 6) d`,
      [orgId, therapists.b, sites.a],
    );
    // Therapist a's days around the wanted time are booked (the test before), all but the last 75 minutes of one.
    const start = '2026-12-02T18:30:00Z';
    const offered = (await refusedAlternatives(start)) as { therapistId: string; locationId: string }[];
    expect(offered).toEqual(await everywhere(start, h.world.patients.b));
    expect(offered).toHaveLength(5);
    expect(offered.slice(0, 2).map((s) => s.therapistId)).toEqual([therapists.a, therapists.a]);
    expect(offered.slice(2).map((s) => [s.therapistId, s.locationId])).toEqual(
      Array.from({ length: 3 }, () => [therapists.b, sites.a]),
    );
    expect(await lanesRead(start)).toBe(3);
  });
});
