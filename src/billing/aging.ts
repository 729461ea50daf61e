import { dateIn, daysBetween } from '../time/index.ts';
import { accountKey } from './accounts.ts';
import type { Account } from './accounts.ts';
import type { PostedEntry } from './ledger.ts';
import { money, ZERO } from './money.ts';
import type { Money } from './money.ts';

/**
 * Accounts-receivable aging: how long what is owed has been owed, in the buckets clinics and
 * payers use (0–30, 31–60, 61–90, over 90 days). Each receivable's debits (charges, money moved
 * onto it, refunds) are the open items; its credits (payments, adjustments, write-offs, moves off
 * it) pay the oldest items first. An entry and its reversal cancel out and are left out.
 */

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface AgingRow {
  account: Account;
  buckets: Record<AgingBucket, Money>;
  /** Money held for the account beyond what it owes (an overpayment), as a positive amount. */
  credit: Money;
  /** Owed minus credit: the account's balance. */
  balance: Money;
}

export function bucketFor(ageInDays: number): AgingBucket {
  if (ageInDays <= 30) return '0-30';
  if (ageInDays <= 60) return '31-60';
  if (ageInDays <= 90) return '61-90';
  return '90+';
}

const isReceivable = (a: Account) => a.kind === 'patient' || a.kind === 'payer';

/**
 * Aging of every patient and payer receivable as of a date. `timeZone` is the organisation's, to
 * date entries that carry only their posting instant.
 */
export function agingReport(entries: readonly PostedEntry[], asOf: string, timeZone: string): AgingRow[] {
  const reversed = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
  const live = entries.filter((e) => e.kind !== 'reversal' && !reversed.has(e.id));
  const accounts = new Map<
    string,
    { account: Account; items: Array<{ date: string; amount: number }>; credits: number }
  >();
  for (const entry of live) {
    const date = entry.serviceDate ?? dateIn(timeZone, Date.parse(entry.postedAt));
    for (const line of entry.lines) {
      if (!isReceivable(line.account)) continue;
      const key = accountKey(line.account);
      const row = accounts.get(key) ?? { account: line.account, items: [], credits: 0 };
      if (line.side === 'debit') row.items.push({ date, amount: line.amount });
      else row.credits += line.amount;
      accounts.set(key, row);
    }
  }
  const rows: AgingRow[] = [];
  for (const [, { account, items, credits }] of [...accounts].sort(([a], [b]) => a.localeCompare(b))) {
    const buckets = { '0-30': 0, '31-60': 0, '61-90': 0, '90+': 0 };
    let pool = credits;
    for (const item of [...items].sort((a, b) => a.date.localeCompare(b.date))) {
      const paid = Math.min(pool, item.amount);
      pool -= paid;
      const open = item.amount - paid;
      if (open > 0) buckets[bucketFor(Math.max(0, daysBetween(item.date, asOf)))] += open;
    }
    const owed = Object.values(buckets).reduce((n, b) => n + b, 0);
    if (owed === 0 && pool === 0) continue;
    rows.push({
      account,
      buckets: {
        '0-30': money(buckets['0-30']),
        '31-60': money(buckets['31-60']),
        '61-90': money(buckets['61-90']),
        '90+': money(buckets['90+']),
      },
      credit: money(pool),
      balance: money(owed - pool),
    });
  }
  return rows;
}

/** The aging summed per payer (what each payer owes over all its patients), and for patients together. */
export function agingByPayer(
  rows: readonly AgingRow[],
): Array<{ payerId: string | null; buckets: Record<AgingBucket, Money>; balance: Money }> {
  const totals = new Map<string | null, { buckets: Record<AgingBucket, Money>; balance: Money }>();
  for (const row of rows) {
    const payerId = row.account.kind === 'payer' ? row.account.payerId : null;
    const total = totals.get(payerId) ?? {
      buckets: { '0-30': ZERO, '31-60': ZERO, '61-90': ZERO, '90+': ZERO },
      balance: ZERO,
    };
    for (const b of AGING_BUCKETS) total.buckets[b] = money(total.buckets[b] + row.buckets[b]);
    total.balance = money(total.balance + row.balance);
    totals.set(payerId, total);
  }
  // Payers by id, then the patients' own share last.
  return [...totals]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([payerId, t]) => ({ payerId, ...t }));
}
