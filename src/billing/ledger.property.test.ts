import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from './money.ts';
import { balances, entryTotals, post, PAYMENT_METHODS } from './ledger.ts';
import type { PostedEntry, PostingRequest } from './ledger.ts';

const AT = '2026-03-02T15:00:00.000Z';
const patientId = fc.constantFrom('p1', 'p2');
const payerId = fc.option(fc.constantFrom('acme-auto', 'state-fund'), { nil: undefined });
const amount = fc.integer({ min: 1, max: 50_000 }).map(money);
const method = fc.constantFrom(...PAYMENT_METHODS);

/** Any request the desk might make, many of which the ledger will refuse. */
const request: fc.Arbitrary<PostingRequest> = fc.oneof(
  fc.record({ kind: fc.constant('charge' as const), patientId, payerId, amount }),
  fc.record({ kind: fc.constant('payment' as const), patientId, payerId, amount, method, allowCredit: fc.boolean() }),
  fc.record({ kind: fc.constant('adjustment' as const), patientId, payerId, amount, reason: fc.constant('contract') }),
  fc.record({
    kind: fc.constant('write-off' as const),
    patientId,
    payerId,
    amount,
    reason: fc.constant('uncollectable'),
  }),
  fc.record({ kind: fc.constant('transfer' as const), patientId, fromPayerId: payerId, toPayerId: payerId, amount }),
  fc.record({ kind: fc.constant('refund' as const), patientId, payerId, amount, method }),
  fc.record({
    kind: fc.constant('reversal' as const),
    entryId: fc.nat(40).map((n) => `e${n}`),
    reason: fc.constant('mistake'),
  }),
);

/** Posts what the ledger accepts; refused requests must leave the entries untouched. */
function postAccepted(requests: PostingRequest[]): readonly PostedEntry[] {
  let entries: readonly PostedEntry[] = [];
  for (const [i, r] of requests.entries()) {
    const result = post(entries, r, { id: `e${i}`, postedAt: AT });
    if (result.ok) entries = result.entries;
  }
  return entries;
}

function balanceTable(entries: readonly PostedEntry[]): Record<string, number> {
  return Object.fromEntries([...balances(entries)].filter(([, b]) => b !== 0).sort(([a], [b]) => a.localeCompare(b)));
}

describe('ledger properties', () => {
  it('every posted entry balances, so all accounts together always sum to zero', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        const entries = postAccepted(requests);
        for (const e of entries) {
          const { debits, credits } = entryTotals(e);
          expect(debits).toBe(credits);
          expect(debits).toBeGreaterThan(0);
        }
        expect([...balances(entries).values()].reduce((n, b) => n + b, 0)).toBe(0);
      }),
    );
  });

  it('a refused request posts nothing', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), request, (requests, next) => {
        const entries = postAccepted(requests);
        const before = JSON.stringify(entries);
        const result = post(entries, next, { id: 'next', postedAt: AT });
        expect(JSON.stringify(entries)).toBe(before);
        if (!result.ok) expect(result.refused.field).not.toBe('');
      }),
    );
  });

  it('reversing an entry right after posting it restores every balance', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), request, (requests, next) => {
        const entries = postAccepted(requests);
        const posted = post(entries, next, { id: 'next', postedAt: AT });
        fc.pre(posted.ok && posted.entry.kind !== 'reversal');
        if (!posted.ok) return;
        const undone = post(
          posted.entries,
          { kind: 'reversal', entryId: 'next', reason: 'mistake' },
          { id: 'undo', postedAt: AT },
        );
        expect(undone.ok).toBe(true);
        if (undone.ok) expect(balanceTable(undone.entries)).toEqual(balanceTable(entries));
      }),
    );
  });

  it('a reversal posted later cancels its entry whatever came between', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), fc.nat(), (requests, pick) => {
        const entries = postAccepted(requests);
        const originals = entries.filter((e) => e.kind !== 'reversal' && !entries.some((r) => r.reverses === e.id));
        fc.pre(originals.length > 0);
        const target = originals[pick % originals.length] as PostedEntry;
        const undone = post(
          entries,
          { kind: 'reversal', entryId: target.id, reason: 'mistake' },
          { id: 'undo', postedAt: AT },
        );
        expect(undone.ok).toBe(true);
        if (!undone.ok) return;
        const without = entries.filter((e) => e.id !== target.id);
        expect(balanceTable(undone.entries)).toEqual(balanceTable(without));
      }),
    );
  });

  it('balances do not depend on the order of the entries', () => {
    fc.assert(
      fc.property(
        fc.array(request, { maxLength: 40 }).chain((requests) => {
          const entries = postAccepted(requests);
          return fc.tuple(fc.constant(entries), fc.shuffledSubarray([...entries], { minLength: entries.length }));
        }),
        ([entries, shuffled]) => {
          expect(balanceTable(shuffled)).toEqual(balanceTable(entries));
        },
      ),
    );
  });

  it('a receivable never goes below zero except by a payment taken as a credit', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        const cautious = requests.map((r) => (r.kind === 'payment' ? { ...r, allowCredit: false } : r));
        const entries = postAccepted(cautious);
        // Reversing a charge after it was paid can leave a credit too; without reversals none can arise.
        fc.pre(!entries.some((e) => e.kind === 'reversal'));
        for (const [key, balance] of balances(entries)) {
          if (key.startsWith('patient:') || key.startsWith('payer:')) expect(balance).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
