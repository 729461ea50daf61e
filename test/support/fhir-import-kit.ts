/**
 * A transaction Bundle as another clinic system would send it: a site, a payer, a therapist, a patient, their
 * coverage and a visit.
 */
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';

export const OTHER_SYSTEM = 'https://records.example-clinic.test';
export const MRN = `${OTHER_SYSTEM}/mrn`;
export const NPI = 'http://hl7.org/fhir/sid/us-npi';

const URN = {
  site: 'urn:uuid:3f1c2c64-6c38-4d8e-9d1e-000000000001',
  payer: 'urn:uuid:3f1c2c64-6c38-4d8e-9d1e-000000000002',
  therapist: 'urn:uuid:3f1c2c64-6c38-4d8e-9d1e-000000000003',
  patient: 'urn:uuid:3f1c2c64-6c38-4d8e-9d1e-000000000004',
  coverage: 'urn:uuid:3f1c2c64-6c38-4d8e-9d1e-000000000005',
  visit: 'urn:uuid:3f1c2c64-6c38-4d8e-9d1e-000000000006',
};

const post = (fullUrl: string, resource: Resource): BundleEntry => ({
  fullUrl,
  resource,
  request: { method: 'POST', url: resource.resourceType },
});

/** A ten-digit number of the tag, so each tag's therapist is another one. */
const npiFor = (tag: string) =>
  `1${String([...tag].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_000_000, 7)).padStart(9, '0')}`;

/** `tag` keeps names and identifiers apart between bundles of one test run. */
export function transferBundle(tag = 'a', start = '2026-10-05T16:00:00Z'): Bundle {
  const end = new Date(new Date(start).getTime() + 60 * 60_000).toISOString();
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      post(URN.patient, {
        resourceType: 'Patient',
        identifier: [{ system: MRN, value: `MRN-${tag}-1001` }],
        name: [{ use: 'official', family: 'Okafor', given: [`Ngozi${tag}`] }],
        gender: 'female',
        birthDate: '1979-04-12',
        telecom: [{ system: 'phone', value: '503-555-0142' }],
        address: [{ line: ['12 Alder St'], city: 'Portland', state: 'OR', postalCode: '97205' }],
      }),
      post(URN.site, {
        resourceType: 'Location',
        identifier: [{ system: `${OTHER_SYSTEM}/site`, value: `river-${tag}` }],
        name: `Riverside ${tag}`,
        status: 'active',
        description: 'Opening hours are local time (America/Los_Angeles).',
        address: { line: ['400 River Rd'], city: 'Portland', state: 'OR', postalCode: '97201', country: 'US' },
        hoursOfOperation: [{ daysOfWeek: ['mon', 'wed'], openingTime: '09:00:00', closingTime: '17:00:00' }],
      } as Resource),
      post(URN.payer, {
        resourceType: 'Organization',
        identifier: [{ system: `${OTHER_SYSTEM}/payer`, value: `payer-${tag}` }],
        type: [
          {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'pay' }],
            text: 'Health plan',
          },
        ],
        name: `Willow Creek Health ${tag}`,
      }),
      post(URN.therapist, {
        resourceType: 'Practitioner',
        identifier: [{ system: NPI, value: npiFor(tag) }],
        name: [{ use: 'official', family: 'Lindqvist', given: [`Maja${tag}`] }],
        qualification: [
          {
            code: { text: 'LMT' },
            issuer: { display: 'OR' },
            identifier: [{ value: `LMT-${tag}` }],
            period: { start: '2020-01-01', end: '2030-01-01' },
          },
        ],
      }),
      post(URN.coverage, {
        resourceType: 'Coverage',
        status: 'active',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HIP' }] },
        subscriberId: `W${tag}4455`,
        beneficiary: { reference: URN.patient },
        relationship: { coding: [{ code: 'self' }] },
        payor: [{ reference: URN.payer }],
        order: 1,
      }),
      post(URN.visit, {
        resourceType: 'Appointment',
        status: 'fulfilled',
        serviceType: [{ coding: [{ code: 'nmt-60', display: 'NMT session, 60 minutes' }] }],
        start,
        end,
        participant: [
          { actor: { reference: URN.patient }, status: 'accepted' },
          { actor: { reference: URN.therapist }, status: 'accepted' },
          { actor: { reference: URN.site }, status: 'accepted' },
        ],
      }),
    ],
  };
}
