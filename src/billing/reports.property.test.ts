import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/index.ts';
import { AGING_BUCKETS } from './aging.ts';
import { balances, post, PAYMENT_METHODS } from './ledger.ts';
import type { PostedEntry, PostingRequest } from './ledger.ts';
import { money } from './money.ts';
import {
  arAgingByPayer,
  authorizationsRunningOut,
  reportCsv,
  revenueReport,
  revenueTable,
  unbilledVisits,
} from './reports.ts';
import type { ChargeForRevenue, ChargeState, VisitToBill } from './reports.ts';
import { accountStatement } from './statement.ts';

const ZONE = 'America/New_York';
const AS_OF = '2026-06-30';
const day = fc.integer({ min: -200, max: 0 }).map((n) => addDays(AS_OF, n));
const patientId = fc.constantFrom('p1', 'p2', 'p3');
const payerId = fc.option(fc.constantFrom('acme', 'fund'), { nil: undefined });
const amount = fc.integer({ min: 1, max: 50_000 }).map(money);

const request: fc.Arbitrary<PostingRequest> = fc.oneof(
  fc.record({ kind: fc.constant('charge' as const), patientId, payerId, amount, serviceDate: day }),
  fc.record({
    kind: fc.constant('payment' as const),
    patientId,
    payerId,
    amount,
    method: fc.constantFrom(...PAYMENT_METHODS),
    allowCredit: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('adjustment' as const), patientId, payerId, amount, reason: fc.constant('contract') }),
  fc.record({ kind: fc.constant('transfer' as const), patientId, fromPayerId: payerId, toPayerId: payerId, amount }),
  fc.record({
    kind: fc.constant('reversal' as const),
    entryId: fc.nat(30).map((n) => `e${n}`),
    reason: fc.constant('x'),
  }),
);

/** Posts what the ledger accepts and skips what it refuses, as the desk would see. */
function ledger(requests: PostingRequest[]): readonly PostedEntry[] {
  let entries: readonly PostedEntry[] = [];
  for (const r of requests) {
    const result = post(entries, r, { id: `e${entries.length}`, postedAt: '2026-06-15T15:00:00Z' });
    if (result.ok) entries = result.entries;
  }
  return entries;
}

describe('billing reports, for any ledger or data', () => {
  it('aging by payer: no bucket is negative, they cover the balance, and the total is all receivables', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), (requests) => {
        const entries = ledger(requests);
        const report = arAgingByPayer({ entries, asOf: AS_OF, timeZone: ZONE });
        const receivables = [...balances(entries)]
          .filter(([key]) => key.startsWith('patient:') || key.startsWith('payer:'))
          .reduce((n, [, b]) => n + b, 0);
        expect(report.total.balance).toBe(receivables);
        for (const row of report.rows) {
          const fromBuckets = AGING_BUCKETS.reduce((n, b) => n + row.buckets[b], 0);
          expect(row.balance).toBeLessThanOrEqual(fromBuckets);
          for (const b of AGING_BUCKETS) expect(row.buckets[b]).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("a statement's last balance is the account's balance on the ledger", () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), patientId, payerId, (requests, p, payer) => {
        const entries = ledger(requests);
        const account =
          payer === undefined
            ? { kind: 'patient' as const, patientId: p }
            : { kind: 'payer' as const, payerId: payer, patientId: p };
        const key = payer === undefined ? `patient:${p}` : `payer:${payer}:patient:${p}`;
        const statement = accountStatement({ entries, account, timeZone: ZONE });
        expect(statement.balance).toBe(balances(entries).get(key) ?? 0);
        expect(statement.charges - statement.credits).toBe(statement.balance);
      }),
    );
  });

  it('unbilled: a signed visit is listed exactly when it has no posted charge, or is a payer visit on no claim', () => {
    const visit = fc.record({
      visitId: fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5'),
      patientName: fc.constant('P'),
      serviceDate: day,
      siteName: fc.constant('Albany'),
      therapistName: fc.constant('T'),
      signed: fc.boolean(),
      selfPay: fc.boolean(),
    });
    const charge = fc.record({
      visitId: fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5'),
      status: fc.constantFrom<ChargeState['status']>('proposed', 'posted', 'reversed'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(visit, { selector: (v: VisitToBill) => v.visitId }),
        fc.array(charge),
        fc.subarray(['v1', 'v2', 'v3', 'v4', 'v5']),
        (visits, charges, claimed) => {
          const rows = unbilledVisits({ visits, charges, claims: [{ visitIds: claimed }], asOf: AS_OF });
          for (const v of visits) {
            const posted = charges.some((c) => c.visitId === v.visitId && c.status === 'posted');
            const listed = v.signed && (!posted || (!v.selfPay && !claimed.includes(v.visitId)));
            const row = rows.find((r) => r.visitId === v.visitId);
            expect(row !== undefined).toBe(listed);
            if (row && !posted) {
              const waiting = charges.some((c) => c.visitId === v.visitId && c.status === 'proposed');
              expect(row.reason).toBe(waiting ? 'charge-not-posted' : 'no-charge');
            }
          }
          expect(rows.map((r) => r.serviceDate)).toEqual(rows.map((r) => r.serviceDate).sort());
        },
      ),
    );
  });

  it('running out: listed exactly when in force and at or below the threshold or ending within the window', () => {
    const auth = fc.record({
      id: fc.uuid(),
      unit: fc.constantFrom<'visits' | 'units'>('visits', 'units'),
      authorized: fc.integer({ min: 1, max: 30 }),
      startsOn: day,
      endsOn: fc.integer({ min: -10, max: 120 }).map((n) => addDays(AS_OF, n)),
      patientName: fc.constant('P'),
      payerName: fc.constant('Acme'),
      used: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(auth), fc.nat(10), fc.nat(60), (authorizations, threshold, days) => {
        const rows = authorizationsRunningOut({
          authorizations,
          asOf: AS_OF,
          remainingAtOrBelow: threshold,
          endingWithinDays: days,
        });
        for (const a of authorizations) {
          const remaining = Math.max(0, a.authorized - a.used);
          const listed = a.endsOn >= AS_OF && (remaining <= threshold || a.endsOn <= addDays(AS_OF, days));
          expect(rows.filter((r) => r.authorizationId === a.id)).toHaveLength(listed ? 1 : 0);
        }
      }),
    );
  });

  it('revenue: every grouping adds up to the same total, the in-period posted charges', () => {
    const charge = fc.record({
      chargeId: fc.uuid(),
      serviceDate: day,
      siteId: fc.constantFrom('s1', 's2'),
      siteName: fc.constant('Site'),
      therapistId: fc.constantFrom('t1', 't2', 't3'),
      therapistName: fc.constant('T'),
      code: fc.constantFrom('97140', '97112', '97110'),
      units: fc.integer({ min: 1, max: 4 }),
      amount,
      status: fc.constantFrom<ChargeState['status']>('proposed', 'posted', 'reversed'),
    });
    fc.assert(
      fc.property(fc.array(charge), day, day, (charges: ChargeForRevenue[], a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const expected = charges
          .filter((c) => c.status === 'posted' && c.serviceDate >= from && c.serviceDate <= to)
          .reduce((n, c) => n + c.amount, 0);
        const groupings = [['site'], ['therapist'], ['service'], ['site', 'therapist', 'service']] as const;
        for (const by of groupings) {
          const report = revenueReport({ charges, from, to, by });
          expect(report.total.amount).toBe(expected);
          expect(report.rows.reduce((n, r) => n + r.amount, 0)).toBe(expected);
          // One CSV line per row, plus the heading, the total and the trailing line end.
          expect(reportCsv(revenueTable(report)).split('\r\n')).toHaveLength(report.rows.length + 3);
        }
      }),
    );
  });
});
