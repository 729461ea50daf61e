import { canonicalBase } from '../../fhir/base.ts';
import type { ServiceContext } from '../context.ts';
import { operatorActor } from './export-operator.ts';
import { importBundle, type ImportSummary } from './import.ts';

/**
 * `knotwork fhir import`: the same import the API runs, for whoever runs the server, in the name of the
 * organisation's first administrator (see `operatorActor`), all or nothing.
 */
export async function importForOperator(
  ctx: ServiceContext,
  input: { orgSlug: string; bundle: unknown },
): Promise<ImportSummary> {
  const { org, actor } = await operatorActor(ctx, input.orgSlug, 'import');
  return (await importBundle(ctx, actor, input.bundle, canonicalBase(org.slug))).summary;
}
