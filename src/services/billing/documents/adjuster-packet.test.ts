import { describe, expect, it } from 'vitest';
import { pdfPages } from '../../../../test/support/pdf-text.ts';
import { accountStatement, money, post } from '../../../billing/index.ts';
import type { PostedEntry, PostingRequest } from '../../../billing/index.ts';
import { renderAdjusterPacket } from './adjuster-packet.ts';
import type { AdjusterPacketInput, PacketNote } from './adjuster-packet.ts';

const ZONE = 'America/New_York';

function postAll(requests: PostingRequest[]): readonly PostedEntry[] {
  return requests.reduce<readonly PostedEntry[]>((entries, request) => {
    const result = post(entries, request, { id: `e${entries.length + 1}`, postedAt: '2026-04-20T16:00:00Z' });
    if (!result.ok) throw new Error(result.refused.message);
    return result.entries;
  }, []);
}

/** A long note, so notes run over more than one page each. */
function note(date: string, paragraphs: number): PacketNote {
  const text =
    'Trigger points in the right upper trapezius and levator scapulae reproduced the temple headache; ' +
    'each held 20 to 30 seconds at a pain of 6 of 10, easing to 2. Cervical rotation to the left improved ' +
    'from 55 to 70 degrees. Home stretches reviewed and the patient demonstrated them correctly.';
  return {
    date,
    therapistName: 'Dana Reyes, LMT',
    signedOn: date,
    services: [
      { code: '97140', units: 2, minutes: 24 },
      { code: '97112', units: 1, minutes: 23 },
    ],
    sections: Array.from({ length: paragraphs }, (_, i) => ({ heading: `Findings ${i + 1}`, text })),
  };
}

function packet(overrides: Partial<AdjusterPacketInput> = {}): AdjusterPacketInput {
  const entries = postAll([
    { kind: 'charge', patientId: 'p1', payerId: 'wcb', amount: money(14000), serviceDate: '2026-03-02' },
    { kind: 'charge', patientId: 'p1', payerId: 'wcb', amount: money(14000), serviceDate: '2026-03-09' },
    { kind: 'payment', patientId: 'p1', payerId: 'wcb', amount: money(11250), method: 'check', reference: 'EFT-5521' },
  ]);
  return {
    coverageType: 'workers-comp',
    claimNumber: 'WC-2026-88412',
    dateOfInjury: '2026-02-14',
    preparedOn: '2026-04-20',
    patient: { name: 'Ana Rivera', birthDate: '1984-07-19' },
    payer: { name: 'State Insurance Fund' },
    adjuster: { name: 'Lee Park', phone: '518-555-0199' },
    employer: 'Hudson Freight',
    state: 'NY',
    stateFields: [{ label: 'Board case number', value: 'G1234567' }],
    clinic: {
      name: 'Knotwork NMT Albany',
      address: { line1: '400 State St', city: 'Albany', state: 'NY', postalCode: '12207' },
      phone: '518-555-0100',
      taxId: '123456789',
      npi: '1245319599',
    },
    notes: [note('2026-03-02', 14), note('2026-03-09', 3)],
    ledger: accountStatement({ entries, account: { kind: 'payer', payerId: 'wcb', patientId: 'p1' }, timeZone: ZONE }),
    ...overrides,
  };
}

describe("the workers' comp / PIP adjuster packet", () => {
  it('carries the patient, the claim number and the date of injury on every page, and numbers the pages', async () => {
    const pages = pdfPages(await renderAdjusterPacket(packet()));
    // A cover page, a first note long enough to run over a page, the second note, the ledger.
    expect(pages.length).toBeGreaterThanOrEqual(5);
    pages.forEach((text, i) => {
      expect(text).toContain("Workers' compensation claim (NY)");
      expect(text).toContain('Claim number: WC-2026-88412');
      expect(text).toContain('Date of injury: 02/14/2026');
      expect(text).toContain('Patient: Ana Rivera');
      expect(text).toContain(`page ${i + 1} of ${pages.length}`);
    });
  });

  it('holds each note with its services and the ledger with dollar amounts and the balance', async () => {
    const pages = pdfPages(await renderAdjusterPacket(packet(), { compress: false }));
    const all = pages.join('\n');
    expect(pages[0]).toContain('Hudson Freight');
    expect(pages[0]!.split('\n')).toEqual(expect.arrayContaining(['Board case number: ', 'G1234567']));
    expect(pages[0]).toContain('Lee Park, 518-555-0199');
    expect(all).toContain('Treatment note, 03/02/2026');
    expect(all).toContain('Treatment note, 03/09/2026');
    expect(all).toContain('97140 × 2 units (24 min); 97112 × 1 unit (23 min)');
    const ledger = pages.at(-1)!;
    expect(ledger).toContain('Ledger for this claim');
    expect(ledger).toContain('Payment by check (ref. EFT-5521)');
    expect(ledger.split('\n')).toEqual(expect.arrayContaining(['$140.00', '$280.00', '$112.50', '$167.50']));
    expect(ledger).toContain('Balance due on this claim: $167.50');
  });

  it('names an auto claim as PIP / med-pay', async () => {
    const pages = pdfPages(await renderAdjusterPacket(packet({ coverageType: 'auto', state: undefined, notes: [] })));
    expect(pages).toHaveLength(2);
    for (const text of pages) expect(text).toContain('Auto accident (PIP / med-pay) claim');
  });
});
