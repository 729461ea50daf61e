import { describe, expect, it } from 'vitest';
import { payerPricing, signedVisit } from '../../test/support/billing-claims.ts';
import { proposeCharges } from './charges.ts';
import type { Pricing } from './charges.ts';
import { checkoutPostings, postBatch } from './checkout.ts';
import type { PostingRequest } from './ledger.ts';
import { money } from './money.ts';
import type { Money } from './money.ts';
import { checkoutReceipt } from './receipt.ts';

const ZONE = 'America/New_York';

function checkout(pricing: Pricing, copay: Money, payments: PostingRequest[]) {
  const proposed = proposeCharges(signedVisit(), pricing);
  if (!proposed.ok) throw new Error(proposed.problems[0]?.message);
  const requests = [...checkoutPostings(proposed.proposal, copay), ...payments];
  // Posted at 02:30 UTC on 3 March: still 2 March in New York.
  const batch = postBatch(
    [],
    requests,
    requests.map((_, i) => ({ id: `e${i}`, postedAt: '2026-03-03T02:30:00Z' })),
  );
  if (!batch.ok) throw new Error(batch.refused.message);
  return checkoutReceipt({
    proposal: proposed.proposal,
    copay,
    posted: batch.posted,
    entries: batch.entries,
    timeZone: ZONE,
  });
}

describe('the facts of a checkout receipt', () => {
  it('self-pay: the lines are the patient’s, paid in part by card', () => {
    const receipt = checkout({ kind: 'self-pay', unitRule: 'cms', servicePrice: money(12000) }, money(0), [
      { kind: 'payment', patientId: 'p1', amount: money(10000), method: 'card', reference: 'AUTH 004417' },
    ]);
    expect(receipt).toEqual({
      lines: [
        { description: 'manual therapy (trigger-point and myofascial work)', code: '97140', units: 2, amount: 8000 },
        { description: 'neuromuscular re-education', code: '97112', units: 1, amount: 4000 },
      ],
      billedToPayer: null,
      payments: [{ date: '2026-03-02', method: 'card', reference: 'AUTH 004417', amount: 10000 }],
      balanceAfter: 2000,
    });
  });

  it('payer-billed: the patient is charged the copay; what went to the payer is shown apart', () => {
    const receipt = checkout(payerPricing('acme'), money(2500), [
      { kind: 'payment', patientId: 'p1', amount: money(2500), method: 'cash' },
    ]);
    expect(receipt).toEqual({
      lines: [{ description: 'Copay', amount: 2500 }],
      billedToPayer: { payerId: 'acme', amount: 14000 },
      payments: [{ date: '2026-03-02', method: 'cash', amount: 2500 }],
      balanceAfter: 0,
    });
  });
});
