/** Payers of each kind and coverages of each type, through the billing repository, for FHIR tests. */
import type { Queryable } from '../../src/store/database.ts';
import { insertCoverage, insertPayer, type CoverageFields } from '../../src/store/repos/billing-coverage.ts';

const NOW = new Date('2026-11-01T12:00:00Z');

const blank: CoverageFields = {
  order: 1,
  type: 'self-pay',
  payerId: null,
  memberId: null,
  groupNumber: null,
  relationship: 'self',
  subscriberName: null,
  subscriberBirthDate: null,
  claimNumber: null,
  dateOfInjury: null,
  employerName: null,
  adjuster: null,
  attorney: null,
  state: null,
  effectiveFrom: null,
  effectiveTo: null,
  copay: null,
};

/** Three payers (auto, workers' comp, health plan); the patients in turn get one way of paying each, four kinds. */
export async function seedCoverages(db: Queryable, orgId: string, patientIds: readonly string[]): Promise<string[]> {
  const payer = (name: string, kind: 'auto' | 'workers-comp' | 'commercial', electronicId: string | null) =>
    insertPayer(
      db,
      orgId,
      {
        name,
        electronicId,
        kind,
        addressLine1: '100 Main St',
        addressLine2: null,
        city: 'Portland',
        state: 'OR',
        postalCode: '97201',
        phone: '503-555-0100',
      },
      NOW,
    );
  const auto = await payer('Evergreen Auto Insurance', 'auto', 'EVG01');
  const comp = await payer('SAIF Corporation', 'workers-comp', null);
  const plan = await payer('Cascade Health Plan', 'commercial', '87726');
  const kinds: CoverageFields[] = [
    {
      ...blank,
      type: 'auto-pip',
      payerId: auto.id,
      memberId: 'POL-55501',
      claimNumber: 'CLM-2026-001',
      dateOfInjury: '2026-09-14',
      state: 'OR',
      adjuster: { name: 'Dana Reyes', phone: '503-555-0199', email: 'dana.reyes@example.com' },
      attorney: { name: 'Lee Park', phone: null, email: null },
      effectiveFrom: '2026-09-14',
    },
    {
      ...blank,
      type: 'workers-comp',
      payerId: comp.id,
      memberId: 'WC-88213',
      claimNumber: 'WC-2026-77',
      dateOfInjury: '2026-08-02',
      state: 'OR',
      employerName: 'Riverside Warehousing',
    },
    {
      ...blank,
      type: 'commercial',
      payerId: plan.id,
      memberId: 'XJH1234567',
      groupNumber: 'GRP-420',
      relationship: 'spouse',
      subscriberName: 'Sam Ortega',
      subscriberBirthDate: '1978-05-06',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-12-31',
    },
    blank,
  ];
  const ids: string[] = [];
  for (const [i, patientId] of patientIds.entries())
    ids.push(await insertCoverage(db, orgId, patientId, kinds[i % kinds.length]!, NOW));
  return ids;
}
