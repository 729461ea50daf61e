import type { ChargeLine, ClaimInput, Pricing, SignedVisit } from '../../src/billing/index.ts';
import { money } from '../../src/billing/index.ts';

/** Claims for the billing tests: an auto-accident patient who is her own insured, by default. */

const address = { line1: '12 Elm St', city: 'Albany', state: 'NY', postalCode: '12207' };

export function chargeLine(overrides: Partial<ChargeLine> = {}): ChargeLine {
  return {
    code: '97140',
    minutes: 24,
    units: 2,
    modifiers: ['GP'],
    diagnosisPointers: ['A', 'B'],
    placeOfService: '11',
    serviceDate: '2026-03-02',
    renderingNpi: '1234567893',
    amount: money(9000),
    ...overrides,
  };
}

export function autoClaim(overrides: Partial<ClaimInput> = {}): ClaimInput {
  const patient = {
    lastName: 'Rivera',
    firstName: 'Ana',
    middleInitial: 'M',
    birthDate: '1984-07-19',
    sex: 'F' as const,
    address,
    phone: '518-555-0142',
  };
  return {
    claimId: 'KW-1001',
    patient,
    relationship: 'self',
    subscriber: patient,
    coverage: {
      type: 'auto',
      responsibility: 'primary',
      payerName: 'Acme Auto Insurance',
      payerId: 'ACME1',
      memberId: 'POL778812',
      claimNumber: 'CLM-2026-0042',
      dateOfInjury: '2026-02-14',
      accidentState: 'NY',
    },
    billingProvider: {
      name: 'Knotwork NMT Albany',
      npi: '1245319599',
      taxId: '123456789',
      address: { line1: '400 State St', line2: 'Suite 2', city: 'Albany', state: 'NY', postalCode: '122070001' },
      phone: '518-555-0100',
    },
    renderingProvider: { lastName: 'Reyes', firstName: 'Dana', npi: '1234567893' },
    diagnoses: [
      { letter: 'A', code: 'S13.4XXA' },
      { letter: 'B', code: 'M54.2' },
    ],
    lines: [
      chargeLine(),
      chargeLine({
        code: '97112',
        minutes: 23,
        units: 1,
        modifiers: ['GP', 'XU'],
        diagnosisPointers: ['B'],
        amount: money(5000),
      }),
    ],
    signatureOnFile: true,
    acceptAssignment: true,
    ...overrides,
  };
}

/** A signed visit with two timed codes (24 and 23 minutes: 3 units under the CMS rule) for one neck diagnosis. */
export function signedVisit(overrides: Partial<SignedVisit> = {}): SignedVisit {
  return {
    visitId: 'v1',
    patientId: 'p1',
    serviceDate: '2026-03-02',
    signed: true,
    timedSteps: [
      { code: '97140', minutes: 24 },
      { code: '97112', minutes: 23 },
    ],
    diagnoses: ['M54.2'],
    placeOfService: '11',
    renderingProvider: { name: 'Dana Reyes', npi: '1234567893' },
    ...overrides,
  };
}

/** A payer's pricing: CMS units, a fee per unit for both codes, XU on the second timed code. */
export function payerPricing(payerId: string): Extract<Pricing, { kind: 'payer' }> {
  return {
    kind: 'payer',
    payerId,
    unitRule: 'cms',
    feesPerUnit: { '97140': money(4500), '97112': money(5000) },
    distinctModifier: 'XU',
  };
}
