import type { Resource } from '@medplum/fhirtypes';
import type { FhirContext } from '../../fhir/base.ts';
import { toCoverage, toPayerOrganization } from '../../fhir/coverage.ts';
import * as repo from '../../store/repos/billing-coverage.ts';
import { listCoverages } from '../billing/coverage.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { authorize, isAllowed, type PatientFacts } from '../policies.ts';

/**
 * Coverage as FHIR: read through the billing service (its policy — the desk, managers and admins of
 * the patient's sites, and the patient — and its audit). The payers a coverage names come with it as
 * Organizations: knowing the coverage, the caller knows its payer.
 */
export async function patientCoverages(
  ctx: ServiceContext,
  actor: Actor,
  fhir: FhirContext,
  patientId: string,
): Promise<Resource[]> {
  const { coverages } = await listCoverages(ctx, actor, patientId);
  return [...coverages.map((c) => toCoverage(fhir, c)), ...(await payersNamed(ctx, actor, fhir, coverages))];
}

/** The coverages of a chart being read whole: left out (not refused) when the actor's role keeps no insurance. */
export async function coveragesInChart(
  ctx: ServiceContext,
  actor: Actor,
  fhir: FhirContext,
  patientId: string,
  facts: PatientFacts,
): Promise<Resource[]> {
  if (!isAllowed(actor, 'coverage.read', { patient: facts })) return [];
  return patientCoverages(ctx, actor, fhir, patientId);
}

async function payersNamed(
  ctx: ServiceContext,
  actor: Actor,
  fhir: FhirContext,
  coverages: readonly { payerId: string | null }[],
): Promise<Resource[]> {
  const ids = [...new Set(coverages.map((c) => c.payerId).filter((id): id is string => id !== null))];
  const out: Resource[] = [];
  for (const id of ids) {
    const payer = await repo.findPayer(ctx.db, actor.orgId, id);
    if (payer) out.push(toPayerOrganization(fhir, payer));
  }
  return out;
}

/** Coverage/<id>: the patient's coverages read as the billing API reads them, this one picked out. */
export async function readCoverage(ctx: ServiceContext, actor: Actor, fhir: FhirContext, id: string) {
  const found = await repo.findCoverage(ctx.db, actor.orgId, id);
  if (!found) throw new NotFoundError('There is no such Coverage here.');
  const { coverages } = await listCoverages(ctx, actor, found.patientId);
  const coverage = coverages.find((c) => c.id === id);
  if (!coverage) throw new NotFoundError('There is no such Coverage here.');
  return toCoverage(fhir, coverage);
}

/** Organization/<payer id>: a payer of the directory, for those who read the directory. */
export async function readPayer(ctx: ServiceContext, actor: Actor, fhir: FhirContext, id: string) {
  authorize(actor, 'payer.read');
  const payer = await repo.findPayer(ctx.db, actor.orgId, id);
  if (!payer) throw new NotFoundError('There is no such Organization here.');
  return toPayerOrganization(fhir, payer);
}

/** The payer directory as Organizations; empty for those who do not read it. */
export async function payerOrganizations(ctx: ServiceContext, actor: Actor, fhir: FhirContext): Promise<Resource[]> {
  if (!isAllowed(actor, 'payer.read')) return [];
  return (await repo.listPayers(ctx.db, actor.orgId)).map((p) => toPayerOrganization(fhir, p));
}
