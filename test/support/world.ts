import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/store/database.ts';
import { createOrganization } from '../../src/services/organizations.ts';
import { createUser } from '../../src/services/users.ts';

export const PASSWORD = 'correct-horse-battery';
let counter = 0;

async function one<T>(db: Database, sql: string, params: unknown[]): Promise<T> {
  const rows = await db.query<T>(sql, params);
  return rows[0]!;
}

async function location(db: Database, orgId: string, name: string) {
  const slug = name.toLowerCase().replace(/\s+/g, '-');
  return (
    await one<{ id: string }>(
      db,
      `INSERT INTO locations (org_id, name, slug, address_line1, city, state, postal_code, time_zone, hours)
       VALUES ($1, $2, $3, '1 Main St', $2, 'OR', '97000', 'America/Los_Angeles', '{"1":[{"open":"08:00","close":"18:00"}]}') RETURNING id`,
      [orgId, name, slug],
    )
  ).id;
}

async function practitioner(db: Database, orgId: string, name: string, locationId: string) {
  const { id } = await one<{ id: string }>(
    db,
    `INSERT INTO practitioners (org_id, given_name, family_name) VALUES ($1, $2, 'Therapist') RETURNING id`,
    [orgId, name],
  );
  await db.query('INSERT INTO practitioner_locations (org_id, practitioner_id, location_id) VALUES ($1, $2, $3)', [orgId, id, locationId]);
  await db.query(
    `INSERT INTO credentials (org_id, practitioner_id, kind, type, issuer, number, issued_on, expires_on, education_hours)
     VALUES ($1, $2, 'licence', 'LMT', 'OR', 'LMT-1234', '2020-01-01', '2027-12-31', 625)`,
    [orgId, id],
  );
  return id;
}

async function patient(db: Database, orgId: string, given: string, family: string, locationId: string, phone: string, dob: string) {
  return (
    await one<{ id: string }>(
      db,
      `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth, gender_identity, phone, email, preferred_location_id)
       VALUES ($1, $2, $3, $4, 'female', 'woman', $5, $6, $7) RETURNING id`,
      [orgId, given, family, dob, phone, `${given.toLowerCase()}@example.test`, locationId],
    )
  ).id;
}

/**
 * A small organisation with two sites and one account of every role, plus a second organisation,
 * so every access rule has an own and an other side. Unique per call: tests share a database.
 */
export async function buildWorld(db: Database) {
  const n = ++counter;
  const tag = `${process.pid}-${n}-${Math.random().toString(36).slice(2, 7)}`;
  const org = await createOrganization(db, { name: `Test Clinic ${tag}`, slug: `t-${tag}` });
  const other = await createOrganization(db, { name: `Other Clinic ${tag}`, slug: `o-${tag}` });
  const orgId = org.id;

  const siteA = await location(db, orgId, `Alpha ${tag}`);
  const siteB = await location(db, orgId, `Beta ${tag}`);
  const otherSite = await location(db, other.id, `Gamma ${tag}`);
  const therapistA = await practitioner(db, orgId, 'Avery', siteA);
  const therapistB = await practitioner(db, orgId, 'Blake', siteB);

  const patientA = await patient(db, orgId, 'Alice', `Anders${n}`, siteA, '503-555-0101', '1980-02-03');
  const patientB = await patient(db, orgId, 'Bruno', `Berg${n}`, siteB, '503-555-0202', '1975-06-07');
  const otherOrgPatient = await patient(db, other.id, 'Olga', `Outside${n}`, otherSite, '360-555-0303', '1990-09-09');
  await db.query('INSERT INTO care_relationships (org_id, patient_id, practitioner_id) VALUES ($1, $2, $3), ($1, $4, $5)', [
    orgId, patientA, therapistA, patientB, therapistB,
  ]);

  const email = (role: string) => `${role}-${tag}@example.test`;
  const users = {
    admin: await createUser(db, { orgId, email: email('admin'), displayName: 'Ada Admin', role: 'admin', password: PASSWORD }),
    manager: await createUser(db, { orgId, email: email('manager'), displayName: 'Max Manager', role: 'manager', password: PASSWORD, locationIds: [siteA] }),
    front_desk: await createUser(db, { orgId, email: email('desk'), displayName: 'Dee Desk', role: 'front_desk', password: PASSWORD, locationIds: [siteA] }),
    therapist: await createUser(db, { orgId, email: email('therapist'), displayName: 'Avery Therapist', role: 'therapist', password: PASSWORD, practitionerId: therapistA }),
    patient: await createUser(db, { orgId, email: email('patient'), displayName: 'Alice Anders', role: 'patient', password: PASSWORD, patientId: patientA }),
    otherAdmin: await createUser(db, { orgId: other.id, email: email('other-admin'), displayName: 'Oscar Other', role: 'admin', password: PASSWORD }),
  };
  return {
    orgId,
    otherOrgId: other.id,
    sites: { a: siteA, b: siteB, other: otherSite },
    practitioners: { a: therapistA, b: therapistB },
    patients: { a: patientA, b: patientB, otherOrg: otherOrgPatient },
    users,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type WorldRole = keyof World['users'];

/** A bearer token for a user, through the public API. */
export async function tokenFor(app: FastifyInstance, email: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/token', payload: { email, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}
