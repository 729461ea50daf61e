/**
 * Billing: money, the double-entry ledger, NPI checks and charge proposals. Pure (no I/O, no
 * clock, no randomness); it reads only src/clinical (units, diagnoses) and src/time.
 */
export type { Money } from './money.ts';
export {
  money,
  isMoney,
  ZERO,
  addMoney,
  subtractMoney,
  negate,
  sumMoney,
  timesUnits,
  allocate,
  formatMoney,
  parseDollars,
} from './money.ts';
export type { Account, AccountKind } from './accounts.ts';
export { accountKey, receivable } from './accounts.ts';
export type {
  PaymentMethod,
  EntryLine,
  EntryKind,
  PostedEntry,
  PostingRequest,
  Refusal,
  PostingResult,
  Stamp,
} from './ledger.ts';
export { PAYMENT_METHODS, post, balances, balanceOf, payerBalance, entryTotals } from './ledger.ts';
export type { NpiCheck } from './npi.ts';
export { checkNpi, isValidNpi, npiCheckDigit } from './npi.ts';
export type {
  DiagnosisLetter,
  DistinctModifier,
  SignedVisit,
  Pricing,
  ProposalOptions,
  ChargeLine,
  ChargeProposal,
  ProposalProblem,
  ProposalResult,
} from './charges.ts';
export { DIAGNOSIS_LETTERS, MAX_POINTERS_PER_LINE, THERAPY_MODIFIER, proposeCharges } from './charges.ts';
