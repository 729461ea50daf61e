import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/index.ts';
import { agingByPayer, agingReport, bucketFor } from './aging.ts';
import { balanceOf, post, PAYMENT_METHODS } from './ledger.ts';
import type { PostedEntry, PostingRequest } from './ledger.ts';
import { money } from './money.ts';

const ZONE = 'America/New_York';
const AS_OF = '2026-06-30';

function postAll(requests: PostingRequest[]): readonly PostedEntry[] {
  return requests.reduce<readonly PostedEntry[]>((entries, request) => {
    const result = post(entries, request, { id: `e${entries.length + 1}`, postedAt: '2026-06-30T16:00:00Z' });
    if (!result.ok) throw new Error(result.refused.message);
    return result.entries;
  }, []);
}

describe('A/R aging', () => {
  it('puts each day count in its bucket', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(bucketFor)).toEqual([
      '0-30',
      '0-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      '90+',
    ]);
  });

  it('ages charges from their date of service and lets payments pay the oldest first', () => {
    const entries = postAll([
      { kind: 'charge', patientId: 'p1', payerId: 'acme', amount: money(10000), serviceDate: '2026-03-01' },
      { kind: 'charge', patientId: 'p1', payerId: 'acme', amount: money(8000), serviceDate: '2026-05-10' },
      { kind: 'charge', patientId: 'p1', payerId: 'acme', amount: money(6000), serviceDate: '2026-06-20' },
      { kind: 'payment', patientId: 'p1', payerId: 'acme', amount: money(12000), method: 'transfer' },
    ]);
    expect(agingReport(entries, AS_OF, ZONE)).toEqual([
      {
        account: { kind: 'payer', payerId: 'acme', patientId: 'p1' },
        buckets: { '0-30': 6000, '31-60': 6000, '61-90': 0, '90+': 0 },
        credit: 0,
        balance: 12000,
      },
    ]);
  });

  it('shows an overpayment as a credit, and leaves out a reversed charge', () => {
    const entries = postAll([
      { kind: 'charge', patientId: 'p2', amount: money(5000), serviceDate: '2026-01-05' },
      { kind: 'charge', patientId: 'p2', amount: money(3000), serviceDate: '2026-06-01' },
      { kind: 'reversal', entryId: 'e1', reason: 'billed to the wrong patient' },
      { kind: 'payment', patientId: 'p2', amount: money(4000), method: 'card', allowCredit: true },
    ]);
    expect(agingReport(entries, AS_OF, ZONE)).toEqual([
      {
        account: { kind: 'patient', patientId: 'p2' },
        buckets: { '0-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
        credit: 1000,
        balance: -1000,
      },
    ]);
  });

  it('sums by payer, patients together', () => {
    const entries = postAll([
      { kind: 'charge', patientId: 'p1', payerId: 'acme', amount: money(100), serviceDate: '2026-06-29' },
      { kind: 'charge', patientId: 'p2', payerId: 'acme', amount: money(200), serviceDate: '2026-01-29' },
      { kind: 'charge', patientId: 'p2', amount: money(50), serviceDate: '2026-06-29' },
    ]);
    expect(agingByPayer(agingReport(entries, AS_OF, ZONE))).toEqual([
      { payerId: 'acme', buckets: { '0-30': 100, '31-60': 0, '61-90': 0, '90+': 200 }, balance: 300 },
      { payerId: null, buckets: { '0-30': 50, '31-60': 0, '61-90': 0, '90+': 0 }, balance: 50 },
    ]);
  });

  it("each row's buckets less its credit is the ledger balance, whatever the postings and their order", () => {
    const patientId = fc.constantFrom('p1', 'p2');
    const payerId = fc.option(fc.constant('acme'), { nil: undefined });
    const amount = fc.integer({ min: 1, max: 20_000 }).map(money);
    const serviceDate = fc.integer({ min: 0, max: 200 }).map((d) => addDays('2026-01-01', d));
    const request: fc.Arbitrary<PostingRequest> = fc.oneof(
      fc.record({ kind: fc.constant('charge' as const), patientId, payerId, amount, serviceDate }),
      fc.record({
        kind: fc.constant('payment' as const),
        patientId,
        payerId,
        amount,
        method: fc.constantFrom(...PAYMENT_METHODS),
        allowCredit: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('write-off' as const), patientId, payerId, amount, reason: fc.constant('old') }),
      fc.record({ kind: fc.constant('transfer' as const), patientId, fromPayerId: payerId, amount }),
      fc.record({
        kind: fc.constant('reversal' as const),
        entryId: fc.nat(30).map((n) => `e${n}`),
        reason: fc.constant('oops'),
      }),
    );
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), (requests) => {
        let entries: readonly PostedEntry[] = [];
        requests.forEach((r, i) => {
          const result = post(entries, r, { id: `e${i}`, postedAt: '2026-06-30T16:00:00Z' });
          if (result.ok) entries = result.entries;
        });
        const rows = agingReport(entries, AS_OF, ZONE);
        for (const row of rows) {
          const owed = Object.values(row.buckets).reduce((n, b) => n + b, 0);
          expect(owed - row.credit).toBe(row.balance);
          expect(row.balance).toBe(balanceOf(entries, row.account));
          expect(owed > 0 && row.credit > 0).toBe(false);
        }
        expect(agingReport([...entries].reverse(), AS_OF, ZONE)).toEqual(rows);
      }),
    );
  });
});
