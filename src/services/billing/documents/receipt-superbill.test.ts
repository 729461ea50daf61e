import { describe, expect, it } from 'vitest';
import { chargeLine, signedVisit } from '../../../../test/support/billing-claims.ts';
import { pdfPages, pdfText } from '../../../../test/support/pdf-text.ts';
import { checkoutPostings, checkoutReceipt, money, postBatch, proposeCharges } from '../../../billing/index.ts';
import { renderReceipt } from './receipt.ts';
import type { ReceiptInput } from './receipt.ts';
import { renderSuperbill, superbillTotals } from './superbill.ts';
import type { SuperbillInput } from './superbill.ts';

const albany = { line1: '400 State St', line2: 'Suite 2', city: 'Albany', state: 'NY', postalCode: '122070001' };

/** A self-pay checkout run through the billing core: the price posted, part paid by card. */
function selfPayReceipt(): ReceiptInput {
  const proposed = proposeCharges(signedVisit(), { kind: 'self-pay', unitRule: 'cms', servicePrice: money(12000) });
  if (!proposed.ok) throw new Error(proposed.problems[0]?.message);
  const { proposal } = proposed;
  const requests = [
    ...checkoutPostings(proposal),
    {
      kind: 'payment' as const,
      patientId: 'p1',
      amount: money(10000),
      method: 'card' as const,
      reference: 'AUTH 004417',
    },
  ];
  const batch = postBatch(
    [],
    requests,
    requests.map((_, i) => ({ id: `e${i}`, postedAt: '2026-03-02T17:00:00Z' })),
  );
  if (!batch.ok) throw new Error(batch.refused.message);
  const facts = checkoutReceipt({
    proposal,
    posted: batch.posted,
    entries: batch.entries,
    timeZone: 'America/New_York',
  });
  return {
    receiptNumber: 'R-000123',
    issuedOn: '2026-03-02',
    clinic: { name: 'Knotwork NMT', taxId: '12-3456789' },
    site: { name: 'Albany', address: albany, phone: '518-555-0100' },
    patient: { name: 'Ana Rivera', accountNumber: 'KW-1001' },
    visitDate: proposal.lines[0]!.serviceDate,
    lines: facts.lines,
    payments: facts.payments,
    balanceAfter: facts.balanceAfter,
  };
}

describe('the checkout receipt', () => {
  it('shows site, patient, visit, lines, payments with method and reference, and the balance after', async () => {
    const lines = pdfText(await renderReceipt(selfPayReceipt(), { compress: false })).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Knotwork NMT',
        'Albany',
        'manual therapy (trigger-point and myofascial work)',
        '400 State St, Suite 2',
        'Albany, NY 12207-0001',
        'Receipt number: R-000123',
        'Patient: Ana Rivera',
        'Visit date: 03/02/2026',
        '97140',
        '97112',
        // $120.00 over 3 units: 2 units and 1 unit.
        '$80.00',
        '$40.00',
        'Total charges',
        '$120.00',
        'Card',
        'AUTH 004417',
        '$100.00',
        'Balance after this visit: $20.00',
      ]),
    );
  });

  it('says "credit" when the patient paid more than owed, and names what the insurer was billed', async () => {
    const text = pdfText(
      await renderReceipt({
        ...selfPayReceipt(),
        lines: [{ description: 'Copay', amount: money(2500) }],
        billedToInsurer: { payerName: 'Empire PPO', amount: money(14000) },
        payments: [{ date: '2026-03-02', method: 'cash', amount: money(3000) }],
        balanceAfter: money(-500),
      }),
    );
    expect(text).toContain('Credit on your account: $5.00');
    expect(text).toContain('Billed to Empire PPO: $140.00');
    expect(text).toContain('Cash');
  });
});

function superbill(overrides: Partial<SuperbillInput> = {}): SuperbillInput {
  return {
    issuedOn: '2026-03-02',
    clinic: { name: 'Knotwork NMT Albany', address: albany, phone: '518-555-0100', taxId: '123456789' },
    provider: { name: 'Dana Reyes', credentials: 'LMT', npi: '1234567893', taxonomy: '225700000X' },
    patient: {
      name: 'Ana Rivera',
      birthDate: '1984-07-19',
      address: { line1: '12 Elm St', city: 'Albany', state: 'NY', postalCode: '12207' },
    },
    insurance: { payerName: 'Out-of-Network Health', memberId: 'XJH4471', groupNumber: 'G-55' },
    diagnoses: [
      { letter: 'A', code: 'S13.4XXA' },
      { letter: 'B', code: 'M54.2' },
    ],
    lines: [
      chargeLine(),
      chargeLine({ code: '97112', units: 1, modifiers: ['GP', '59'], diagnosisPointers: ['B'], amount: money(5000) }),
    ],
    payments: [{ date: '2026-03-02', method: 'card', reference: 'AUTH 88', amount: money(10000) }],
    ...overrides,
  };
}

describe('the superbill', () => {
  it('carries provider NPI and taxonomy, tax id, diagnoses with pointers, CPT lines, fees and payments', async () => {
    const pdf = await renderSuperbill(superbill(), { compress: false });
    expect(pdfPages(pdf)).toHaveLength(1);
    const lines = pdfText(pdf).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Dana Reyes, LMT',
        'NPI: 1234567893',
        'Taxonomy: 225700000X',
        'Knotwork NMT Albany',
        'Tax ID (EIN): 12-3456789',
        'Ana Rivera',
        'Date of birth: 07/19/1984',
        'Member ID: XJH4471',
        // Diagnoses: pointer, ICD-10-CM code with its dot, and the code's title.
        'A',
        'S13.4XXA',
        'B',
        'M54.2',
        'Cervicalgia',
        // Service lines: date, place, CPT, modifiers, pointers, units, fee.
        '03/02/2026',
        '11 Office',
        '97140',
        'GP',
        'A,B',
        '2',
        '$90.00',
        '97112',
        'GP 59',
        '$50.00',
        'AUTH 88',
        'Total charges',
        '$140.00',
        'Amount paid',
        '$100.00',
        'Balance due',
        '$40.00',
      ]),
    );
  });

  it('prints the insurance block: payer, address and id, member, group, the insured, claim and injury', async () => {
    const insurance = {
      payerName: 'Liberty Auto PIP',
      payerAddress: { line1: 'PO Box 515', city: 'Dover', state: 'NH', postalCode: '038210515' },
      payerId: '33600',
      memberId: 'POL-778812',
      groupNumber: 'G-9',
      insured: { name: 'Luis Rivera', relationship: 'spouse' as const },
      claimNumber: 'PIP-2026-0042',
      dateOfInjury: '2026-02-14',
    };
    const lines = pdfText(await renderSuperbill(superbill({ insurance }), { compress: false })).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Insurance',
        'Liberty Auto PIP',
        'PO Box 515',
        'Dover, NH 03821-0515',
        'Payer ID: 33600',
        'Member ID: POL-778812',
        'Group: G-9',
        'Insured: Luis Rivera (spouse)',
        'Claim number: PIP-2026-0042',
        'Date of injury: 02/14/2026',
      ]),
    );
    // A health plan without an injury or a payer address prints only what it has.
    const plain = pdfText(
      await renderSuperbill(superbill({ insurance: { payerName: 'Cascade Health', memberId: 'XJH4471' } })),
    );
    expect(plain).toContain('Member ID: XJH4471');
    expect(plain).not.toMatch(/Payer ID|Claim number|Date of injury|Group:/);
  });

  it('totals the lines and the payments', () => {
    expect(superbillTotals(superbill())).toEqual({ charges: 14000, paid: 10000, balance: 4000 });
    expect(superbillTotals(superbill({ payments: [] }))).toEqual({ charges: 14000, paid: 0, balance: 14000 });
  });

  it('leaves out taxonomy and insurance when the clinic has none on file', async () => {
    const { taxonomy: _, ...provider } = superbill().provider;
    const text = pdfText(await renderSuperbill(superbill({ provider, insurance: undefined })));
    expect(text).not.toContain('Taxonomy');
    expect(text).not.toContain('Member ID');
    expect(text).toContain('NPI: 1234567893');
  });

  it('runs a long course over pages, the services heading repeated, the totals at the end', async () => {
    const lines = Array.from({ length: 40 }, (_, i) =>
      chargeLine({ serviceDate: `2026-0${3 + Math.floor(i / 28)}-${String((i % 28) + 1).padStart(2, '0')}` }),
    );
    const pages = pdfPages(await renderSuperbill(superbill({ lines, payments: [] })));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages.slice(0, -1)) expect(page.split('\n')).toContain('CPT');
    const rows = pages.flatMap((p) => p.split('\n')).filter((t) => t === '$90.00');
    expect(rows).toHaveLength(40);
    expect(pages.at(-1)!.split('\n')).toEqual(expect.arrayContaining(['Total charges', '$3,600.00', 'Balance due']));
  });
});
