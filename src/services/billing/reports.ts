/**
 * The billing reports managers and admins read, for the patients of their sites (an admin's: the
 * whole organisation): A/R aging by payer, signed visits not yet billed, authorizations running out
 * and revenue by site, therapist or service. The stored entries, charges and claims are read through
 * the repos; the figures come from the billing core's pure report functions. Every read is audited.
 */
import {
  arAgingByPayer,
  arAgingTable,
  authorizationsRunningOut,
  money,
  revenueReport,
  revenueTable,
  runningOutTable,
  unbilledTable,
  unbilledVisits,
  type AgingByPayerReport,
  type ReportTable,
  type RevenueDimension,
  type RevenueReport,
  type RunningOutRow,
  type UnbilledRow,
} from '../../billing/index.ts';
import * as ledger from '../../store/repos/billing-ledger.ts';
import * as repo from '../../store/repos/billing-reports.ts';
import { addDays, dateIn } from '../../time/index.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { isAllowed } from '../policies.ts';

/** A report as JSON, and the same rows as the table its CSV is written from. */
export interface Report<T> {
  answer: T;
  table: ReportTable;
}

/** Managers and admins (who set up billing) read the reports; a manager's cover the sites they run. */
async function scope(ctx: ServiceContext, actor: Actor, report: string): Promise<string[] | null> {
  if (!isAllowed(actor, 'billing-setup.manage')) {
    await audit(ctx.db, actor, [{ action: 'report.read', outcome: 'denied', recordType: 'report', recordId: report }]);
    throw new ForbiddenError('Billing reports are for managers and admins.');
  }
  return actor.role === 'admin' ? null : actor.locationIds;
}

function read(ctx: ServiceContext, actor: Actor, report: string, detail: Record<string, unknown>) {
  return audit(ctx.db, actor, [{ action: 'report.read', recordType: 'report', recordId: report, detail }]);
}

const today = (ctx: ServiceContext, actor: Actor) => dateIn(actor.orgTimeZone, ctx.now());

function range(input: { from?: string | undefined; to?: string | undefined }, asOf: string, days: number) {
  const to = input.to ?? asOf;
  const from = input.from ?? addDays(to, -days);
  if (from > to) throw new ValidationError({ to: 'The end date is before the start date.' });
  return { from, to };
}

/** What each payer (and patients, for their own share) owes, aged from the date of service. */
export async function arAgingReport(
  ctx: ServiceContext,
  actor: Actor,
  input: { asOf?: string | undefined } = {},
): Promise<Report<AgingByPayerReport>> {
  const sites = await scope(ctx, actor, 'ar-aging');
  const asOf = input.asOf ?? today(ctx, actor);
  const [patients, payerNames] = await Promise.all([
    repo.patientsWithEntries(ctx.db, actor.orgId, sites),
    repo.payerNames(ctx.db, actor.orgId),
  ]);
  const entries = [];
  for (const id of patients) entries.push(...(await ledger.patientEntries(ctx.db, actor.orgId, id)));
  const onOrBefore = entries.filter(
    (e) => (e.serviceDate ?? dateIn(actor.orgTimeZone, Date.parse(e.postedAt))) <= asOf,
  );
  const answer = arAgingByPayer({ entries: onOrBefore, asOf, timeZone: actor.orgTimeZone, payerNames });
  await read(ctx, actor, 'ar-aging', { asOf, patients: patients.length });
  return { answer, table: arAgingTable(answer) };
}

/** Signed visits of the period with no posted charge, or charged to a payer and on no claim. */
export async function unbilledReport(
  ctx: ServiceContext,
  actor: Actor,
  input: { from?: string | undefined; to?: string | undefined } = {},
): Promise<Report<{ from: string; to: string; rows: UnbilledRow[] }>> {
  const sites = await scope(ctx, actor, 'unbilled');
  const asOf = today(ctx, actor);
  const { from, to } = range(input, asOf, 90);
  const visits = await repo.signedVisits(ctx.db, actor.orgId, sites, from, to);
  const billing = await repo.billingOfVisits(
    ctx.db,
    actor.orgId,
    visits.map((v) => v.visitId),
  );
  const rows = unbilledVisits({
    visits: visits.map((v) => ({ ...v, signed: true })),
    charges: billing.charges,
    claims: billing.claims,
    asOf,
  });
  await read(ctx, actor, 'unbilled', { from, to, rows: rows.length });
  return { answer: { from, to, rows }, table: unbilledTable(rows) };
}

/** Authorizations in force with `remaining` or fewer left, or ending within `days` days. */
export async function runningOutReport(
  ctx: ServiceContext,
  actor: Actor,
  input: { remaining?: number | undefined; days?: number | undefined } = {},
): Promise<Report<{ asOf: string; remaining: number; days: number; rows: RunningOutRow[] }>> {
  const sites = await scope(ctx, actor, 'authorizations-running-out');
  const asOf = today(ctx, actor);
  const remaining = input.remaining ?? 2;
  const days = input.days ?? 14;
  const authorizations = await repo.authorizationsInUse(ctx.db, actor.orgId, sites, asOf);
  const rows = authorizationsRunningOut({
    authorizations,
    asOf,
    remainingAtOrBelow: remaining,
    endingWithinDays: days,
  });
  await read(ctx, actor, 'authorizations-running-out', { remaining, days, rows: rows.length });
  return { answer: { asOf, remaining, days, rows }, table: runningOutTable(rows) };
}

/** Posted charges of the period by site, therapist or service (or a combination), the largest first. */
export async function revenueByReport(
  ctx: ServiceContext,
  actor: Actor,
  input: { from?: string | undefined; to?: string | undefined; by: RevenueDimension[] },
): Promise<Report<RevenueReport>> {
  const sites = await scope(ctx, actor, 'revenue');
  const { from, to } = range(input, today(ctx, actor), 30);
  const charges = await repo.chargesBetween(ctx.db, actor.orgId, sites, from, to);
  const answer = revenueReport({
    charges: charges.map(({ amountCents, ...c }) => ({ ...c, amount: money(amountCents) })),
    from,
    to,
    by: input.by,
  });
  await read(ctx, actor, 'revenue', { from, to, by: input.by });
  return { answer, table: revenueTable(answer) };
}
