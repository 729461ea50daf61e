import { z } from 'zod';
import { hashPassword } from '../services/auth/password.ts';
import { ConflictError, ValidationError, fieldsFromIssues } from '../services/errors.ts';
import { countOrganizations, createOrganization } from '../services/organizations.ts';
import { analyzeAll } from '../store/statistics.ts';
import type { Database, Queryable } from '../store/database.ts';
import {
  DEMO_LOGINS,
  DEMO_ORG_NAME,
  DEMO_ORG_SLUG,
  DEMO_PASSWORD,
  frontDeskEmail,
  type DemoLogin,
} from './accounts.ts';
import { careFor, teamsBySite, type CareRelationshipRow } from './care.ts';
import { addDays, isIsoDate } from '../time/index.ts';
import { insertRows, INSERT_BATCH_SIZE } from './insert.ts';
import { FAMILY_NAMES, FEMALE_GIVEN, MALE_GIVEN } from './names.ts';
import { buildPatient, DEMO_THERAPIST_PATIENTS, type PatientRow } from './patients.ts';
import { createRandom, demoUuid, deriveSeed } from './random.ts';
import { DEMO_SITES, holidayClosures, TIME_ZONE } from './sites.ts';
import { buildStaff, DEMO_THERAPIST_INDEX, type Staff } from './staff.ts';
import { seedSchedule } from './schedule.ts';
import { DEMO_COVERED_PATIENTS, insertDemoCoverage } from './coverage.ts';
import { insertDemoBilling } from './billing.ts';
import { buildDemoEpisodes, type DemoEpisodePatient } from './episodes.ts';
import { rebuildOutcomeRows } from '../services/outcomes/refresh.ts';

export const DEFAULT_DEMO_PATIENTS = 300;
export const DEFAULT_DEMO_SEED = 1;
export const MAX_DEMO_PATIENTS = 1_000_000;

const seedOptions = z.object({
  seed: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be ≥ 0')
    .max(2 ** 32 - 1, 'must fit in 32 bits'),
  patients: z
    .number()
    .int('must be a whole number')
    .min(DEMO_THERAPIST_PATIENTS, `must be at least ${DEMO_THERAPIST_PATIENTS}`)
    .max(MAX_DEMO_PATIENTS, `must be at most ${MAX_DEMO_PATIENTS}`),
  today: z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD'),
});

export interface SeedDemoOptions {
  seed: number;
  patients: number;
  /** The calendar date the demo is built around (credentials expire relative to it). */
  today: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  orgId: string;
  slug: string;
  name: string;
  locations: number;
  rooms: number;
  closures: number;
  therapists: number;
  credentials: number;
  /** Credentials that expire within 60 days of `today` (still valid today). */
  credentialsExpiringSoon: number;
  /** Licences already expired on `today`. */
  expiredLicences: number;
  users: number;
  patients: number;
  careRelationships: number;
  /** Episodes of care charted (assessment, plan, signed notes, scores), and their outcome rows. */
  episodes: number;
  password: string;
  logins: DemoLogin[];
}

/**
 * Creates the demo organisation in one transaction: all of it, or nothing. Deterministic for a
 * given seed and today (ids included). Appointments carry timestamps on the demo's calendar; other
 * rows' created_at comes from the database.
 * Refuses (ConflictError) when an organisation with slug "demo" exists.
 */
export async function seedDemo(db: Database, options: SeedDemoOptions): Promise<DemoSummary> {
  const parsed = seedOptions.safeParse(options);
  if (!parsed.success) throw new ValidationError(fieldsFromIssues(parsed.error.issues));
  const { seed, patients: patientCount, today } = parsed.data;
  // Hashed once and shared by every demo account: argon2id is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const summary = await db.transaction(async (tx) => {
    const org = await createOrganization(tx, {
      name: DEMO_ORG_NAME,
      slug: DEMO_ORG_SLUG,
      isDemo: true,
      timeZone: TIME_ZONE,
    });
    const locationIds = new Map(DEMO_SITES.map((site, i) => [site.slug, demoUuid(seed, 'location', i)]));
    const sites = await insertSites(tx, seed, today, org.id, locationIds);

    const staff = buildStaff(seed, today, org.id, locationIds);
    await insertRows(
      tx,
      'therapists',
      staff.therapists.map((therapist) => therapist.row),
    );
    await insertRows(tx, 'therapist_locations', staff.therapistLocations);
    await insertRows(tx, 'credentials', staff.credentials);
    await insertRows(tx, 'continuing_education', staff.continuingEducation);

    const { firstPatientId, careRelationships } = await insertPatients(tx, {
      seed,
      today,
      orgId: org.id,
      staff,
      patientCount,
      locationIds,
      onProgress: options.onProgress,
    });
    const users = await insertUsers(tx, { seed, orgId: org.id, passwordHash, staff, locationIds, firstPatientId });
    await seedSchedule(tx, { orgId: org.id, seed, today });
    const episodes = await insertEpisodes(tx, {
      seed,
      today,
      orgId: org.id,
      demoTherapistId: staff.therapists[DEMO_THERAPIST_INDEX]!.row.id,
    });

    const payers = await insertDemoCoverage(tx, {
      seed,
      orgId: org.id,
      today,
      patientIds: await coveredPatients(tx, org.id, locationIds.get('beaverton')!, staff, firstPatientId),
    });
    await insertDemoBilling(tx, {
      seed,
      orgId: org.id,
      today,
      therapistIds: staff.therapists.map((t) => t.row.id),
      payers,
    });
    const expiringBy = addDays(today, 60);
    return {
      orgId: org.id,
      slug: org.slug,
      name: org.name,
      ...sites,
      therapists: staff.therapists.length,
      credentials: staff.credentials.length,
      credentialsExpiringSoon: staff.credentials.filter(
        (c) => c.expires_on && c.expires_on >= today && c.expires_on <= expiringBy,
      ).length,
      expiredLicences: staff.credentials.filter((c) => c.kind === 'licence' && c.expires_on && c.expires_on < today)
        .length,
      users,
      patients: patientCount,
      careRelationships,
      episodes,
      password: DEMO_PASSWORD,
      logins: [...DEMO_LOGINS],
    };
  });
  // Thousands of rows arrived at once; the planner needs to know (PGlite has no autovacuum).
  await analyzeAll(db);
  return summary;
}

/**
 * Seeds the demo only into a database that holds no organisation at all (a first start), so a
 * production database is never touched. Returns whether it seeded.
 */
export async function ensureDemo(
  db: Database,
  options: { today: string; seed?: number; patients?: number; onProgress?: (done: number, total: number) => void },
): Promise<boolean> {
  if ((await countOrganizations(db)) > 0) return false;
  try {
    await seedDemo(db, {
      today: options.today,
      seed: options.seed ?? DEFAULT_DEMO_SEED,
      patients: options.patients ?? DEFAULT_DEMO_PATIENTS,
      onProgress: options.onProgress,
    });
    return true;
  } catch (err) {
    // Another instance seeded it first.
    if (err instanceof ConflictError) return false;
    throw err;
  }
}

async function insertSites(
  tx: Queryable,
  seed: number,
  today: string,
  orgId: string,
  locationIds: Map<string, string>,
) {
  const locations = DEMO_SITES.map((site) => ({
    id: locationIds.get(site.slug)!,
    org_id: orgId,
    name: site.name,
    slug: site.slug,
    address_line1: site.addressLine1,
    address_line2: site.addressLine2,
    city: site.city,
    state: site.state,
    postal_code: site.postalCode,
    country: 'US',
    phone: site.phone,
    time_zone: TIME_ZONE,
    hours: site.hours,
  }));
  const rooms = DEMO_SITES.flatMap((site, siteIndex) =>
    Array.from({ length: site.rooms }, (_, r) => ({
      id: demoUuid(seed, 'room', siteIndex * 10 + r),
      org_id: orgId,
      location_id: locationIds.get(site.slug)!,
      name: `Treatment room ${r + 1}`,
    })),
  );
  const holidays = holidayClosures(today);
  const closures = DEMO_SITES.flatMap((site) =>
    holidays.map((holiday) => ({ location_id: locationIds.get(site.slug)!, ...holiday })),
  );
  // One site-specific closure, so the calendar shows that closures are per site.
  closures.push({
    location_id: locationIds.get('salem')!,
    startsOn: addDays(today, 24),
    endsOn: addDays(today, 26),
    reason: 'Floor refinishing',
  });
  const closureRows = closures.map((closure, i) => ({
    id: demoUuid(seed, 'closure', i),
    org_id: orgId,
    location_id: closure.location_id,
    starts_on: closure.startsOn,
    ends_on: closure.endsOn,
    reason: closure.reason,
  }));
  await insertRows(tx, 'locations', locations);
  await insertRows(tx, 'rooms', rooms);
  await insertRows(tx, 'location_closures', closureRows);
  return { locations: locations.length, rooms: rooms.length, closures: closureRows.length };
}

interface PatientPlan {
  seed: number;
  today: string;
  orgId: string;
  staff: Staff;
  patientCount: number;
  locationIds: Map<string, string>;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The patients given a coverage: of the demo desk's site and not the demo patient, whose own insurance
 * walkthrough starts empty; those outside the demo therapist's care first, so the therapist's
 * walkthroughs mostly meet patients without one; then those with a diagnosis charted, so their next
 * signed visit can be billed.
 */
async function coveredPatients(
  tx: Queryable,
  orgId: string,
  siteId: string,
  staff: Staff,
  demoPatientId: string,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT p.id FROM patients p
      WHERE p.org_id = $1 AND p.preferred_location_id = $2 AND p.id <> $3
      ORDER BY EXISTS (SELECT 1 FROM care_relationships c
                        WHERE c.org_id = p.org_id AND c.patient_id = p.id AND c.therapist_id = $4),
               NOT EXISTS (SELECT 1 FROM assessments a
                            WHERE a.org_id = p.org_id AND a.patient_id = p.id AND cardinality(a.diagnoses) > 0), p.id
      LIMIT $5`,
    [orgId, siteId, demoPatientId, staff.therapists[DEMO_THERAPIST_INDEX]!.row.id, DEMO_COVERED_PATIENTS],
  );
  return rows.map((r) => r.id);
}

/** Generates and inserts patients batch by batch, so 100,000 of them never sit in memory at once. */
async function insertPatients(
  tx: Queryable,
  plan: PatientPlan,
): Promise<{ firstPatientId: string; careRelationships: number }> {
  const patientRandom = createRandom(deriveSeed(plan.seed, 'patients'));
  const careRandom = createRandom(deriveSeed(plan.seed, 'care'));
  const teams = teamsBySite(plan.staff.therapists);
  const slugByLocation = new Map([...plan.locationIds].map(([slug, id]) => [id, slug]));
  const demoTherapistId = plan.staff.therapists[DEMO_THERAPIST_INDEX]!.row.id;
  const locationId = (slug: string) => plan.locationIds.get(slug)!;
  let careCount = 0;
  for (let start = 0; start < plan.patientCount; start += INSERT_BATCH_SIZE) {
    const end = Math.min(start + INSERT_BATCH_SIZE, plan.patientCount);
    const patients: PatientRow[] = [];
    const care: CareRelationshipRow[] = [];
    for (let index = start; index < end; index++) {
      const patient = buildPatient(plan.seed, index, patientRandom, plan.today, plan.orgId, locationId);
      patients.push(patient);
      const team = teams.get(slugByLocation.get(patient.preferred_location_id)!) ?? { massage: [], integrative: [] };
      const fixed = index < DEMO_THERAPIST_PATIENTS ? demoTherapistId : undefined;
      care.push(...careFor(careRandom, plan.today, plan.orgId, patient.id, team, fixed));
    }
    await insertRows(tx, 'patients', patients);
    await insertRows(tx, 'care_relationships', care);
    careCount += care.length;
    plan.onProgress?.(end, plan.patientCount);
  }
  return { firstPatientId: demoUuid(plan.seed, 'patient', 0), careRelationships: careCount };
}

interface UserPlan {
  seed: number;
  orgId: string;
  passwordHash: string;
  staff: Staff;
  locationIds: Map<string, string>;
  firstPatientId: string;
}

async function insertUsers(tx: Queryable, plan: UserPlan): Promise<number> {
  const random = createRandom(deriveSeed(plan.seed, 'accounts'));
  const personName = () =>
    `${random.pick(random.chance(0.5) ? FEMALE_GIVEN : MALE_GIVEN)} ${random.pick(FAMILY_NAMES)}`;
  let index = 0;
  const users: Record<string, unknown>[] = [];
  const userLocations: { org_id: string; user_id: string; location_id: string }[] = [];
  const add = (
    email: string,
    role: string,
    displayName: string,
    sites: readonly string[],
    link: { patient_id?: string; therapist_id?: string } = {},
  ) => {
    const id = demoUuid(plan.seed, 'user', index++);
    users.push({
      id,
      org_id: plan.orgId,
      email,
      display_name: displayName,
      role,
      password_hash: plan.passwordHash,
      patient_id: link.patient_id ?? null,
      therapist_id: link.therapist_id ?? null,
    });
    for (const slug of sites)
      userLocations.push({ org_id: plan.orgId, user_id: id, location_id: plan.locationIds.get(slug)! });
  };

  const login = (role: string) => DEMO_LOGINS.find((candidate) => candidate.role === role)!;
  add(login('admin').email, 'admin', personName(), []);
  add(login('manager').email, 'manager', personName(), login('manager').sites);
  for (const site of DEMO_SITES) add(frontDeskEmail(site.slug), 'front_desk', personName(), [site.slug]);
  for (const therapist of plan.staff.therapists) {
    const { given_name, family_name, id } = therapist.row;
    add(therapist.accountEmail, 'therapist', `${given_name} ${family_name}`, therapist.siteSlugs, {
      therapist_id: id,
    });
  }
  const patient = await tx.query<{ given_name: string; family_name: string }>(
    'SELECT given_name, family_name FROM patients WHERE id = $1',
    [plan.firstPatientId],
  );
  add(login('patient').email, 'patient', `${patient[0]!.given_name} ${patient[0]!.family_name}`, [], {
    patient_id: plan.firstPatientId,
  });

  await insertRows(tx, 'users', users);
  await insertRows(tx, 'user_locations', userLocations);
  return users.length;
}

/**
 * Charted episodes of care for patients of the massage therapists, then the outcome rows built
 * from them as of the demo's today. The demo therapist's own patients are left uncharted, so a
 * first assessment can be shown on them.
 */
async function insertEpisodes(
  tx: Queryable,
  plan: { seed: number; today: string; orgId: string; demoTherapistId: string },
): Promise<number> {
  const patients = await tx.query<DemoEpisodePatient>(
    `SELECT DISTINCT ON (p.id) p.id, p.preferred_location_id AS "locationId", c.therapist_id AS "therapistId",
      u.id AS "therapistUserId"
       FROM patients p
       JOIN care_relationships c ON c.org_id = p.org_id AND c.patient_id = p.id
       JOIN therapists pr ON pr.org_id = c.org_id AND pr.id = c.therapist_id AND pr.discipline = 'nmt'
       JOIN users u ON u.org_id = c.org_id AND u.therapist_id = c.therapist_id
      WHERE p.org_id = $1 AND NOT EXISTS (SELECT 1 FROM care_relationships d WHERE d.org_id = p.org_id
      AND d.patient_id = p.id AND d.therapist_id = $2)
      ORDER BY p.id, c.started_on, c.therapist_id`,
    [plan.orgId, plan.demoTherapistId],
  );
  const rows = buildDemoEpisodes(plan.seed, plan.today, plan.orgId, patients);
  await insertRows(tx, 'assessments', rows.assessments);
  await insertRows(tx, 'treatment_plans', rows.plans);
  await insertRows(tx, 'session_notes', rows.notes);
  await insertRows(tx, 'measure_responses', rows.measures);
  // Rows as of the end of the demo's today, so nothing is judged by the machine's date.
  const { episodes } = await rebuildOutcomeRows(tx, plan.orgId, new Date(`${addDays(plan.today, 1)}T07:59:00Z`));
  return episodes;
}
