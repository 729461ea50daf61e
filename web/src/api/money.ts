import type { z } from 'zod';
import type {
  BalanceViewSchema,
  BatchSchema,
  ChargeReviewBody,
  ChargeSchema,
  ClaimPaymentBody,
  ClaimPaymentSchema,
  ClaimSchema,
  CorrectionBody,
  EntryAnswerSchema,
  EntryBody,
  OwnBalanceSchema,
  PaymentBody,
  PaymentSchema,
  VisitChargesSchema,
} from '../../../src/http/money/schema.ts';
import type { BatchListSchema, ClaimListSchema, ReviewListSchema } from '../../../src/http/money/worklist-schema.ts';
import { create, request, withQuery } from './http.ts';

/**
 * Getting paid at the desk: a visit's charges and checkout, payments and the ledger, claims, 837P
 * files and the billing reports. Every (method, OpenAPI path) called here; test/browser/api-contract.test.ts
 * checks each against the server's /api/openapi.json.
 */
export const MONEY_OPERATIONS = [
  ['GET', '/api/charge-review'],
  ['GET', '/api/visits/{id}/charges'],
  ['POST', '/api/visits/{id}/charges'],
  ['POST', '/api/visits/{id}/checkout'],
  ['PATCH', '/api/charges/{id}'],
  ['POST', '/api/charges/{id}/post'],
  ['POST', '/api/charges/{id}/reverse'],
  ['GET', '/api/patients/{id}/balance'],
  ['POST', '/api/patients/{id}/payments'],
  ['POST', '/api/patients/{id}/ledger-entries'],
  ['POST', '/api/ledger-entries/{id}/reverse'],
  ['GET', '/api/patients/{id}/own-balance'],
  ['GET', '/api/claims'],
  ['POST', '/api/claims'],
  ['POST', '/api/claims/{id}/payments'],
  ['PUT', '/api/claims/{id}/payer-claim-number'],
  ['POST', '/api/claims/{id}/corrections'],
  ['GET', '/api/claim-batches'],
  ['POST', '/api/claim-batches'],
  ['GET', '/api/visits/{id}/receipt.pdf'],
  ['GET', '/api/claims/{id}/cms1500.pdf'],
  ['GET', '/api/claim-batches/{id}/837p'],
  ['GET', '/api/reports/ar-aging'],
  ['GET', '/api/reports/unbilled-visits'],
  ['GET', '/api/reports/authorizations-running-out'],
  ['GET', '/api/reports/revenue'],
] as const satisfies readonly (readonly [string, string])[];

export type VisitCharges = z.infer<typeof VisitChargesSchema>;
export type Charge = z.infer<typeof ChargeSchema>;
export type ChargeReview = z.input<typeof ChargeReviewBody>;
export type BalanceView = z.infer<typeof BalanceViewSchema>;
export type OwnBalance = z.infer<typeof OwnBalanceSchema>;
export type LedgerEntryInput = z.input<typeof EntryBody>;
type EntryAnswer = z.infer<typeof EntryAnswerSchema>;
export type Payment = z.input<typeof PaymentBody>;
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimLine = z.infer<typeof ClaimListSchema>['claims'][number];
export type Batch = z.infer<typeof BatchListSchema>['batches'][number];
export type ReviewVisit = z.infer<typeof ReviewListSchema>['visits'][number];
export type ClaimPayment = z.input<typeof ClaimPaymentBody>;
export type Correction = z.input<typeof CorrectionBody>;

const id = (value: string) => encodeURIComponent(value);

export async function chargesToReview(signal?: AbortSignal): Promise<ReviewVisit[]> {
  return (await request<z.infer<typeof ReviewListSchema>>('GET', '/api/charge-review', undefined, { signal })).visits;
}

export function visitCharges(visitId: string, signal?: AbortSignal): Promise<VisitCharges> {
  return request('GET', `/api/visits/${id(visitId)}/charges`, undefined, { signal });
}

export function proposeAgain(visitId: string, key: string): Promise<VisitCharges> {
  return create(`/api/visits/${id(visitId)}/charges`, undefined, key);
}

export function checkOut(visitId: string, copay: number, key: string): Promise<VisitCharges> {
  return create(`/api/visits/${id(visitId)}/checkout`, { copay }, key);
}

export function reviewCharge(chargeId: string, review: ChargeReview): Promise<Charge> {
  return request('PATCH', `/api/charges/${id(chargeId)}`, review);
}

export function postCharge(chargeId: string, key: string): Promise<Charge> {
  return create(`/api/charges/${id(chargeId)}/post`, undefined, key);
}

export function reverseCharge(chargeId: string, reason: string, key: string): Promise<Charge> {
  return create(`/api/charges/${id(chargeId)}/reverse`, { reason }, key);
}

export function patientBalance(patientId: string, signal?: AbortSignal): Promise<BalanceView> {
  return request('GET', `/api/patients/${id(patientId)}/balance`, undefined, { signal });
}

/** The patient's own balance, as they read it on their page. */
export function ownBalance(patientId: string, signal?: AbortSignal): Promise<OwnBalance> {
  return request('GET', `/api/patients/${id(patientId)}/own-balance`, undefined, { signal });
}

/** An adjustment, a write-off or a refund of the patient's credit. */
export function postLedgerEntry(patientId: string, entry: LedgerEntryInput, key: string): Promise<EntryAnswer> {
  return create(`/api/patients/${id(patientId)}/ledger-entries`, entry, key);
}

export function reverseLedgerEntry(entryId: string, reason: string, key: string): Promise<EntryAnswer> {
  return create(`/api/ledger-entries/${id(entryId)}/reverse`, { reason }, key);
}

export function recordPayment(
  patientId: string,
  payment: Payment,
  key: string,
): Promise<z.infer<typeof PaymentSchema>> {
  return create(`/api/patients/${id(patientId)}/payments`, payment, key);
}

export async function listClaims(
  query: { visitId?: string; status?: string } = {},
  signal?: AbortSignal,
): Promise<ClaimLine[]> {
  const path = withQuery('/api/claims', query);
  return (await request<z.infer<typeof ClaimListSchema>>('GET', path, undefined, { signal })).claims;
}

export function makeClaim(visitId: string, key: string): Promise<Claim> {
  return create('/api/claims', { visitId }, key);
}

export function payClaim(
  claimId: string,
  payment: ClaimPayment,
  key: string,
): Promise<z.infer<typeof ClaimPaymentSchema>> {
  return create(`/api/claims/${id(claimId)}/payments`, payment, key);
}

/** Records the payer's own number for a sent claim (claim control number, ICN). */
export function setPayerClaimNumber(claimId: string, payerClaimNumber: string): Promise<Claim> {
  return request('PUT', `/api/claims/${id(claimId)}/payer-claim-number`, { payerClaimNumber });
}

/** Sends a corrected claim (replacement) or voids a sent claim: the new claim waits for the next 837P file. */
export function correctClaim(claimId: string, correction: Correction, key: string): Promise<Claim> {
  return create(`/api/claims/${id(claimId)}/corrections`, correction, key);
}

export async function listBatches(signal?: AbortSignal): Promise<Batch[]> {
  return (await request<z.infer<typeof BatchListSchema>>('GET', '/api/claim-batches', undefined, { signal })).batches;
}

export function makeBatch(claimIds: string[], key: string): Promise<z.infer<typeof BatchSchema>> {
  return create('/api/claim-batches', { claimIds }, key);
}

/** Links to the files the server makes (opened or downloaded by the browser, with the session's cookie). */
export const files = {
  receipt: (visitId: string) => `/api/visits/${id(visitId)}/receipt.pdf`,
  cms1500: (claimId: string) => `/api/claims/${id(claimId)}/cms1500.pdf`,
  x837p: (batchId: string) => `/api/claim-batches/${id(batchId)}/837p`,
  report: (name: ReportName, query: Record<string, string> = {}) =>
    withQuery(`/api/reports/${name}`, { ...query, format: 'csv' }),
};

export type ReportName = 'ar-aging' | 'unbilled-visits' | 'authorizations-running-out' | 'revenue';

type Buckets = Record<'0-30' | '31-60' | '61-90' | '90+', number>;
/** The report answers, as the server's report routes declare them. */
export interface Reports {
  'ar-aging': {
    asOf: string;
    rows: { payerId: string | null; payer: string; buckets: Buckets; balance: number }[];
    total: { buckets: Buckets; balance: number };
  };
  'unbilled-visits': {
    from: string;
    to: string;
    rows: {
      visitId: string;
      patientName: string;
      serviceDate: string;
      siteName: string;
      therapistName: string;
      reason: 'no-charge' | 'charge-not-posted' | 'no-claim';
      daysSinceService: number;
    }[];
  };
  'authorizations-running-out': {
    asOf: string;
    rows: {
      authorizationId: string;
      patientName: string;
      payerName: string;
      label: string;
      remaining: number;
      endsOn: string;
      daysToEnd: number;
    }[];
  };
  revenue: {
    from: string;
    to: string;
    rows: { keys: string[]; labels: string[]; lines: number; units: number; amount: number }[];
    total: { lines: number; units: number; amount: number };
  };
}

export function report<N extends ReportName>(
  name: N,
  query: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Reports[N]> {
  return request('GET', withQuery(`/api/reports/${name}`, query), undefined, { signal });
}

/** Cents as dollars: 2500 → "$25.00". */
export function dollars(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}
