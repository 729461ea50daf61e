import { describe, expect, it } from 'vitest';
import { money } from './money.ts';
import { balanceOf, balances, entryTotals, payerBalance, post } from './ledger.ts';
import type { PostedEntry, PostingRequest, PostingResult } from './ledger.ts';

const AT = '2026-03-02T15:00:00.000Z';
const patient = { kind: 'patient', patientId: 'p1' } as const;
const autoInsurer = { kind: 'payer', payerId: 'acme-auto', patientId: 'p1' } as const;

/** Posts requests in order, numbering entries e1, e2 …; fails the test on a refusal. */
function postAll(requests: PostingRequest[], start: readonly PostedEntry[] = []): readonly PostedEntry[] {
  return requests.reduce<readonly PostedEntry[]>((entries, request) => {
    const result = post(entries, request, { id: `e${entries.length + 1}`, postedAt: AT });
    if (!result.ok) throw new Error(`${result.refused.field}: ${result.refused.message}`);
    return result.entries;
  }, start);
}
function refusal(result: PostingResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.refused;
}

describe('the ledger', () => {
  it('a self-pay visit: charge, card payment, zero balance', () => {
    const entries = postAll([
      { kind: 'charge', patientId: 'p1', amount: money(12000) },
      { kind: 'payment', patientId: 'p1', amount: money(12000), method: 'card', reference: 'term-4411' },
    ]);
    expect(balanceOf(entries, patient)).toBe(0);
    expect(balanceOf(entries, { kind: 'revenue' })).toBe(-12000);
    expect(balanceOf(entries, { kind: 'cash' })).toBe(12000);
    expect(entries[1]).toMatchObject({ method: 'card', reference: 'term-4411' });
  });

  it('an insurance visit: payer pays part, contractual adjustment, the rest moves to the patient', () => {
    const entries = postAll([
      { kind: 'charge', patientId: 'p1', payerId: 'acme-auto', amount: money(18000) },
      { kind: 'payment', patientId: 'p1', payerId: 'acme-auto', amount: money(11000), method: 'transfer' },
      { kind: 'adjustment', patientId: 'p1', payerId: 'acme-auto', amount: money(4000), reason: 'contracted rate' },
      { kind: 'transfer', patientId: 'p1', fromPayerId: 'acme-auto', amount: money(3000) },
    ]);
    expect(balanceOf(entries, autoInsurer)).toBe(0);
    expect(payerBalance(entries, 'acme-auto')).toBe(0);
    expect(balanceOf(entries, patient)).toBe(3000);
  });

  it('every entry it posts has equal debits and credits', () => {
    const entries = postAll([
      { kind: 'charge', patientId: 'p1', amount: money(5000) },
      { kind: 'payment', patientId: 'p1', amount: money(7000), method: 'cash', allowCredit: true },
      { kind: 'refund', patientId: 'p1', amount: money(2000), method: 'cash' },
    ]);
    for (const e of entries) expect(entryTotals(e).debits).toBe(entryTotals(e).credits);
    expect(balanceOf(entries, patient)).toBe(0);
  });

  it('refuses a payment larger than the balance unless it is taken as a credit', () => {
    const entries = postAll([{ kind: 'charge', patientId: 'p1', amount: money(5000) }]);
    const request = { kind: 'payment', patientId: 'p1', amount: money(5001), method: 'card' } as const;
    expect(refusal(post(entries, request, { id: 'x', postedAt: AT }))).toMatchObject({
      field: 'amount',
      code: 'more-than-owed',
    });
    const credited = post(entries, { ...request, allowCredit: true }, { id: 'x', postedAt: AT });
    expect(credited.ok && balanceOf(credited.entries, patient)).toBe(-1);
  });

  it('refuses write-offs, adjustments and transfers beyond the balance, and refunds beyond the credit', () => {
    const entries = postAll([{ kind: 'charge', patientId: 'p1', payerId: 'acme-auto', amount: money(5000) }]);
    const stamp = { id: 'x', postedAt: AT };
    const requests: PostingRequest[] = [
      { kind: 'write-off', patientId: 'p1', payerId: 'acme-auto', amount: money(5001), reason: 'timely filing' },
      { kind: 'adjustment', patientId: 'p1', payerId: 'acme-auto', amount: money(5001), reason: 'contract' },
      { kind: 'transfer', patientId: 'p1', fromPayerId: 'acme-auto', amount: money(5001) },
    ];
    for (const r of requests)
      expect(refusal(post(entries, r, stamp))).toMatchObject({ field: 'amount', code: 'more-than-owed' });
    expect(
      refusal(post(entries, { kind: 'refund', patientId: 'p1', amount: money(1), method: 'cash' }, stamp)),
    ).toMatchObject({
      field: 'amount',
      code: 'more-than-credit',
    });
  });

  it('names the field of malformed requests', () => {
    const stamp = { id: 'x', postedAt: AT };
    const cases: Array<[unknown, string]> = [
      [{ kind: 'charge', patientId: 'p1', amount: 12.5 }, 'amount'],
      [{ kind: 'charge', patientId: 'p1', amount: 0 }, 'amount'],
      [{ kind: 'charge', patientId: 'p1', amount: -100 }, 'amount'],
      [{ kind: 'charge', patientId: 'p1' }, 'amount'],
      [{ kind: 'charge', patientId: '', amount: 100 }, 'patientId'],
      [{ kind: 'charge', patientId: 'p1', amount: 100, serviceDate: '2026-02-30' }, 'serviceDate'],
      [{ kind: 'charge', patientId: 'p1', payerId: ' ', amount: 100 }, 'payerId'],
      [{ kind: 'payment', patientId: 'p1', amount: 100, method: 'barter', allowCredit: true }, 'method'],
      [{ kind: 'write-off', patientId: 'p1', amount: 100, reason: '' }, 'reason'],
      [{ kind: 'transfer', patientId: 'p1', amount: 100 }, 'toPayerId'],
      [{ kind: 'reversal', entryId: 'nope', reason: 'typo' }, 'entryId'],
    ];
    for (const [request, field] of cases) {
      expect(refusal(post([], request as PostingRequest, stamp)).field).toBe(field);
    }
  });

  it('a reversal undoes an entry exactly once, and is not itself reversed', () => {
    const entries = postAll([
      { kind: 'charge', patientId: 'p1', amount: money(9000) },
      { kind: 'payment', patientId: 'p1', amount: money(9000), method: 'check', reference: '1042' },
      { kind: 'reversal', entryId: 'e2', reason: 'cheque returned' },
    ]);
    expect(balanceOf(entries, patient)).toBe(9000);
    expect(entries[2]).toMatchObject({ kind: 'reversal', reverses: 'e2', patientId: 'p1' });
    const again = post(entries, { kind: 'reversal', entryId: 'e2', reason: 'twice' }, { id: 'e4', postedAt: AT });
    expect(refusal(again)).toMatchObject({ field: 'entryId', code: 'already-reversed' });
    const ofReversal = post(entries, { kind: 'reversal', entryId: 'e3', reason: 'undo' }, { id: 'e4', postedAt: AT });
    expect(refusal(ofReversal).field).toBe('entryId');
  });

  it('is append-only: posting never changes the entries passed in, and posted entries are frozen', () => {
    const before = postAll([{ kind: 'charge', patientId: 'p1', amount: money(100) }]);
    const snapshot = JSON.stringify(before);
    const after = post(before, { kind: 'charge', patientId: 'p1', amount: money(200) }, { id: 'e2', postedAt: AT });
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(after.ok && after.entries.length).toBe(2);
    const entry = before[0] as PostedEntry;
    expect(Object.isFrozen(entry) && Object.isFrozen(entry.lines) && Object.isFrozen(entry.lines[0])).toBe(true);
    expect(
      refusal(post(before, { kind: 'charge', patientId: 'p1', amount: money(1) }, { id: 'e1', postedAt: AT })),
    ).toMatchObject({
      field: 'id',
      code: 'duplicate',
    });
  });

  it('keeps payers apart: one payer owes for its patients only', () => {
    const entries = postAll([
      { kind: 'charge', patientId: 'p1', payerId: 'acme-auto', amount: money(100) },
      { kind: 'charge', patientId: 'p2', payerId: 'acme-auto', amount: money(200) },
      { kind: 'charge', patientId: 'p2', payerId: 'state-fund', amount: money(400) },
    ]);
    expect(payerBalance(entries, 'acme-auto')).toBe(300);
    expect(payerBalance(entries, 'state-fund')).toBe(400);
    expect([...balances(entries).values()].reduce((n, b) => n + b, 0)).toBe(0);
  });
});
