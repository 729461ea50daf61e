/**
 * Billing: money, the double-entry ledger, NPI checks, charge proposals, coverage and
 * authorization rules, the 837P file and the CMS-1500 boxes. Pure (no I/O, no clock, no
 * randomness); it reads only src/clinical (units, diagnoses) and src/time.
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
export type {
  CoverageType,
  Address,
  Person,
  Relationship,
  ClaimCoverage,
  BillingProvider,
  ClaimInput,
  ClaimProblem,
  ClaimFrequency,
} from './claim.ts';
export { MAX_LINES_PER_CLAIM, checkClaim, claimTotal, payerClaimNumberProblem } from './claim.ts';
export type { Separators } from './x12/segments.ts';
export { DEFAULT_SEPARATORS } from './x12/segments.ts';
export type { Party, ClaimBatch, Build837Result } from './x12/claim-837p.ts';
export { IMPLEMENTATION, build837p } from './x12/claim-837p.ts';
export type { X12Problem, X12Check } from './x12/validate.ts';
export { checkX12 } from './x12/validate.ts';
export type { Box1, Cms1500ServiceLine, Cms1500Form } from './cms1500.ts';
export { LINES_PER_FORM, cms1500Forms, formDate, formMoney } from './cms1500.ts';
export type { Contact, CoverageFields, FieldProblems } from './coverage.ts';
export {
  COVERAGE_TYPES,
  checkCoverage,
  coversDate,
  coveragesOn,
  orderClashes,
  isMedicareBeneficiaryId,
} from './coverage.ts';
export type { Authorization, AuthorizationStatus, VisitWarning } from './authorizations.ts';
export { checkAuthorization, authorizationStatus, visitWarnings } from './authorizations.ts';
export type { BookingWarning } from './booking-warnings.ts';
export { bookingWarnings } from './booking-warnings.ts';
export type { AgingBucket, AgingRow } from './aging.ts';
export { AGING_BUCKETS, bucketFor, agingReport, agingByPayer } from './aging.ts';
export type { BatchResult } from './checkout.ts';
export { postBatch, checkoutPostings, dueNow } from './checkout.ts';
export type {
  ReportCell,
  ReportTable,
  AgingByPayerInput,
  AgingByPayerRow,
  AgingByPayerReport,
  VisitToBill,
  ChargeState,
  UnbilledInput,
  UnbilledReason,
  UnbilledRow,
  AuthorizationInUse,
  RunningOutInput,
  RunningOutRow,
  ChargeForRevenue,
  RevenueDimension,
  RevenueInput,
  RevenueRow,
  RevenueReport,
} from './reports.ts';
export {
  csvDollars,
  reportCsv,
  PATIENTS_OWN_SHARE,
  arAgingByPayer,
  arAgingTable,
  unbilledVisits,
  unbilledTable,
  authorizationsRunningOut,
  runningOutTable,
  revenueReport,
  revenueTable,
} from './reports.ts';
export type { StatementInput, StatementLine, Statement } from './statement.ts';
export { accountStatement } from './statement.ts';
export type { CheckoutReceiptInput, CheckoutReceipt } from './receipt.ts';
export { checkoutReceipt } from './receipt.ts';
