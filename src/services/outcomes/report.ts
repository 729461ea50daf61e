import {
  buildOutcomesReport,
  claimTable,
  compareGroups,
  curveTable,
  cutTable,
  summaryTable,
  toCsv,
  CUT_DIMENSIONS,
  reportDefinitionIds,
} from '../../outcomes/index.ts';
import type {
  CutDimension,
  CutLabels,
  EpisodeColumns,
  GroupComparison,
  OutcomesReport,
  Table,
} from '../../outcomes/index.ts';
import type { Queryable } from '../../store/database.ts';
import { insertAuditEvents } from '../../store/repos/audit.ts';
import { listLocations } from '../../store/repos/locations.ts';
import { listOutcomeColumns } from '../../store/repos/outcome-episodes.ts';
import type { OutcomeRowFilter } from '../../store/repos/outcome-episodes.ts';
import { listTherapists } from '../../store/repos/therapists.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { authorize } from '../policies.ts';
import { checkGroups, checkRange, definitionOf } from './query.ts';
import type { CompareQuery, OutcomesQuery } from './query.ts';

export type OutcomesTableId = 'claim' | 'curve' | 'summary' | CutDimension;
export const OUTCOMES_TABLE_IDS: readonly OutcomesTableId[] = ['claim', 'curve', 'summary', ...CUT_DIMENSIONS];

export interface OutcomesTable extends Table {
  id: OutcomesTableId;
}

/** Whose episodes a report covers: the organisation's, a manager's sites', or a therapist's own. */
export type OutcomesScope =
  { kind: 'organization' } | { kind: 'sites'; siteIds: string[] } | { kind: 'own'; therapistId: string };

export interface OutcomesAnswer {
  from: string | null;
  to: string | null;
  scope: OutcomesScope['kind'];
  by: CutDimension | null;
  report: OutcomesReport;
  /** The rows the page's tables, the CSV files and the command line all show. */
  tables: OutcomesTable[];
}

/** Admins see the organisation, managers their sites, therapists only the episodes they treated. */
export function outcomesScope(actor: Actor): OutcomesScope {
  authorize(actor, 'outcomes.read');
  if (actor.role === 'admin') return { kind: 'organization' };
  if (actor.role === 'manager') return { kind: 'sites', siteIds: actor.locationIds };
  if (!actor.therapistId) throw new ForbiddenError();
  return { kind: 'own', therapistId: actor.therapistId };
}

function filterOf(scope: OutcomesScope, query: { from?: string; to?: string }): OutcomeRowFilter {
  return {
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(scope.kind === 'sites' ? { siteIds: scope.siteIds } : {}),
    ...(scope.kind === 'own' ? { therapistId: scope.therapistId } : {}),
  };
}

/** Every site and therapist name of the organisation, read alongside the episodes. */
async function namesOf(db: Queryable, orgId: string) {
  const [sites, therapists] = await Promise.all([
    listLocations(db, orgId, { activeOnly: false }),
    listTherapists(db, orgId, { activeOnly: false }),
  ]);
  return { sites, therapists };
}

/**
 * Site and therapist names for the cuts, so no table shows an id — only of the groups the caller's
 * episodes fall in: a name outside the caller's scope is not theirs to read.
 */
function labelsOf({ sites, therapists }: Awaited<ReturnType<typeof namesOf>>, episodes: EpisodeColumns): CutLabels {
  const sitesSeen = new Set(episodes.site.keys);
  const therapistsSeen = new Set(episodes.therapist.keys);
  return {
    site: Object.fromEntries(sites.filter((s) => sitesSeen.has(s.id)).map((s) => [s.id, s.name])),
    therapist: Object.fromEntries(
      therapists.filter((t) => therapistsSeen.has(t.id)).map((t) => [t.id, `${t.givenName} ${t.familyName}`]),
    ),
  };
}

/** The episodes a report covers, as columns, with the names of their sites and therapists. */
async function episodesOf(
  db: Queryable,
  orgId: string,
  filter: OutcomeRowFilter,
  definitionIds: readonly string[],
): Promise<{ episodes: EpisodeColumns; labels: CutLabels }> {
  const [episodes, names] = await Promise.all([
    listOutcomeColumns(db, orgId, filter, definitionIds),
    namesOf(db, orgId),
  ]);
  return { episodes, labels: labelsOf(names, episodes) };
}

/** The tables of a report: the claim, the curve, the summary, then the cut asked for (or all). */
export function outcomesTables(report: OutcomesReport, by?: CutDimension): OutcomesTable[] {
  const cuts = by ? [by] : CUT_DIMENSIONS;
  return [
    { id: 'claim', ...claimTable(report) },
    { id: 'curve', ...curveTable(report) },
    { id: 'summary', ...summaryTable(report) },
    ...cuts.map((dimension) => ({ id: dimension, ...cutTable(report, dimension) })),
  ];
}

/** Loads the rows and builds the report: the one path the API, the page and the command line share. */
async function answer(
  db: Queryable,
  orgId: string,
  scope: OutcomesScope,
  query: OutcomesQuery,
  rowsLoaded?: (rows: number) => void,
): Promise<OutcomesAnswer> {
  checkRange(query);
  const definition = definitionOf(query.definition);
  const { episodes, labels } = await episodesOf(db, orgId, filterOf(scope, query), reportDefinitionIds({ definition }));
  rowsLoaded?.(episodes.size);
  const report = buildOutcomesReport(episodes, {
    definition,
    labels,
    settings: query.period ? { period: query.period } : {},
  });
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    scope: scope.kind,
    by: query.by ?? null,
    report,
    tables: outcomesTables(report, query.by),
  };
}

const auditDetail = (scope: OutcomesScope, query: OutcomesQuery | CompareQuery, what: string) => ({
  what,
  scope: scope.kind,
  from: query.from ?? null,
  to: query.to ?? null,
  by: query.by ?? null,
  definition: query.definition ?? null,
});

/** The outcomes report for a person, scoped to what they may see (audited: it is built from patient records). */
export async function outcomesReport(ctx: ServiceContext, actor: Actor, query: OutcomesQuery): Promise<OutcomesAnswer> {
  const scope = outcomesScope(actor);
  const result = await answer(ctx.db, actor.orgId, scope, query);
  await audit(ctx.db, actor, [
    { action: 'outcomes.read', recordType: 'outcomes_report', detail: auditDetail(scope, query, 'report') },
  ]);
  return result;
}

/** One table of the report as an RFC 4180 CSV file. */
export async function outcomesCsv(
  ctx: ServiceContext,
  actor: Actor,
  query: OutcomesQuery,
  table: OutcomesTableId,
): Promise<{ filename: string; csv: string }> {
  const scope = outcomesScope(actor);
  const { report } = await answer(ctx.db, actor.orgId, scope, { ...query, by: undefined });
  const found = outcomesTables(report).find((t) => t.id === table)!;
  await audit(ctx.db, actor, [
    {
      action: 'outcomes.export',
      recordType: 'outcomes_report',
      detail: { ...auditDetail(scope, query, 'csv'), table },
    },
  ]);
  return { filename: `outcomes-${table}.csv`, csv: toCsv(found) };
}

/** Log-rank comparison of sessions to first improvement between two groups of a cut (two sites, two phases…). */
export async function compareOutcomes(
  ctx: ServiceContext,
  actor: Actor,
  query: CompareQuery,
): Promise<GroupComparison & { labels: [string, string] }> {
  const scope = outcomesScope(actor);
  checkRange(query);
  checkGroups(query);
  const definition = definitionOf(query.definition);
  const { episodes, labels } = await episodesOf(ctx.db, actor.orgId, filterOf(scope, query), [definition.id]);
  const comparison = compareGroups(episodes, query.by, [query.a, query.b], {
    definition,
    settings: query.period ? { period: query.period } : {},
  });
  await audit(ctx.db, actor, [
    {
      action: 'outcomes.read',
      recordType: 'outcomes_report',
      detail: { ...auditDetail(scope, query, 'compare'), groups: [query.a, query.b] },
    },
  ]);
  const named = (key: string) =>
    (query.by === 'site' ? labels.site?.[key] : query.by === 'therapist' ? labels.therapist?.[key] : undefined) ?? key;
  return { ...comparison, labels: [named(query.a), named(query.b)] };
}

/**
 * The whole organisation's report for the command line, which runs as the organisation itself
 * (no person signed in); the access is audited with no actor. `rowsLoaded` reports progress.
 */
export async function organizationOutcomesReport(
  ctx: ServiceContext,
  orgId: string,
  query: OutcomesQuery,
  rowsLoaded?: (rows: number) => void,
): Promise<OutcomesAnswer> {
  const result = await answer(ctx.db, orgId, { kind: 'organization' }, query, rowsLoaded);
  await insertAuditEvents(ctx.db, [
    {
      orgId,
      actorUserId: null,
      actorRole: 'system',
      action: 'outcomes.read',
      outcome: 'allowed',
      patientId: null,
      recordType: 'outcomes_report',
      recordId: null,
      ip: null,
      detail: { ...auditDetail({ kind: 'organization' }, query, 'command line') },
    },
  ]);
  return result;
}
