import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { verifyPassword } from '../services/auth/password.ts';
import { ConflictError, ValidationError } from '../services/errors.ts';
import type { Database } from '../store/database.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from './accounts.ts';
import { ensureDemo, seedDemo, type DemoSummary } from './seed.ts';

const TODAY = '2026-11-26';
const PATIENTS = 300;

type TestDb = { db: Database; drop: () => Promise<void> };

const patientFingerprint = (db: Database) =>
  db.query<{ given_name: string; family_name: string; date_of_birth: string }>(
    'SELECT given_name, family_name, date_of_birth FROM patients ORDER BY id',
  );

describe.each(BACKENDS)('demo organisation on %s', (backend) => {
  let t: TestDb;
  let twin: TestDb;
  let summary: DemoSummary;
  const progress: [number, number][] = [];
  beforeAll(async () => {
    [t, twin] = await Promise.all([createTestDatabase(backend), createTestDatabase(backend)]);
    summary = await seedDemo(t.db, {
      seed: 11,
      patients: PATIENTS,
      today: TODAY,
      onProgress: (done, total) => progress.push([done, total]),
    });
  });
  afterAll(() => Promise.all([t.drop(), twin.drop()]));

  const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;

  it('creates the demo organisation with eight sites, their rooms, hours and holiday closures', async () => {
    expect(await one('SELECT name, slug, is_demo FROM organizations')).toEqual({
      name: 'Knotwork Demo Clinics',
      slug: 'demo',
      is_demo: true,
    });
    const sites = await t.db.query<{
      city: string;
      state: string;
      time_zone: string;
      rooms: number;
      hours: Record<string, unknown>;
    }>(
      `SELECT l.city, l.state, l.time_zone, l.hours, (SELECT count(*)::int FROM rooms r
        WHERE r.location_id = l.id) AS rooms
         FROM locations l ORDER BY l.city`,
    );
    expect(sites.map((s) => s.city)).toEqual([
      'Beaverton',
      'Gresham',
      'Happy Valley',
      'Hillsboro',
      'Portland',
      'Salem',
      'Vancouver',
      'Woodburn',
    ]);
    expect(sites.find((s) => s.city === 'Vancouver')!.state).toBe('WA');
    for (const site of sites) {
      expect(site.time_zone).toBe('America/Los_Angeles');
      expect(site.rooms).toBeGreaterThanOrEqual(2);
      expect(site.rooms).toBeLessThanOrEqual(4);
      expect(site.hours['1']).toBeDefined(); // open on Mondays
      expect(site.hours['0']).toBeUndefined(); // closed on Sundays
    }
    const closed = await one<{ n: number }>(
      `SELECT count(DISTINCT location_id)::int AS n FROM location_closures WHERE starts_on = '2026-11-26'
        AND reason = 'Thanksgiving Day'`,
    );
    expect(closed.n).toBe(8);
    expect(summary.locations).toBe(8);
  });

  it('staffs every site with therapists at one to three sites each, several disciplines', async () => {
    const therapists = await t.db.query<{ discipline: string; sites: number }>(
      `SELECT p.discipline, count(pl.location_id)::int AS sites FROM therapists p
         JOIN therapist_locations pl ON pl.therapist_id = p.id GROUP BY p.org_id, p.id`,
    );
    expect(therapists).toHaveLength(30);
    for (const therapist of therapists) expect(therapist.sites).toBeGreaterThanOrEqual(1);
    for (const therapist of therapists) expect(therapist.sites).toBeLessThanOrEqual(3);
    expect(new Set(therapists.map((x) => x.discipline))).toEqual(
      new Set(['nmt', 'chiropractic', 'acupuncture', 'corrective-exercise']),
    );
    const unstaffed = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM locations l WHERE NOT EXISTS (
         SELECT 1 FROM therapist_locations pl JOIN therapists p ON p.id = pl.therapist_id
          WHERE pl.location_id = l.id AND p.discipline = 'nmt')`,
    );
    expect(unstaffed.n).toBe(0);
  });

  it('gives massage therapists the licences of the states they work in, with enough education hours', async () => {
    const withoutWa = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM therapists p
         JOIN therapist_locations pl ON pl.therapist_id = p.id JOIN locations l ON l.id = pl.location_id
        WHERE l.state = 'WA' AND p.discipline IN ('nmt', 'corrective-exercise') AND NOT EXISTS (
          SELECT 1 FROM credentials c WHERE c.therapist_id = p.id AND c.type = 'LMT' AND c.issuer = 'WA')`,
    );
    expect(withoutWa.n).toBe(0);
    const shortOregon = await one<{ n: number; total: number }>(
      `SELECT count(*) FILTER (WHERE education_hours IS NULL OR education_hours < 625)::int AS n, count(*)::int AS total
         FROM credentials WHERE type = 'LMT' AND issuer = 'OR'`,
    );
    expect(shortOregon.total).toBeGreaterThan(20);
    expect(shortOregon.n).toBe(0);
    const cnmt = await one<{ n: number }>("SELECT count(*)::int AS n FROM credentials WHERE type = 'CNMT'");
    expect(cnmt.n).toBeGreaterThan(12);
  });

  it('has exactly one therapist with an expired licence and some credentials expiring within 60 days', async () => {
    const expired = await one<{ n: number }>(
      'SELECT count(DISTINCT therapist_id)::int AS n FROM credentials WHERE kind = $1 AND expires_on < $2',
      ['licence', TODAY],
    );
    expect(expired.n).toBe(1);
    const expiring = await one<{ n: number }>(
      'SELECT count(*)::int AS n FROM credentials WHERE expires_on >= $1::date AND expires_on <= $1::date + 60',
      [TODAY],
    );
    expect(expiring.n).toBeGreaterThanOrEqual(2);
    expect(summary.expiredLicences).toBe(1);
    expect(summary.credentialsExpiringSoon).toBe(expiring.n);
    const ce = await one<{ n: number }>('SELECT count(DISTINCT therapist_id)::int AS n FROM continuing_education');
    expect(ce.n).toBeGreaterThan(20);
  });

  it('creates the demo logins with their roles and sites, all sharing the demo password', async () => {
    const users = await t.db.query<{ email: string; role: string; password_hash: string; sites: string[] }>(
      `SELECT u.email, u.role, u.password_hash,
              array(SELECT l.slug FROM user_locations ul JOIN locations l ON l.id = ul.location_id
                     WHERE ul.user_id = u.id ORDER BY l.slug) AS sites
         FROM users u`,
    );
    for (const login of DEMO_LOGINS) {
      const user = users.find((u) => u.email === login.email);
      expect(user?.role).toBe(login.role);
      if (login.role !== 'admin' && login.role !== 'patient') expect(user?.sites).toEqual([...login.sites].sort());
    }
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    expect(await verifyPassword(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(users.filter((u) => u.role === 'front_desk')).toHaveLength(8);
    expect(
      users.filter((u) => u.role === 'therapist' && /^[a-z0-9]+\.[a-z0-9]+@demo\.knotwork\.test$/.test(u.email)),
    ).toHaveLength(29);
  });

  it("links the demo therapist and patient, and fills the therapist's list", async () => {
    const therapist = await one<{ patients: number; licences_current: boolean }>(
      `SELECT (SELECT count(*)::int FROM care_relationships c WHERE c.therapist_id = u.therapist_id
        AND c.ended_on IS NULL) AS patients,
              NOT EXISTS (SELECT 1 FROM credentials c WHERE c.therapist_id = u.therapist_id
                           AND c.expires_on <= $1::date + 60) AS licences_current
         FROM users u WHERE u.email = 'therapist@demo.knotwork.test'`,
      [TODAY],
    );
    expect(therapist.patients).toBeGreaterThanOrEqual(10);
    expect(therapist.licences_current).toBe(true);
    const patient = await one<{ site: string; in_care: boolean }>(
      `SELECT l.slug AS site, EXISTS (SELECT 1 FROM care_relationships c JOIN users t ON t.therapist_id = c.therapist_id
                                       WHERE c.patient_id = p.id
                                       AND t.email = 'therapist@demo.knotwork.test') AS in_care
         FROM users u JOIN patients p ON p.id = u.patient_id JOIN locations l ON l.id = p.preferred_location_id
        WHERE u.email = 'patient@demo.knotwork.test'`,
    );
    expect(patient).toEqual({ site: 'beaverton', in_care: true });
  });

  it('records patients with sex at birth and gender identity apart, contact details and a site', async () => {
    const stats = await one<{
      n: number;
      differs: number;
      pronouns: number;
      no_site: number;
      no_phone: number;
      care_elsewhere: number;
    }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE (sex_at_birth = 'female' AND gender_identity NOT IN ('woman'))
                                  OR (sex_at_birth = 'male' AND gender_identity NOT IN ('man')))::int AS differs,
              count(pronouns)::int AS pronouns,
              count(*) FILTER (WHERE preferred_location_id IS NULL)::int AS no_site,
              count(*) FILTER (WHERE phone_digits IS NULL OR address IS NULL)::int AS no_phone,
              (SELECT count(*)::int FROM care_relationships c JOIN patients p2 ON p2.id = c.patient_id
                WHERE NOT EXISTS (SELECT 1 FROM therapist_locations pl
                                   WHERE pl.therapist_id = c.therapist_id
                                   AND pl.location_id = p2.preferred_location_id)) AS care_elsewhere
         FROM patients`,
    );
    expect(stats.n).toBe(PATIENTS);
    expect(stats.differs).toBeGreaterThan(0);
    expect(stats.pronouns).toBeGreaterThan(0);
    expect(stats).toMatchObject({ no_site: 0, no_phone: 0, care_elsewhere: 0 });
  });

  it('reports progress up to the total', () => {
    expect(progress.at(-1)).toEqual([PATIENTS, PATIENTS]);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
  });

  it('refuses to create a second demo organisation', async () => {
    await expect(seedDemo(t.db, { seed: 11, patients: 20, today: TODAY })).rejects.toBeInstanceOf(ConflictError);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM patients')).n).toBe(PATIENTS);
    expect(await ensureDemo(t.db, { today: TODAY })).toBe(false);
  });

  it('rejects options it cannot honour', async () => {
    await expect(seedDemo(twin.db, { seed: -1, patients: 5, today: '2026-02-30' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("seeds payers, and four desk patients' coverages: auto PIP, workers' comp, health plan, self-pay", async () => {
    const payers = await t.db.query<{ kind: string }>('SELECT kind FROM payers ORDER BY name');
    expect(payers.map((p) => p.kind).sort()).toEqual(['auto', 'commercial', 'medicare', 'workers-comp']);
    const covered = await t.db.query<{ type: string; site: string; demo_patient: boolean }>(
      `SELECT c.type, l.slug AS site, EXISTS (SELECT 1 FROM users u WHERE u.patient_id = c.patient_id) AS demo_patient
         FROM coverages c JOIN patients p ON p.id = c.patient_id JOIN locations l ON l.id = p.preferred_location_id
        ORDER BY c.type`,
    );
    // At the demo desk's site, so the desk sees them; the demo patient's insurance walkthrough starts without.
    expect(covered).toEqual(
      ['auto-pip', 'commercial', 'self-pay', 'workers-comp'].map((type) => ({
        type,
        site: 'beaverton',
        demo_patient: false,
      })),
    );
  });

  it('gives the same patients for the same seed (ensureDemo on an empty database)', async () => {
    expect(await ensureDemo(twin.db, { today: TODAY, seed: 11, patients: PATIENTS })).toBe(true);
    expect(await patientFingerprint(twin.db)).toEqual(await patientFingerprint(t.db));
    const coverage = (db: Database) =>
      db.query('SELECT id, patient_id, payer_id, type, member_id, date_of_injury::text FROM coverages ORDER BY id');
    expect(await coverage(twin.db)).toEqual(await coverage(t.db));
  });
});

describe('demo seeds differ', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
  });
  afterAll(() => t.drop());

  it('gives other patients for another seed', async () => {
    await seedDemo(t.db, { seed: 12, patients: 50, today: TODAY });
    const other = await patientFingerprint(t.db);
    const names = new Set(other.map((p) => `${p.given_name} ${p.family_name} ${p.date_of_birth}`));
    expect(other).toHaveLength(50);
    // Names and birth dates coincide between seeds only by chance.
    const reference = await createTestDatabase('pglite');
    try {
      await seedDemo(reference.db, { seed: 11, patients: 50, today: TODAY });
      const same = (await patientFingerprint(reference.db)).filter((p) =>
        names.has(`${p.given_name} ${p.family_name} ${p.date_of_birth}`),
      );
      expect(same.length).toBeLessThan(3);
    } finally {
      await reference.drop();
    }
  });
});
