import { addDays, addYears } from '../time/index.ts';
import { THERAPIST_ID_SPACE } from './legacy-ids.ts';
import { EMAIL_DOMAINS, FAMILY_NAMES, FEMALE_GIVEN, MALE_GIVEN, emailPart } from './names.ts';
import { createRandom, demoUuid, deriveSeed, type Random } from './random.ts';
import { DEMO_SITES, siteBySlug } from './sites.ts';

/**
 * The therapists of the demo clinic and their credentials.
 *
 * Facts behind the credentials:
 * - Oregon LMT: at least 625 contact hours of education (ORS 687.051(1)(d)); 25 hours of
 *   continuing education per two-year renewal period (OAR 334-010-0050(1)(a)).
 * - Washington LMT: 625 hours for programmes begun from 1 September 2021, 500 before
 *   (Washington State Department of Health, massage therapist FAQ, https://doh.wa.gov/pa/node/7507);
 *   the licence renews every year on the holder's birthday, with 24 hours of continuing education
 *   every two years (WAC 246-830-475). Vancouver is in Washington, so its therapists need it.
 * Licence numbers are invented in the shape each board uses (Oregon: five digits; Washington: MA + 8 digits).
 */

export const THERAPIST_COUNT = 30;
export type Discipline = 'nmt' | 'chiropractic' | 'acupuncture' | 'corrective-exercise';

/** Indexes with a fixed role in the demo, so every seed shows the same situations. */
export const DEMO_THERAPIST_INDEX = 0;
const EXPIRED_LICENCE_INDEX = 7;
const LICENCE_EXPIRING_SOON = new Set([3, 12, 20]);
const CERTIFICATION_EXPIRING_SOON = new Set([9]);
const DISCIPLINES: Record<number, Discipline> = {
  24: 'chiropractic',
  25: 'chiropractic',
  26: 'acupuncture',
  27: 'acupuncture',
  28: 'corrective-exercise',
  29: 'corrective-exercise',
};
export const NMT_CERTIFIER = 'Knotwork Demo NMT Institute (invented)';
const WA_MIN_HOURS_FROM = '2021-09-01';

export interface TherapistRow {
  id: string;
  org_id: string;
  given_name: string;
  family_name: string;
  email: string;
  phone: string;
  discipline: Discipline;
  bio: string;
}
export interface TherapistLocationRow {
  org_id: string;
  therapist_id: string;
  location_id: string;
}
export interface CredentialRow {
  id: string;
  org_id: string;
  therapist_id: string;
  kind: 'licence' | 'certification';
  type: string;
  issuer: string;
  number: string | null;
  issued_on: string | null;
  expires_on: string | null;
  education_hours: number | null;
}
export interface ContinuingEducationRow {
  id: string;
  org_id: string;
  therapist_id: string;
  period_start: string;
  period_end: string;
  hours_required: number;
  hours_completed: number;
}
export interface Therapist {
  row: TherapistRow;
  siteSlugs: string[];
  /** Login of the therapist's own account. */
  accountEmail: string;
}
export interface Staff {
  therapists: Therapist[];
  therapistLocations: TherapistLocationRow[];
  credentials: CredentialRow[];
  continuingEducation: ContinuingEducationRow[];
}

export function buildStaff(seed: number, today: string, orgId: string, locationIds: Map<string, string>): Staff {
  const random = createRandom(deriveSeed(seed, 'staff'));
  const usedNames = new Set<string>();
  const staff: Staff = { therapists: [], therapistLocations: [], credentials: [], continuingEducation: [] };
  let credentialIndex = 0;
  let ceIndex = 0;
  const nextCredentialId = () => demoUuid(seed, 'credential', credentialIndex++);

  for (let i = 0; i < THERAPIST_COUNT; i++) {
    const discipline = DISCIPLINES[i] ?? 'nmt';
    const { given, family } = uniqueName(random, usedNames);
    const siteSlugs = i === DEMO_THERAPIST_INDEX ? ['beaverton', 'portland'] : pickSites(random, i);
    const id = demoUuid(seed, THERAPIST_ID_SPACE, i);
    const accountEmail =
      i === DEMO_THERAPIST_INDEX
        ? 'therapist@demo.knotwork.test'
        : `${emailPart(given)}.${emailPart(family)}@demo.knotwork.test`;
    const row: TherapistRow = {
      id,
      org_id: orgId,
      given_name: given,
      family_name: family,
      email: `${emailPart(given)}.${emailPart(family)}@${random.pick(EMAIL_DOMAINS)}`,
      phone: `(503) 555-01${String(random.int(0, 99)).padStart(2, '0')}`,
      discipline,
      bio: bioFor(discipline, random),
    };
    staff.therapists.push({ row, siteSlugs, accountEmail });
    for (const slug of siteSlugs) {
      staff.therapistLocations.push({ org_id: orgId, therapist_id: id, location_id: locationIds.get(slug)! });
    }

    const base = { org_id: orgId, therapist_id: id };
    const states = [...new Set(siteSlugs.map((slug) => siteBySlug(slug).state))];
    for (const state of states) {
      const expiresOn = licenceExpiry(random, today, i, state);
      const issuedOn = addDays(today, -random.int(400, 5000));
      const firstIssued = issuedOn < expiresOn ? issuedOn : addYears(expiresOn, -2);
      const massage = discipline === 'nmt' || discipline === 'corrective-exercise';
      staff.credentials.push({
        ...base,
        id: nextCredentialId(),
        kind: 'licence',
        type: licenceType(discipline),
        issuer: state,
        number: state === 'WA' ? `MA${60_000_000 + random.int(0, 999_999)}` : String(random.int(10_000, 29_999)),
        issued_on: firstIssued,
        expires_on: expiresOn,
        education_hours: massage ? educationHours(random, state, firstIssued) : null,
      });
      if (massage) {
        const required = state === 'WA' ? 24 : 25;
        const periodEnd = state === 'WA' ? addYears(expiresOn, 1) : expiresOn;
        const periodStart = addYears(periodEnd, -2);
        // Those close to (or past) renewal are the ones still short of hours.
        const behind = i === EXPIRED_LICENCE_INDEX || LICENCE_EXPIRING_SOON.has(i);
        const completed = behind ? random.int(6, required - 4) : random.int(Math.floor(required / 2), required + 6);
        staff.continuingEducation.push({
          ...base,
          id: demoUuid(seed, 'ce', ceIndex++),
          period_start: periodStart,
          period_end: periodEnd,
          hours_required: required,
          hours_completed: completed,
        });
        if (periodStart > firstIssued) {
          staff.continuingEducation.push({
            ...base,
            id: demoUuid(seed, 'ce', ceIndex++),
            period_start: addYears(periodStart, -2),
            period_end: periodStart,
            hours_required: required,
            hours_completed: required + random.int(0, 10),
          });
        }
      }
    }

    const certification = certificationFor(discipline, random, i);
    if (certification) {
      const issuedOn = addDays(today, -random.int(200, 3600));
      const expiresOn = CERTIFICATION_EXPIRING_SOON.has(i)
        ? addDays(today, random.int(10, 45))
        : random.chance(0.5)
          ? null
          : addDays(today, random.int(90, 900));
      staff.credentials.push({
        ...base,
        id: nextCredentialId(),
        kind: 'certification',
        type: certification.type,
        issuer: certification.issuer,
        number: `${certification.type}-${random.int(1000, 9999)}`,
        issued_on: issuedOn,
        expires_on: expiresOn,
        education_hours: null,
      });
    }
  }
  return staff;
}

function uniqueName(random: Random, used: Set<string>): { given: string; family: string } {
  for (;;) {
    const given = random.pick(random.chance(0.6) ? FEMALE_GIVEN : MALE_GIVEN);
    const family = random.pick(FAMILY_NAMES);
    const key = `${emailPart(given)}.${emailPart(family)}`;
    if (!used.has(key)) {
      used.add(key);
      return { given, family };
    }
  }
}

/** A home site in turn (so every site is staffed), sometimes one or two neighbouring sites as well. */
function pickSites(random: Random, index: number): string[] {
  const home = DEMO_SITES[index % DEMO_SITES.length]!;
  const extra = random.chance(0.15) ? 2 : random.chance(0.45) ? 1 : 0;
  return [home.slug, ...random.sample(home.neighbours, extra)];
}

function licenceExpiry(random: Random, today: string, index: number, state: 'OR' | 'WA'): string {
  if (index === EXPIRED_LICENCE_INDEX && state === 'OR') return addDays(today, -random.int(10, 80));
  if (LICENCE_EXPIRING_SOON.has(index)) return addDays(today, random.int(7, 55));
  return addDays(today, random.int(90, state === 'WA' ? 360 : 720));
}

function licenceType(discipline: Discipline): string {
  if (discipline === 'chiropractic') return 'DC';
  if (discipline === 'acupuncture') return 'LAc';
  return 'LMT';
}

function educationHours(random: Random, state: 'OR' | 'WA', issuedOn: string): number {
  const minimum = state === 'WA' && issuedOn < WA_MIN_HOURS_FROM ? 500 : 625;
  return minimum + 5 * random.int(0, 60);
}

function certificationFor(
  discipline: Discipline,
  random: Random,
  index: number,
): { type: string; issuer: string } | null {
  if (
    discipline === 'nmt' &&
    (index === DEMO_THERAPIST_INDEX || CERTIFICATION_EXPIRING_SOON.has(index) || random.chance(0.8))
  ) {
    return { type: 'CNMT', issuer: NMT_CERTIFIER };
  }
  if (discipline === 'corrective-exercise') return { type: 'CES', issuer: 'NASM' };
  return null;
}

const BIOS: Record<Discipline, readonly string[]> = {
  nmt: [
    'Works mostly with desk workers: neck, shoulder and jaw pain.',
    'Focus on low back and hip pain, including runners and cyclists.',
    'Treats tension-type headaches and TMJ complaints.',
    'Background in sports massage; sees many shoulder and elbow problems.',
  ],
  chiropractic: ['Chiropractor; coordinates adjustments with the NMT plan.'],
  acupuncture: ['Licensed acupuncturist; often sees chronic neck and back pain.'],
  'corrective-exercise': ['Builds the home exercise side of treatment plans.'],
};

function bioFor(discipline: Discipline, random: Random): string {
  return random.pick(BIOS[discipline]);
}
