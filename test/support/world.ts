import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/store/database.ts';
import { createOrganization } from '../../src/services/organizations.ts';
import { createUser } from '../../src/services/users.ts';
import { buildCredential, buildPatient, buildSite, buildTherapist } from './factories.ts';

export const PASSWORD = 'correct-horse-battery';
let counter = 0;

function location(db: Database, orgId: string, name: string) {
  return buildSite(db, orgId, {
    name,
    city: name,
    postalCode: '97000',
    hours: { 1: [{ open: '08:00', close: '18:00' }] },
  });
}

async function therapist(db: Database, orgId: string, name: string, locationId: string) {
  const id = await buildTherapist(db, orgId, { givenName: name, familyName: 'Therapist', locationIds: [locationId] });
  await buildCredential(db, orgId, id, {
    number: 'LMT-1234',
    issuedOn: '2020-01-01',
    expiresOn: '2027-12-31',
    educationHours: 625,
  });
  return id;
}

function patient(
  db: Database,
  orgId: string,
  given: string,
  family: string,
  locationId: string,
  phone: string,
  dob: string,
) {
  return buildPatient(db, orgId, {
    givenName: given,
    familyName: family,
    dateOfBirth: dob,
    genderIdentity: 'woman',
    phone,
    email: `${given.toLowerCase()}@example.test`,
    preferredLocationId: locationId,
  });
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
  const therapistA = await therapist(db, orgId, 'Avery', siteA);
  const therapistB = await therapist(db, orgId, 'Blake', siteB);

  const patientA = await patient(db, orgId, 'Alice', `Anders${n}`, siteA, '503-555-0101', '1980-02-03');
  const patientB = await patient(db, orgId, 'Bruno', `Berg${n}`, siteB, '503-555-0202', '1975-06-07');
  const otherOrgPatient = await patient(db, other.id, 'Olga', `Outside${n}`, otherSite, '360-555-0303', '1990-09-09');
  await db.query(
    'INSERT INTO care_relationships (org_id, patient_id, therapist_id) VALUES ($1, $2, $3), ($1, $4, $5)',
    [orgId, patientA, therapistA, patientB, therapistB],
  );

  const email = (role: string) => `${role}-${tag}@example.test`;
  const users = {
    admin: await createUser(db, {
      orgId,
      email: email('admin'),
      displayName: 'Ada Admin',
      role: 'admin',
      password: PASSWORD,
    }),
    manager: await createUser(db, {
      orgId,
      email: email('manager'),
      displayName: 'Max Manager',
      role: 'manager',
      password: PASSWORD,
      locationIds: [siteA],
    }),
    front_desk: await createUser(db, {
      orgId,
      email: email('desk'),
      displayName: 'Dee Desk',
      role: 'front_desk',
      password: PASSWORD,
      locationIds: [siteA],
    }),
    therapist: await createUser(db, {
      orgId,
      email: email('therapist'),
      displayName: 'Avery Therapist',
      role: 'therapist',
      password: PASSWORD,
      therapistId: therapistA,
    }),
    patient: await createUser(db, {
      orgId,
      email: email('patient'),
      displayName: 'Alice Anders',
      role: 'patient',
      password: PASSWORD,
      patientId: patientA,
    }),
    otherAdmin: await createUser(db, {
      orgId: other.id,
      email: email('other-admin'),
      displayName: 'Oscar Other',
      role: 'admin',
      password: PASSWORD,
    }),
  };
  return {
    orgId,
    otherOrgId: other.id,
    sites: { a: siteA, b: siteB, other: otherSite },
    therapists: { a: therapistA, b: therapistB },
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
