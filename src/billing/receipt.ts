import { TIMED_CODES, UNTIMED_CODES } from '../clinical/billing/index.ts';
import type { ChargeProposal } from './charges.ts';
import { balanceOf } from './ledger.ts';
import type { PaymentMethod, PostedEntry } from './ledger.ts';
import { money, sumMoney, ZERO } from './money.ts';
import type { Money } from './money.ts';
import { dateIn } from '../time/index.ts';

/**
 * What a checkout receipt says, from the checkout's own postings: the patient's charges (the
 * self-pay lines, or the copay when a payer is billed), what went to the payer, the payments taken
 * with their method and reference, and the patient's balance after. Names (clinic, site, patient,
 * payer) are the caller's to add.
 */

export interface CheckoutReceiptInput {
  proposal: ChargeProposal;
  /** The copay moved to the patient at this checkout (payer-billed visits). */
  copay?: Money;
  /** The entries this checkout posted (charges, transfer, payments). */
  posted: readonly PostedEntry[];
  /** The whole ledger after the checkout, for the balance. */
  entries: readonly PostedEntry[];
  /** The organisation's zone, to date payments by their posting instant. */
  timeZone: string;
}

export interface CheckoutReceipt {
  lines: Array<{ description: string; code?: string; units?: number; amount: Money }>;
  /** What the visit billed to the payer, when one is billed. */
  billedToPayer: { payerId: string; amount: Money } | null;
  payments: Array<{ date: string; method: PaymentMethod; reference?: string; amount: Money }>;
  /** The patient's own balance after the checkout (negative: a credit). */
  balanceAfter: Money;
}

const label = (code: string) => TIMED_CODES[code]?.label ?? UNTIMED_CODES[code]?.label ?? 'service';

export function checkoutReceipt(input: CheckoutReceiptInput): CheckoutReceipt {
  const { proposal } = input;
  const payments = input.posted
    .filter((e) => e.kind === 'payment' && e.method !== undefined)
    .flatMap((e) => {
      const paid = e.lines.find((l) => l.side === 'credit' && l.account.kind === 'patient');
      if (!paid) return [];
      return [
        {
          date: dateIn(input.timeZone, Date.parse(e.postedAt)),
          method: e.method!,
          ...(e.reference === undefined ? {} : { reference: e.reference }),
          amount: paid.amount,
        },
      ];
    });
  const lines =
    proposal.payerId === undefined
      ? proposal.lines.map((l) => ({ description: label(l.code), code: l.code, units: l.units, amount: l.amount }))
      : (input.copay ?? ZERO) > 0
        ? [{ description: 'Copay', amount: input.copay! }]
        : [];
  return {
    lines,
    billedToPayer:
      proposal.payerId === undefined
        ? null
        : { payerId: proposal.payerId, amount: sumMoney(proposal.lines.map((l) => l.amount)) },
    payments,
    balanceAfter: money(balanceOf(input.entries, { kind: 'patient', patientId: proposal.patientId })),
  };
}
