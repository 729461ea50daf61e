import { dateIn } from '../time/index.ts';
import { accountKey } from './accounts.ts';
import type { Account } from './accounts.ts';
import type { PostedEntry } from './ledger.ts';
import { money, ZERO } from './money.ts';
import type { Money } from './money.ts';

/**
 * One receivable's ledger as a statement: every entry that touched it in posting order, what it
 * added (charges, refunds, balances moved onto it) and took off (payments, adjustments, write-offs,
 * balances moved away), and the balance after each. Reversals are shown, not hidden: an adjuster
 * reading the statement sees the mistake and its correction.
 */

export interface StatementInput {
  entries: readonly PostedEntry[];
  /** The receivable: a payer's for one patient, or the patient's own. */
  account: Account;
  /** The organisation's zone, to date entries by their posting instant. */
  timeZone: string;
  /** Words for particular entries (e.g. "97140 manual therapy, 2 units"), by entry id. */
  descriptions?: Readonly<Record<string, string>>;
}

export interface StatementLine {
  entryId: string;
  /** YYYY-MM-DD: a charge's date of service, else the day it was posted. */
  date: string;
  description: string;
  charge: Money;
  credit: Money;
  balance: Money;
}

export interface Statement {
  lines: StatementLine[];
  charges: Money;
  credits: Money;
  balance: Money;
}

const METHOD = { card: 'card', cash: 'cash', check: 'check', transfer: 'bank transfer' } as const;

function describe(entry: PostedEntry, added: boolean): string {
  const why = entry.reason ? `: ${entry.reason}` : '';
  switch (entry.kind) {
    case 'charge':
      return 'Charge';
    case 'payment':
    case 'refund': {
      const how = entry.method ? ` by ${METHOD[entry.method]}` : '';
      const ref = entry.reference ? ` (ref. ${entry.reference})` : '';
      return `${entry.kind === 'payment' ? 'Payment' : 'Refund'}${how}${ref}`;
    }
    case 'adjustment':
      return `Adjustment${why}`;
    case 'write-off':
      return `Write-off${why}`;
    case 'transfer':
      return added ? 'Balance moved to this account' : 'Balance moved to another account';
    case 'reversal':
      return `Reversal of ${entry.reverses ?? 'an entry'}${why}`;
  }
}

export function accountStatement(input: StatementInput): Statement {
  const key = accountKey(input.account);
  const lines: StatementLine[] = [];
  let balance = 0;
  let charges = 0;
  let credits = 0;
  for (const entry of input.entries) {
    let debit = 0;
    let credit = 0;
    for (const line of entry.lines) {
      if (accountKey(line.account) !== key) continue;
      if (line.side === 'debit') debit += line.amount;
      else credit += line.amount;
    }
    if (debit === 0 && credit === 0) continue;
    balance += debit - credit;
    charges += debit;
    credits += credit;
    lines.push({
      entryId: entry.id,
      date: entry.serviceDate ?? dateIn(input.timeZone, Date.parse(entry.postedAt)),
      description: input.descriptions?.[entry.id] ?? describe(entry, debit > credit),
      charge: money(debit),
      credit: money(credit),
      balance: money(balance),
    });
  }
  return { lines, charges: money(charges), credits: money(credits), balance: lines.length ? money(balance) : ZERO };
}
