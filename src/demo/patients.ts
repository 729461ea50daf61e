import { addDays } from '../time/index.ts';
import {
  EMAIL_DOMAINS,
  FAMILY_NAMES,
  FEMALE_GIVEN,
  MALE_GIVEN,
  NEUTRAL_GIVEN,
  STREET_KINDS,
  STREET_NAMES,
  STREET_PREFIXES,
  emailPart,
} from './names.ts';
import { demoUuid, type Random } from './random.ts';
import { DEMO_SITES, type DemoSite } from './sites.ts';

/** Invented patients. Sex at birth and gender identity are drawn separately, as the schema keeps them. */

export type SexAtBirth = 'female' | 'male' | 'intersex' | 'unknown';

export interface PatientRow {
  id: string;
  org_id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  sex_at_birth: SexAtBirth;
  gender_identity: string | null;
  pronouns: string | null;
  email: string | null;
  phone: string;
  address: PostalAddress;
  emergency_contact: EmergencyContact | null;
  preferred_location_id: string;
  communication: CommunicationPreferences;
}
export interface PostalAddress {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postalCode: string;
  country: 'US';
}
export interface EmergencyContact {
  name: string;
  relationship: string;
  phone: string;
}
export interface CommunicationPreferences {
  /** How appointment reminders reach the patient. */
  reminders: 'sms' | 'email' | 'none';
  /** Newsletters and offers: only with explicit consent. */
  marketing: boolean;
  /** BCP 47 tag of the language the clinic should write in. */
  language: string;
}

/** How many of the first patients belong to the demo therapist, so that account has a full list. */
export const DEMO_THERAPIST_PATIENTS = 12;

const TOTAL_WEIGHT = DEMO_SITES.reduce((sum, site) => sum + site.weight, 0);

function weightedSite(random: Random): DemoSite {
  let ticket = random.next() * TOTAL_WEIGHT;
  for (const site of DEMO_SITES) {
    ticket -= site.weight;
    if (ticket < 0) return site;
  }
  return DEMO_SITES[DEMO_SITES.length - 1]!;
}

/** The demo patient and the demo therapist's first patients prefer Beaverton or Portland. */
export function preferredSiteFor(index: number, random: Random): DemoSite {
  if (index === 0) return DEMO_SITES.find((site) => site.slug === 'beaverton')!;
  if (index < DEMO_THERAPIST_PATIENTS)
    return DEMO_SITES.find((site) => site.slug === (index % 2 ? 'portland' : 'beaverton'))!;
  return weightedSite(random);
}

interface Identity {
  sex: SexAtBirth;
  gender: string | null;
  pronouns: string | null;
  /** Which pool the name comes from: names follow identity, not sex at birth. */
  namePool: 'female' | 'male' | 'neutral';
}

function drawIdentity(random: Random): Identity {
  const roll = random.next();
  const sex: SexAtBirth = roll < 0.54 ? 'female' : roll < 0.995 ? 'male' : roll < 0.997 ? 'intersex' : 'unknown';
  const differs = sex === 'intersex' || random.chance(0.025);
  let gender: string | null;
  if (random.chance(0.08))
    gender = null; // not asked or not answered
  else if (!differs) gender = sex === 'male' ? 'man' : sex === 'female' ? 'woman' : null;
  else if (random.chance(0.4)) gender = 'non-binary';
  else
    gender =
      sex === 'female' ? 'transgender man' : sex === 'male' ? 'transgender woman' : random.pick(['woman', 'man']);
  const feminine = gender === 'woman' || gender === 'transgender woman' || (gender === null && sex === 'female');
  const masculine = gender === 'man' || gender === 'transgender man' || (gender === null && sex === 'male');
  const namePool = feminine ? 'female' : masculine ? 'male' : 'neutral';
  const defaultPronouns = feminine ? 'she/her' : masculine ? 'he/him' : 'they/them';
  const pronouns = differs || random.chance(0.3) ? defaultPronouns : null;
  return { sex, gender, pronouns, namePool };
}

function givenName(random: Random, pool: Identity['namePool']): string {
  if (pool === 'neutral' || random.chance(0.03)) return random.pick(NEUTRAL_GIVEN);
  return random.pick(pool === 'female' ? FEMALE_GIVEN : MALE_GIVEN);
}

/** Fictional numbers only: 555-0100…0199 (NANPA), with the area codes of the region. */
export function fictionalPhone(random: Random, site: DemoSite): string {
  const area = site.state === 'WA' ? '360' : random.pick(['503', '971']);
  return `(${area}) 555-01${String(random.int(0, 99)).padStart(2, '0')}`;
}

function homeAddress(random: Random, site: DemoSite): PostalAddress {
  const [city, postalCode] = random.pick(site.catchment);
  const street = `${random.pick(STREET_NAMES)} ${random.pick(STREET_KINDS)}`;
  const compassPrefix =
    site.state === 'WA' || site.slug === 'salem' || site.slug === 'woodburn' ? '' : `${random.pick(STREET_PREFIXES)} `;
  const address: PostalAddress = {
    line1: `${random.int(100, 19999)} ${compassPrefix}${street}`,
    city,
    state: site.state,
    postalCode,
    country: 'US',
  };
  if (random.chance(0.15)) address.line2 = `Apt ${random.int(1, 40)}${random.pick(['', 'A', 'B'])}`;
  return address;
}

function language(random: Random, site: DemoSite, index: number): string {
  const drawn = random.chance(site.slug === 'woodburn' ? 0.3 : 0.05)
    ? 'es'
    : random.chance(0.05)
      ? random.pick(['vi', 'ru', 'uk', 'zh', 'ko'])
      : 'en';
  // Woodburn serves a community where most patients speak Spanish first (about two in three here), and read
  // the portal and their messages in it. Chosen without a further draw, so the rest of the demo stays as it was.
  return site.slug === 'woodburn' && drawn === 'en' && index % 2 === 0 ? 'es' : drawn;
}

export function buildPatient(
  seed: number,
  index: number,
  random: Random,
  today: string,
  orgId: string,
  locationId: (slug: string) => string,
): PatientRow {
  const site = preferredSiteFor(index, random);
  const identity = drawIdentity(random);
  const given = givenName(random, identity.namePool);
  const family = random.pick(FAMILY_NAMES);
  const minor = random.chance(0.04);
  const ageYears = minor ? random.int(14, 17) : random.int(18, 88);
  const dateOfBirth = addDays(today, -(ageYears * 365 + Math.floor(ageYears / 4) + random.int(1, 364)));
  const hasEmail = random.chance(0.88);
  const emergency = minor || random.chance(0.85);
  return {
    id: demoUuid(seed, 'patient', index),
    org_id: orgId,
    given_name: given,
    family_name: family,
    preferred_name: random.chance(0.04) ? random.pick(NEUTRAL_GIVEN) : null,
    date_of_birth: dateOfBirth,
    sex_at_birth: identity.sex,
    gender_identity: identity.gender,
    pronouns: identity.pronouns,
    email: hasEmail
      ? `${emailPart(given)}.${emailPart(family)}${random.int(1, 99)}@${random.pick(EMAIL_DOMAINS)}`
      : null,
    phone: fictionalPhone(random, site),
    address: homeAddress(random, site),
    emergency_contact: emergency
      ? {
          name:
            `${random.pick(random.chance(0.5) ? FEMALE_GIVEN : MALE_GIVEN)} ` +
            `${random.chance(0.6) ? family : random.pick(FAMILY_NAMES)}`,
          relationship: minor
            ? 'parent'
            : random.pick(['spouse', 'partner', 'parent', 'sibling', 'friend', 'adult child']),
          phone: fictionalPhone(random, site),
        }
      : null,
    preferred_location_id: locationId(site.slug),
    communication: {
      reminders: hasEmail
        ? random.pick(['sms', 'sms', 'email', 'none'] as const)
        : random.pick(['sms', 'none'] as const),
      marketing: random.chance(0.2),
      language: language(random, site, index),
    },
  };
}
