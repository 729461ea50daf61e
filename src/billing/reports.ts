import { stringify } from 'csv-stringify/sync';
import { addDays, daysBetween } from '../time/index.ts';
import { agingByPayer, agingReport, AGING_BUCKETS } from './aging.ts';
import type { AgingBucket } from './aging.ts';
import { authorizationStatus } from './authorizations.ts';
import type { Authorization } from './authorizations.ts';
import type { PostedEntry } from './ledger.ts';
import { money, sumMoney, ZERO } from './money.ts';
import type { Money } from './money.ts';

/**
 * The billing reports managers read: what payers owe and for how long, signed visits not yet
 * billed, authorizations running out, and revenue by site, therapist and service. Each takes plain
 * data and the dates it is about (no clock) and returns rows; `reportCsv` writes any of them as CSV
 * with the same headings the page shows.
 */

export type ReportCell = string | number;

export interface ReportTable {
  columns: string[];
  rows: ReportCell[][];
}

/** Dollars as a spreadsheet reads them: "1234.50", "-3.05" (no $ or thousands separators). */
export function csvDollars(amount: Money): string {
  const whole = Math.abs(amount);
  return `${amount < 0 ? '-' : ''}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** The table as CSV: a heading row, then one line per row (RFC 4180 quoting). */
export function reportCsv(table: ReportTable): string {
  return stringify([table.columns, ...table.rows], { record_delimiter: '\r\n' });
}

// ——— A/R aging by payer ———

export interface AgingByPayerInput {
  entries: readonly PostedEntry[];
  /** YYYY-MM-DD: the day the ages are counted to. */
  asOf: string;
  /** The organisation's zone, to date entries that carry only their posting instant. */
  timeZone: string;
  /** Payer names by payer id; an unnamed payer shows its id. */
  payerNames?: Readonly<Record<string, string>>;
}

export interface AgingByPayerRow {
  /** Null for what patients owe themselves (self-pay, copays, what plans left to them). */
  payerId: string | null;
  payer: string;
  buckets: Record<AgingBucket, Money>;
  balance: Money;
}

export const PATIENTS_OWN_SHARE = 'Patients (own share)';

export interface AgingByPayerReport {
  asOf: string;
  rows: AgingByPayerRow[];
  total: Omit<AgingByPayerRow, 'payerId' | 'payer'>;
}

export function arAgingByPayer(input: AgingByPayerInput): AgingByPayerReport {
  const rows = agingByPayer(agingReport(input.entries, input.asOf, input.timeZone)).map((r) => ({
    payerId: r.payerId,
    payer: r.payerId === null ? PATIENTS_OWN_SHARE : (input.payerNames?.[r.payerId] ?? r.payerId),
    buckets: r.buckets,
    balance: r.balance,
  }));
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, sumMoney(rows.map((r) => r.buckets[b]))])) as Record<
    AgingBucket,
    Money
  >;
  return { asOf: input.asOf, rows, total: { buckets, balance: sumMoney(rows.map((r) => r.balance)) } };
}

export function arAgingTable(report: AgingByPayerReport): ReportTable {
  const cells = (r: Omit<AgingByPayerRow, 'payerId' | 'payer'>) => [
    ...AGING_BUCKETS.map((b) => csvDollars(r.buckets[b])),
    csvDollars(r.balance),
  ];
  return {
    columns: ['Payer', '0-30 days', '31-60 days', '61-90 days', 'Over 90 days', 'Balance'],
    rows: [...report.rows.map((r) => [r.payer, ...cells(r)]), ['Total', ...cells(report.total)]],
  };
}

// ——— Unbilled signed visits ———

export interface VisitToBill {
  visitId: string;
  patientName: string;
  /** YYYY-MM-DD. */
  serviceDate: string;
  siteName: string;
  therapistName: string;
  signed: boolean;
  /** Self-pay visits are billed at the desk and never go on a claim. */
  selfPay: boolean;
}

export interface ChargeState {
  visitId: string;
  /** Proposed lines wait for the desk; a reversed charge counts as never posted. */
  status: 'proposed' | 'posted' | 'reversed';
}

export interface UnbilledInput {
  visits: readonly VisitToBill[];
  charges: readonly ChargeState[];
  /** The visits each claim carries (any claim made, sent or not). */
  claims: ReadonlyArray<{ visitIds: readonly string[] }>;
  asOf: string;
}

export type UnbilledReason = 'no-charge' | 'charge-not-posted' | 'no-claim';

export interface UnbilledRow {
  visitId: string;
  patientName: string;
  serviceDate: string;
  siteName: string;
  therapistName: string;
  reason: UnbilledReason;
  /** Days from the date of service to `asOf`. */
  daysSinceService: number;
}

const UNBILLED_REASON: Record<UnbilledReason, string> = {
  'no-charge': 'No charge posted',
  'charge-not-posted': 'Charges proposed, not posted',
  'no-claim': 'Charged, not on a claim',
};

/**
 * Signed visits with no posted charge (saying when charges wait for the desk's review), and
 * payer-billed visits charged but on no claim; oldest first.
 */
export function unbilledVisits(input: UnbilledInput): UnbilledRow[] {
  const posted = new Set(input.charges.filter((c) => c.status === 'posted').map((c) => c.visitId));
  const proposed = new Set(input.charges.filter((c) => c.status === 'proposed').map((c) => c.visitId));
  const claimed = new Set(input.claims.flatMap((c) => c.visitIds));
  const rows: UnbilledRow[] = [];
  for (const v of input.visits) {
    if (!v.signed) continue;
    const reason: UnbilledReason | null = !posted.has(v.visitId)
      ? proposed.has(v.visitId)
        ? 'charge-not-posted'
        : 'no-charge'
      : !v.selfPay && !claimed.has(v.visitId)
        ? 'no-claim'
        : null;
    if (reason === null) continue;
    const { visitId, patientName, serviceDate, siteName, therapistName } = v;
    const daysSinceService = daysBetween(serviceDate, input.asOf);
    rows.push({ visitId, patientName, serviceDate, siteName, therapistName, reason, daysSinceService });
  }
  return rows.sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.visitId.localeCompare(b.visitId));
}

export function unbilledTable(rows: readonly UnbilledRow[]): ReportTable {
  return {
    columns: ['Date of service', 'Patient', 'Site', 'Therapist', 'What is missing', 'Days since visit'],
    rows: rows.map((r) => [
      r.serviceDate,
      r.patientName,
      r.siteName,
      r.therapistName,
      UNBILLED_REASON[r.reason],
      r.daysSinceService,
    ]),
  };
}

// ——— Authorizations running out ———

export interface AuthorizationInUse extends Authorization {
  patientName: string;
  payerName: string;
  /** Visits or units already booked or billed against it (counted from the visits). */
  used: number;
}

export interface RunningOutInput {
  authorizations: readonly AuthorizationInUse[];
  asOf: string;
  /** Listed when this many or fewer remain (the clinic's alert threshold). */
  remainingAtOrBelow: number;
  /** Listed when it ends within this many days of `asOf`. */
  endingWithinDays: number;
}

export interface RunningOutRow {
  authorizationId: string;
  patientName: string;
  payerName: string;
  /** "3 of 12 visits left". */
  label: string;
  remaining: number;
  endsOn: string;
  daysToEnd: number;
  fewLeft: boolean;
  endsSoon: boolean;
}

/**
 * Authorizations still in force (not yet ended on `asOf`) with few visits left or an end date
 * near; the soonest end first. A used-up authorization counts as few left.
 */
export function authorizationsRunningOut(input: RunningOutInput): RunningOutRow[] {
  const horizon = addDays(input.asOf, input.endingWithinDays);
  const rows: RunningOutRow[] = [];
  for (const a of input.authorizations) {
    if (a.endsOn < input.asOf) continue;
    const status = authorizationStatus(a, a.used, input.remainingAtOrBelow);
    const fewLeft = status.remaining <= input.remainingAtOrBelow;
    const endsSoon = a.endsOn <= horizon;
    if (!fewLeft && !endsSoon) continue;
    rows.push({
      authorizationId: a.id,
      patientName: a.patientName,
      payerName: a.payerName,
      label: status.label,
      remaining: status.remaining,
      endsOn: a.endsOn,
      daysToEnd: daysBetween(input.asOf, a.endsOn),
      fewLeft,
      endsSoon,
    });
  }
  return rows.sort(
    (x, y) =>
      x.endsOn.localeCompare(y.endsOn) ||
      x.remaining - y.remaining ||
      x.authorizationId.localeCompare(y.authorizationId),
  );
}

export function runningOutTable(rows: readonly RunningOutRow[]): ReportTable {
  return {
    columns: ['Patient', 'Payer', 'Left', 'Ends on', 'Days to end', 'Why listed'],
    rows: rows.map((r) => [
      r.patientName,
      r.payerName,
      r.label,
      r.endsOn,
      r.daysToEnd,
      [r.fewLeft ? (r.remaining === 0 ? 'Used up' : 'Few left') : '', r.endsSoon ? 'Ends soon' : '']
        .filter(Boolean)
        .join('; '),
    ]),
  };
}

// ——— Revenue by site, therapist and service ———

export interface ChargeForRevenue {
  chargeId: string;
  /** YYYY-MM-DD: revenue counts in the period of its date of service. */
  serviceDate: string;
  siteId: string;
  siteName: string;
  therapistId: string;
  therapistName: string;
  /** CPT code. */
  code: string;
  units: number;
  amount: Money;
  status: ChargeState['status'];
}

export type RevenueDimension = 'site' | 'therapist' | 'service';

export interface RevenueInput {
  charges: readonly ChargeForRevenue[];
  /** The period, both days included. */
  from: string;
  to: string;
  /** One row per value of these, in this order: ['site'], or ['site', 'therapist'] for each therapist at each site. */
  by: readonly RevenueDimension[];
  /** Labels for CPT codes, e.g. "manual therapy"; a code without one shows the code. */
  serviceLabels?: Readonly<Record<string, string>>;
}

export interface RevenueRow {
  /** The ids (site id, therapist id, CPT code) of the row, one per dimension of `by`. */
  keys: string[];
  labels: string[];
  lines: number;
  units: number;
  amount: Money;
}

export interface RevenueReport {
  from: string;
  to: string;
  by: RevenueDimension[];
  rows: RevenueRow[];
  total: Omit<RevenueRow, 'keys' | 'labels'>;
}

function dimensionOf(c: ChargeForRevenue, by: RevenueDimension, labels?: Readonly<Record<string, string>>) {
  if (by === 'site') return [c.siteId, c.siteName] as const;
  if (by === 'therapist') return [c.therapistId, c.therapistName] as const;
  return [c.code, labels?.[c.code] ? `${c.code} ${labels[c.code]}` : c.code] as const;
}

/**
 * Charges earned in the period (posted and not reversed, by date of service), summed per site,
 * therapist or service, or per combination of them; the largest amount first.
 */
export function revenueReport(input: RevenueInput): RevenueReport {
  if (input.by.length === 0) throw new RangeError('revenue is reported by at least one of site, therapist, service');
  const groups = new Map<string, RevenueRow>();
  for (const c of input.charges) {
    if (c.status !== 'posted' || c.serviceDate < input.from || c.serviceDate > input.to) continue;
    const parts = input.by.map((by) => dimensionOf(c, by, input.serviceLabels));
    const keys = parts.map(([key]) => key);
    const id = JSON.stringify(keys);
    const row = groups.get(id) ?? { keys, labels: parts.map(([, label]) => label), lines: 0, units: 0, amount: ZERO };
    row.lines += 1;
    row.units += c.units;
    row.amount = money(row.amount + c.amount);
    groups.set(id, row);
  }
  const rows = [...groups.values()].sort(
    (a, b) => b.amount - a.amount || a.labels.join('\u0000').localeCompare(b.labels.join('\u0000')),
  );
  return {
    from: input.from,
    to: input.to,
    by: [...input.by],
    rows,
    total: {
      lines: rows.reduce((n, r) => n + r.lines, 0),
      units: rows.reduce((n, r) => n + r.units, 0),
      amount: sumMoney(rows.map((r) => r.amount)),
    },
  };
}

const REVENUE_HEADING: Record<RevenueDimension, string> = { site: 'Site', therapist: 'Therapist', service: 'Service' };

export function revenueTable(report: RevenueReport): ReportTable {
  const cells = (r: Omit<RevenueRow, 'keys' | 'labels'>) => [r.lines, r.units, csvDollars(r.amount)];
  return {
    columns: [...report.by.map((by) => REVENUE_HEADING[by]), 'Charge lines', 'Units', 'Charges'],
    rows: [
      ...report.rows.map((r) => [...r.labels, ...cells(r)]),
      ['Total', ...report.by.slice(1).map(() => ''), ...cells(report.total)],
    ],
  };
}
