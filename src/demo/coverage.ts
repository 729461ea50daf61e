/**
 * The demo's payer directory and a few patients' coverages, so the insurance and billing screens have
 * something to show: an auto PIP claim, a workers' comp claim, a health plan with a copay, and a
 * self-pay patient. Fixed rows (ids from the seed, dates from `today`): the same demo every time.
 */
import type { Queryable } from '../store/database.ts';
import { addDays } from '../time/index.ts';
import { insertRows } from './insert.ts';
import { demoUuid } from './random.ts';

const PAYERS = [
  { name: 'Evergreen Mutual Auto', electronic_id: 'EVMA1', kind: 'auto', city: 'Salem', phone: '503-555-0142' },
  {
    name: "Columbia Workers' Compensation Fund",
    electronic_id: 'CWCF7',
    kind: 'workers-comp',
    city: 'Salem',
    phone: '503-555-0177',
  },
  {
    name: 'Willamette Valley Health Plan',
    electronic_id: 'WVHP2',
    kind: 'commercial',
    city: 'Portland',
    phone: '503-555-0110',
  },
  {
    name: 'Medicare Part B (Noridian JF)',
    electronic_id: '03302',
    kind: 'medicare',
    city: 'Fargo',
    phone: '877-555-0163',
  },
] as const;

/** How many demo patients get a coverage: one per way of paying below. */
export const DEMO_COVERED_PATIENTS = 4;

/**
 * Seeds the directory and gives `patientIds` (in order) an auto PIP, a workers' comp, a health plan
 * and a self-pay coverage, each their primary.
 */
export async function insertDemoCoverage(
  tx: Queryable,
  plan: { seed: number; orgId: string; today: string; patientIds: readonly string[] },
): Promise<Array<{ id: string; kind: string }>> {
  const { seed, orgId, today } = plan;
  const stamp = `${today}T16:00:00Z`;
  const payerIds = PAYERS.map((_, i) => demoUuid(seed, 'payer', i));
  await insertRows(
    tx,
    'payers',
    PAYERS.map((p, i) => ({
      id: payerIds[i],
      org_id: orgId,
      name: p.name,
      electronic_id: p.electronic_id,
      kind: p.kind,
      address_line1: `PO Box ${4100 + i * 37}`,
      city: p.city,
      state: p.kind === 'medicare' ? 'ND' : 'OR',
      postal_code: p.kind === 'medicare' ? '58108' : '97309',
      phone: p.phone,
      created_at: stamp,
      updated_at: stamp,
    })),
  );
  const blank = {
    group_number: null,
    claim_number: null,
    date_of_injury: null,
    employer_name: null,
    adjuster_name: null,
    adjuster_phone: null,
    adjuster_email: null,
    state: null,
    copay_cents: null,
  };
  const rows = [
    {
      ...blank,
      type: 'auto-pip',
      payer_id: payerIds[0],
      member_id: 'EMA-5512001',
      claim_number: 'PIP-2026-0412',
      date_of_injury: addDays(today, -45),
      adjuster_name: 'Dana Whitfield',
      adjuster_phone: '503-555-0143',
      state: 'OR',
    },
    {
      ...blank,
      type: 'workers-comp',
      payer_id: payerIds[1],
      member_id: 'WC-30418',
      claim_number: 'WC-2026-1187',
      date_of_injury: addDays(today, -90),
      employer_name: 'Riverside Lumber Co.',
      adjuster_name: 'Marcus Ortega',
      adjuster_phone: '503-555-0178',
      state: 'OR',
    },
    {
      ...blank,
      type: 'commercial',
      payer_id: payerIds[2],
      member_id: 'WVH884120',
      group_number: 'GRP-2201',
      copay_cents: 2500,
    },
    { ...blank, type: 'self-pay', payer_id: null, member_id: null },
  ];
  await insertRows(
    tx,
    'coverages',
    plan.patientIds.slice(0, rows.length).map((patientId, i) => ({
      id: demoUuid(seed, 'coverage', i),
      org_id: orgId,
      patient_id: patientId,
      coverage_order: 1,
      relationship: 'self',
      effective_from: addDays(today, -180),
      created_at: stamp,
      updated_at: stamp,
      ...rows[i],
    })),
  );
  return PAYERS.map((p, i) => ({ id: payerIds[i]!, kind: p.kind }));
}
