import { buildEpisodes, outcomeRows } from '../../outcomes/index.ts';
import type { Queryable, Transactional } from '../../store/database.ts';
import {
  clearOutcomeRows,
  replacePatientOutcomeRows,
  upsertOutcomeRows,
  type StoredOutcomeRow,
} from '../../store/repos/outcome-episodes.ts';
import { loadOutcomeSources } from '../../store/repos/outcome-sources.ts';
import { organizationIds, organizationTimeZone } from '../../store/repos/organizations.ts';
import { dateIn } from '../../time/index.ts';
import { patientRecordsFrom } from './records.ts';

/**
 * Keeps the per-episode outcome rows current. Called inside the transaction that changes what an
 * episode is made of (a note signed, an assessment or plan saved, a score recorded, a relief
 * answer), so a report never reads rows older than the chart.
 */
export async function refreshPatientOutcomes(
  tx: Queryable,
  ctx: { now: () => Date },
  orgId: string,
  patientId: string,
): Promise<void> {
  const now = ctx.now();
  const zone = await organizationTimeZone(tx, orgId);
  const sources = await loadOutcomeSources(tx, orgId, [patientId]);
  const records = patientRecordsFrom(sources, (at) => dateIn(zone, at)).get(patientId);
  const rows = records ? outcomeRows(buildEpisodes(records, dateIn(zone, now)).episodes) : [];
  await replacePatientOutcomeRows(tx, orgId, patientId, rows, now);
}

/**
 * Rebuilds every row of the organisation from the chart (the demo seed, a backfill, and the
 * nightly pass that lets open episodes lapse as time goes by). One transaction; returns the count.
 */
export async function rebuildAllOutcomes(
  ctx: { db: Transactional; now: () => Date },
  orgId: string,
): Promise<{ patients: number; episodes: number }> {
  const now = ctx.now();
  return ctx.db.transaction((tx) => rebuildOutcomeRows(tx, orgId, now));
}

/** Rebuilds every organisation's rows (after restoring a backup older than their shape). */
export async function rebuildEveryOrganization(ctx: { db: Transactional; now: () => Date }): Promise<number> {
  let episodes = 0;
  for (const orgId of await organizationIds(ctx.db)) episodes += (await rebuildAllOutcomes(ctx, orgId)).episodes;
  return episodes;
}

/** The rebuild inside the caller's transaction (the demo seed builds its rows in its own). */
export async function rebuildOutcomeRows(
  tx: Queryable,
  orgId: string,
  now: Date,
): Promise<{ patients: number; episodes: number }> {
  const zone = await organizationTimeZone(tx, orgId);
  const asOf = dateIn(zone, now);
  const sources = await loadOutcomeSources(tx, orgId, null);
  const stored: StoredOutcomeRow[] = [];
  const records = patientRecordsFrom(sources, (at) => dateIn(zone, at));
  for (const [patientId, patient] of records) {
    for (const row of outcomeRows(buildEpisodes(patient, asOf).episodes)) stored.push({ patientId, row });
  }
  await clearOutcomeRows(tx, orgId);
  for (let i = 0; i < stored.length; i += 2000) await upsertOutcomeRows(tx, orgId, stored.slice(i, i + 2000), now);
  return { patients: records.size, episodes: stored.length };
}
