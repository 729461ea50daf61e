import { describe, expect, it } from 'vitest';
import { proposeCharges } from './charges.ts';
import type { Pricing } from './charges.ts';
import { checkoutPostings, dueNow, postBatch } from './checkout.ts';
import { balanceOf, payerBalance, post } from './ledger.ts';
import type { PostedEntry, PostingRequest } from './ledger.ts';
import { money } from './money.ts';
import { payerPricing, signedVisit } from '../../test/support/billing-claims.ts';

const visit = signedVisit();
const plan = payerPricing('empire');
const stamps = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({ id: `e${from + i}`, postedAt: '2026-03-02T17:00:00Z' }));

function proposed(pricing: Pricing) {
  const result = proposeCharges(visit, pricing);
  if (!result.ok) throw new Error('proposal refused');
  return result.proposal;
}
function posted(entries: readonly PostedEntry[], requests: PostingRequest[]) {
  const result = postBatch(entries, requests, stamps(requests.length, entries.length + 1));
  if (!result.ok) throw new Error(result.refused.message);
  return result.entries;
}

describe('checkout', () => {
  it('health plan with a copay: the plan owes the rest, the patient owes the copay, then pays it', () => {
    const entries = posted([], checkoutPostings(proposed(plan), money(2500)));
    expect(payerBalance(entries, 'empire')).toBe(11500);
    expect(dueNow(entries, 'p1')).toBe(2500);
    const paid = posted(entries, [
      { kind: 'payment', patientId: 'p1', amount: money(2500), method: 'card', reference: 'T-88' },
    ]);
    expect(dueNow(paid, 'p1')).toBe(0);
    expect(entries.filter((e) => e.kind === 'charge').map((e) => [e.serviceDate, e.reference])).toEqual([
      ['2026-03-02', 'v1:97140'],
      ['2026-03-02', 'v1:97112'],
    ]);
  });

  it('self-pay: the whole price is the patient’s', () => {
    const entries = posted(
      [],
      checkoutPostings(proposed({ kind: 'self-pay', unitRule: 'cms', servicePrice: money(12000) }), money(2500)),
    );
    expect(dueNow(entries, 'p1')).toBe(12000);
    expect(entries.every((e) => e.kind === 'charge')).toBe(true);
  });

  it('a credit on the account is not money due', () => {
    const result = post(
      [],
      { kind: 'payment', patientId: 'p1', amount: money(500), method: 'cash', allowCredit: true },
      stamps(1)[0]!,
    );
    expect(result.ok && dueNow(result.entries, 'p1')).toBe(0);
  });

  it('posts all or nothing: a refused request leaves no part of the batch posted', () => {
    const requests = [
      ...checkoutPostings(proposed(plan), money(2500)),
      { kind: 'payment', patientId: 'p1', amount: money(9999), method: 'card' } as const,
    ];
    const result = postBatch([], requests, stamps(requests.length));
    expect(result).toMatchObject({ ok: false, refused: { index: 3, field: 'amount', code: 'more-than-owed' } });
    expect('entries' in result).toBe(false);
    const before = posted([], [{ kind: 'charge', patientId: 'p1', amount: money(100) }]);
    const again = postBatch(before, requests, stamps(requests.length, 2));
    expect(again.ok).toBe(false);
    expect(balanceOf(before, { kind: 'patient', patientId: 'p1' })).toBe(100);
    expect(before).toHaveLength(1);
    expect(() => postBatch([], requests, stamps(1))).toThrow(RangeError);
  });

  it('a copay larger than what the plan was billed is refused, naming the amount', () => {
    const result = postBatch([], checkoutPostings(proposed(plan), money(20000)), stamps(3));
    expect(result).toMatchObject({ ok: false, refused: { index: 2, field: 'amount' } });
  });
});
