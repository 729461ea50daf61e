/**
 * What a claim needs from the clinic, so a demo visit can be priced and claimed from the first
 * start: the organisation's billing profile (box 33 of the CMS-1500), an NPI for every therapist
 * (the rendering provider) and each payer's fee schedule for the timed CPT codes. Invented but
 * well-formed numbers, from the seed; fees in force from a year before `today`.
 */
import { TIMED_CODES } from '../clinical/billing/codes.ts';
import { npiCheckDigit } from '../billing/index.ts';
import type { Queryable } from '../store/database.ts';
import { addDays } from '../time/index.ts';
import { insertRows } from './insert.ts';
import { createRandom, demoUuid, deriveSeed, type Random } from './random.ts';
import { DEMO_SITES } from './sites.ts';

/** Allowed fee per 15-minute unit in cents, roughly what a commercial plan pays in Oregon. */
const BASE_FEE_CENTS: Record<string, number> = {
  '97140': 4800,
  '97124': 4200,
  '97112': 5000,
  '97110': 4600,
  '97530': 5200,
  '97535': 5000,
  '97116': 4400,
  '97032': 2200,
  '97033': 2400,
  '97035': 1800,
};

/** How each kind of payer's schedule compares with the base: auto and workers' comp pay more, Medicare less. */
const PAYER_FACTOR: Record<string, number> = { auto: 1.2, 'workers-comp': 1.1, commercial: 1, medicare: 0.7 };

/** A valid NPI (the Luhn check digit of the NPI standard) whose first nine digits start with 1. */
function demoNpi(random: Random, used: Set<string>): string {
  for (;;) {
    const firstNine = `1${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    const npi = `${firstNine}${npiCheckDigit(firstNine)}`;
    if (!used.has(npi)) {
      used.add(npi);
      return npi;
    }
  }
}

export async function insertDemoBilling(
  tx: Queryable,
  plan: {
    seed: number;
    orgId: string;
    today: string;
    therapistIds: readonly string[];
    payers: ReadonlyArray<{ id: string; kind: string }>;
  },
): Promise<void> {
  const { seed, orgId, today } = plan;
  const stamp = `${today}T16:00:00Z`;
  const random = createRandom(deriveSeed(seed, 'billing'));
  const used = new Set<string>();
  const office = DEMO_SITES.find((site) => site.slug === 'portland')!;
  await insertRows(tx, 'billing_profiles', [
    {
      org_id: orgId,
      name: 'Knotwork Demo Clinics',
      npi: demoNpi(random, used),
      // Oregon employers' EINs often start 93.
      tax_id: `93${String(random.int(0, 9_999_999)).padStart(7, '0')}`,
      address_line1: office.addressLine1,
      address_line2: office.addressLine2,
      city: office.city,
      state: office.state,
      postal_code: office.postalCode,
      phone: office.phone,
      submitter_id: 'KNOTWORKDEMO',
      contact_name: 'Billing Desk',
      receiver_id: 'DEMOCLEAR',
      receiver_name: 'Demo Clearinghouse',
      place_of_service: '11',
      usage: 'T',
      updated_at: stamp,
    },
  ]);
  for (const therapistId of plan.therapistIds) {
    await tx.query('UPDATE therapists SET npi = $3 WHERE org_id = $1 AND id = $2', [
      orgId,
      therapistId,
      demoNpi(random, used),
    ]);
  }
  const from = addDays(today, -365);
  const fees = plan.payers.flatMap((payer) =>
    Object.keys(TIMED_CODES).map((code) => ({
      payer_id: payer.id,
      code,
      // Whole dollars, as schedules are published.
      fee_cents: Math.round(((BASE_FEE_CENTS[code] ?? 4000) * (PAYER_FACTOR[payer.kind] ?? 1)) / 100) * 100,
    })),
  );
  await insertRows(
    tx,
    'fee_schedule_entries',
    fees.map((fee, i) => ({
      id: demoUuid(seed, 'fee', i),
      org_id: orgId,
      ...fee,
      effective_from: from,
      effective_to: null,
      created_at: stamp,
    })),
  );
}
