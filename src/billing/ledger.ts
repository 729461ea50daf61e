import { isIsoDate } from '../time/index.ts';
import { accountKey, receivable } from './accounts.ts';
import type { Account } from './accounts.ts';
import { isMoney, money, negate, ZERO } from './money.ts';
import type { Money } from './money.ts';

/**
 * A double-entry ledger: every posting is an entry whose debit lines and credit lines are equal,
 * balances are sums over entries (never a stored running total), and an entry once posted is
 * never changed — a mistake is undone by posting its reversal.
 */

export type PaymentMethod = 'card' | 'cash' | 'check' | 'transfer';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['card', 'cash', 'check', 'transfer'];

export interface EntryLine {
  account: Account;
  side: 'debit' | 'credit';
  amount: Money;
}

export type EntryKind = 'charge' | 'payment' | 'adjustment' | 'transfer' | 'write-off' | 'refund' | 'reversal';

export interface PostedEntry {
  id: string;
  kind: EntryKind;
  /** An ISO instant the caller supplies (the ledger reads no clock). */
  postedAt: string;
  patientId: string;
  lines: readonly EntryLine[];
  /** For a payment or refund: how the money moved, and the terminal / cheque reference. */
  method?: PaymentMethod;
  reference?: string;
  /** Why an adjustment, write-off or reversal was made. */
  reason?: string;
  /** For a reversal: the entry it undoes. */
  reverses?: string;
  /** For a charge: the date of service (YYYY-MM-DD), from which its balance ages. */
  serviceDate?: string;
}

/** What the desk asks to post. `payerId` points a charge, payment, adjustment or write-off at a payer. */
export type PostingRequest =
  | { kind: 'charge'; patientId: string; payerId?: string; amount: Money; serviceDate?: string; reference?: string }
  | {
      kind: 'payment';
      patientId: string;
      payerId?: string;
      amount: Money;
      method: PaymentMethod;
      reference?: string;
      /** Accept more than is owed and hold the rest as the patient's credit. */
      allowCredit?: boolean;
    }
  | { kind: 'adjustment'; patientId: string; payerId?: string; amount: Money; reason: string }
  /** Moves a balance between receivables, e.g. what the plan left as the patient's share. */
  | { kind: 'transfer'; patientId: string; fromPayerId?: string; toPayerId?: string; amount: Money }
  | { kind: 'write-off'; patientId: string; payerId?: string; amount: Money; reason: string }
  | { kind: 'refund'; patientId: string; payerId?: string; amount: Money; method: PaymentMethod; reference?: string }
  | { kind: 'reversal'; entryId: string; reason: string };

export interface Refusal {
  /** The request field at fault, as the request names it. */
  field: string;
  code: 'required' | 'invalid' | 'more-than-owed' | 'more-than-credit' | 'not-found' | 'already-reversed' | 'duplicate';
  message: string;
}

export type PostingResult =
  { ok: true; entries: readonly PostedEntry[]; entry: PostedEntry } | { ok: false; refused: Refusal };

/** Identity and time of a new entry, chosen by the caller so the ledger stays deterministic. */
export interface Stamp {
  id: string;
  postedAt: string;
}

const debit = (account: Account, amount: Money): EntryLine => ({ account, side: 'debit', amount });
const credit = (account: Account, amount: Money): EntryLine => ({ account, side: 'credit', amount });
const refuse = (field: string, code: Refusal['code'], message: string): PostingResult => ({
  ok: false,
  refused: { field, code, message },
});

/** Debits minus credits for one account: for a receivable, what is owed (negative: a credit held). */
export function balanceOf(entries: readonly PostedEntry[], account: Account): Money {
  return balances(entries).get(accountKey(account)) ?? ZERO;
}

/** Every account's balance (debits minus credits), keyed by `accountKey`. */
export function balances(entries: readonly PostedEntry[]): Map<string, Money> {
  const totals = new Map<string, number>();
  for (const entry of entries) {
    for (const line of entry.lines) {
      const key = accountKey(line.account);
      totals.set(key, (totals.get(key) ?? 0) + (line.side === 'debit' ? line.amount : -line.amount));
    }
  }
  return new Map([...totals].map(([key, total]) => [key, money(total === 0 ? 0 : total)]));
}

/** What one payer owes across all its patients. */
export function payerBalance(entries: readonly PostedEntry[], payerId: string): Money {
  let total = 0;
  for (const entry of entries) {
    for (const line of entry.lines) {
      if (line.account.kind === 'payer' && line.account.payerId === payerId) {
        total += line.side === 'debit' ? line.amount : -line.amount;
      }
    }
  }
  return money(total);
}

export function entryTotals(entry: Pick<PostedEntry, 'lines'>): { debits: Money; credits: Money } {
  let debits = 0;
  let credits = 0;
  for (const line of entry.lines) {
    if (line.side === 'debit') debits += line.amount;
    else credits += line.amount;
  }
  return { debits: money(debits), credits: money(credits) };
}

function checkAmount(amount: unknown): PostingResult | null {
  if (amount === undefined || amount === null) return refuse('amount', 'required', 'Enter an amount.');
  if (!isMoney(amount) || amount <= 0) {
    return refuse('amount', 'invalid', 'The amount must be a whole number of cents above zero.');
  }
  return null;
}

function checkId(field: string, value: unknown, required: boolean): PostingResult | null {
  if (value === undefined && !required) return null;
  if (typeof value !== 'string' || value.trim() === '') return refuse(field, 'required', `Choose the ${label(field)}.`);
  return null;
}

function label(field: string): string {
  return field === 'patientId' ? 'patient' : field.endsWith('PayerId') || field === 'payerId' ? 'payer' : field;
}

/** The lines a request posts, or the reason it cannot be posted against these entries. */
function linesFor(
  entries: readonly PostedEntry[],
  request: Exclude<PostingRequest, { kind: 'reversal' }>,
): EntryLine[] | PostingResult {
  const owed = (account: Account) => balanceOf(entries, account);
  switch (request.kind) {
    case 'charge': {
      const to = receivable(request.patientId, request.payerId);
      if (request.serviceDate !== undefined && !isIsoDate(request.serviceDate)) {
        return refuse('serviceDate', 'invalid', 'The date of service is not a date.');
      }
      return [debit(to, request.amount), credit({ kind: 'revenue' }, request.amount)];
    }
    case 'payment': {
      const from = receivable(request.patientId, request.payerId);
      if (!PAYMENT_METHODS.includes(request.method)) {
        return refuse('method', 'invalid', `Choose how it was paid: ${PAYMENT_METHODS.join(', ')}.`);
      }
      if (request.amount > owed(from) && request.allowCredit !== true) {
        return refuse(
          'amount',
          'more-than-owed',
          'The payment is more than the balance; record it as a credit on the account or enter the balance.',
        );
      }
      return [debit({ kind: 'cash' }, request.amount), credit(from, request.amount)];
    }
    case 'adjustment':
    case 'write-off': {
      const from = receivable(request.patientId, request.payerId);
      if (typeof request.reason !== 'string' || request.reason.trim() === '') {
        return refuse('reason', 'required', `Say why the ${request.kind} is made.`);
      }
      if (request.amount > owed(from)) {
        return refuse('amount', 'more-than-owed', `A ${request.kind} cannot be more than the balance.`);
      }
      const to: Account = request.kind === 'adjustment' ? { kind: 'adjustments' } : { kind: 'write-offs' };
      return [debit(to, request.amount), credit(from, request.amount)];
    }
    case 'transfer': {
      const from = receivable(request.patientId, request.fromPayerId);
      const to = receivable(request.patientId, request.toPayerId);
      if (accountKey(from) === accountKey(to)) {
        return refuse('toPayerId', 'invalid', 'A transfer moves a balance between two different accounts.');
      }
      if (request.amount > owed(from)) {
        return refuse('amount', 'more-than-owed', 'A transfer cannot move more than the balance.');
      }
      return [debit(to, request.amount), credit(from, request.amount)];
    }
    case 'refund': {
      const to = receivable(request.patientId, request.payerId);
      if (!PAYMENT_METHODS.includes(request.method)) {
        return refuse('method', 'invalid', `Choose how it was refunded: ${PAYMENT_METHODS.join(', ')}.`);
      }
      if (request.amount > negate(owed(to))) {
        return refuse('amount', 'more-than-credit', 'A refund cannot be more than the credit on the account.');
      }
      return [debit(to, request.amount), credit({ kind: 'cash' }, request.amount)];
    }
  }
}

function reversalOf(entries: readonly PostedEntry[], request: Extract<PostingRequest, { kind: 'reversal' }>) {
  const original = entries.find((e) => e.id === request.entryId);
  if (!original) return refuse('entryId', 'not-found', 'There is no such entry on this ledger.');
  if (original.kind === 'reversal') {
    return refuse('entryId', 'invalid', 'A reversal is not reversed; post the original again instead.');
  }
  if (entries.some((e) => e.reverses === original.id)) {
    return refuse('entryId', 'already-reversed', 'This entry has already been reversed.');
  }
  if (typeof request.reason !== 'string' || request.reason.trim() === '') {
    return refuse('reason', 'required', 'Say why the entry is reversed.');
  }
  return original;
}

/**
 * Posts a request, returning the entries with the new one appended (the input is not touched), or
 * a refusal naming the field. A refused request posts nothing.
 */
export function post(entries: readonly PostedEntry[], request: PostingRequest, stamp: Stamp): PostingResult {
  if (typeof stamp.id !== 'string' || stamp.id === '') return refuse('id', 'required', 'An entry needs an id.');
  if (entries.some((e) => e.id === stamp.id)) return refuse('id', 'duplicate', 'This entry is already posted.');

  let entry: PostedEntry;
  if (request.kind === 'reversal') {
    const original = reversalOf(entries, request);
    if ('ok' in original) return original;
    entry = {
      id: stamp.id,
      kind: 'reversal',
      postedAt: stamp.postedAt,
      patientId: original.patientId,
      lines: original.lines.map((l) => ({ ...l, side: l.side === 'debit' ? 'credit' : 'debit' })),
      reason: request.reason,
      reverses: original.id,
    };
  } else {
    const bad =
      checkId('patientId', request.patientId, true) ??
      (request.kind === 'transfer'
        ? (checkId('fromPayerId', request.fromPayerId, false) ?? checkId('toPayerId', request.toPayerId, false))
        : checkId('payerId', request.payerId, false)) ??
      checkAmount(request.amount);
    if (bad) return bad;
    const lines = linesFor(entries, request);
    if (!Array.isArray(lines)) return lines;
    entry = { id: stamp.id, kind: request.kind, postedAt: stamp.postedAt, patientId: request.patientId, lines };
    if ('method' in request) entry.method = request.method;
    if ('reference' in request && request.reference !== undefined) entry.reference = request.reference;
    if ('reason' in request) entry.reason = request.reason;
    if (request.kind === 'charge' && request.serviceDate !== undefined) entry.serviceDate = request.serviceDate;
  }
  const frozen = deepFreeze(entry);
  return { ok: true, entries: Object.freeze([...entries, frozen]), entry: frozen };
}

/** Posted entries are frozen so nothing downstream can edit one in place. */
function deepFreeze(entry: PostedEntry): PostedEntry {
  for (const line of entry.lines) Object.freeze(line.account);
  entry.lines.forEach((line) => Object.freeze(line));
  Object.freeze(entry.lines);
  return Object.freeze(entry);
}
