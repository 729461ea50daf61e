import type { DefinitionOutcome, EpisodeOutcomeRow } from '../../outcomes/report/rows.ts';
import type { Queryable } from '../database.ts';

/** SQL of the precomputed per-episode outcome rows (one per episode of care), read by every report. */

export interface OutcomeRowFilter {
  /** Episodes that started on or after this date (YYYY-MM-DD). */
  from?: string;
  /** Episodes that started on or before this date. */
  to?: string;
  /** Only these sites (an empty list means none). */
  siteIds?: string[];
  /** Only this therapist's episodes. */
  therapistId?: string;
}

/** A stored row with the patient it belongs to (never shown in a report; needed to scope and rebuild). */
export interface StoredOutcomeRow {
  patientId: string;
  row: EpisodeOutcomeRow;
}

const RECORD_COLUMNS = `episode_id text, started_on date, status text, visits integer, drop_out boolean, site_id uuid,
  therapist_id uuid, condition_group text, phase text, psfs_change numeric, relief_days integer[], outcomes jsonb`;

/** A JSON value's text, `null` for SQL NULL. */
const json = (value: string) => `coalesce(to_json(${value})::text, 'null')`;

/**
 * The row as listOutcomeRows reads it: a compact JSON array (PackedRow) built from the values as
 * stored (the PSFS change rounded as its column rounds it), each outcome as [judged, improvedAt,
 * lastScoredSession]. Built here rather than in JavaScript so it matches the columns exactly.
 */
const PACKED = `'[' || ${[
  json('r.episode_id'),
  json('r.status'),
  json('r.visits'),
  json('r.drop_out'),
  json('r.site_id'),
  json('r.therapist_id'),
  json('r.condition_group'),
  json('r.phase'),
  json('r.psfs_change::numeric(4, 1)'),
  json('r.relief_days'),
].join(" || ',' || ")} || ',' ||
  (SELECT '{' || coalesce(string_agg(to_json(o.key)::text || ':[' || concat_ws(',', o.value->'judged', o.value->'improvedAt',
     o.value->'lastScoredSession') || ']', ','), '') || '}' FROM jsonb_each(r.outcomes) AS o) || ']'`;

function toRecord(patientId: string, row: EpisodeOutcomeRow) {
  return {
    patient_id: patientId,
    episode_id: row.episodeId,
    started_on: row.startedOn,
    status: row.status,
    visits: row.visits,
    drop_out: row.dropOut,
    site_id: row.site,
    therapist_id: row.therapist,
    condition_group: row.conditionGroup,
    phase: row.phase,
    psfs_change: row.psfsChange,
    relief_days: row.reliefDays,
    outcomes: row.outcomes,
  };
}

/**
 * Inserts rows of many patients at once (a rebuild or a bulk load): one statement per call, the
 * rows passed as one JSON document. An existing row of the same episode is replaced.
 */
export async function upsertOutcomeRows(
  db: Queryable,
  orgId: string,
  rows: readonly StoredOutcomeRow[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO outcome_episodes (org_id, patient_id, episode_id, started_on, status, visits, drop_out, site_id, therapist_id,
            condition_group, phase, psfs_change, relief_days, outcomes, refreshed_at, packed)
     SELECT $1, r.patient_id, r.episode_id, r.started_on, r.status, r.visits, r.drop_out, r.site_id, r.therapist_id,
            r.condition_group, r.phase, r.psfs_change, r.relief_days, r.outcomes, $3,
            ${PACKED}
       FROM jsonb_to_recordset($2::jsonb) AS r(patient_id uuid, ${RECORD_COLUMNS})
     ON CONFLICT (org_id, patient_id, episode_id) DO UPDATE SET
       started_on = EXCLUDED.started_on, status = EXCLUDED.status, visits = EXCLUDED.visits, drop_out = EXCLUDED.drop_out,
       site_id = EXCLUDED.site_id, therapist_id = EXCLUDED.therapist_id, condition_group = EXCLUDED.condition_group,
       phase = EXCLUDED.phase, psfs_change = EXCLUDED.psfs_change, relief_days = EXCLUDED.relief_days,
       outcomes = EXCLUDED.outcomes, refreshed_at = EXCLUDED.refreshed_at, packed = EXCLUDED.packed`,
    [orgId, JSON.stringify(rows.map((r) => toRecord(r.patientId, r.row))), at],
  );
}

/** Replaces one patient's rows with `rows` (an episode that no longer exists, e.g. an assessment re-dated, goes). */
export async function replacePatientOutcomeRows(
  db: Queryable,
  orgId: string,
  patientId: string,
  rows: readonly EpisodeOutcomeRow[],
  at: Date,
): Promise<void> {
  await db.query(
    `DELETE FROM outcome_episodes WHERE org_id = $1 AND patient_id = $2 AND NOT (episode_id = ANY($3::text[]))`,
    [orgId, patientId, rows.map((r) => r.episodeId)],
  );
  await upsertOutcomeRows(
    db,
    orgId,
    rows.map((row) => ({ patientId, row })),
    at,
  );
}

interface DbRow {
  episodeId: string;
  startedOn: string;
  status: EpisodeOutcomeRow['status'];
  visits: number;
  dropOut: boolean;
  site: string | null;
  therapist: string | null;
  conditionGroup: EpisodeOutcomeRow['conditionGroup'];
  phase: EpisodeOutcomeRow['phase'];
  psfsChange: number | null;
  reliefDays: number[];
  outcomes: EpisodeOutcomeRow['outcomes'];
}

const SELECT = `episode_id AS "episodeId", started_on::text AS "startedOn", status, visits, drop_out AS "dropOut",
  site_id::text AS site, therapist_id::text AS therapist, condition_group AS "conditionGroup", phase,
  psfs_change::float8 AS "psfsChange", relief_days AS "reliefDays", outcomes`;

/**
 * The organisation's episode rows for a report: started within [from, to], at the given sites, of
 * one therapist — each filter only when given. Ordered by start so a report reads the same twice.
 * The rows come back as JSON texts of arrays: for 150,000 rows that is several times faster than a
 * result row per episode, whose fields the driver would parse one by one.
 */
export async function listOutcomeRows(
  db: Queryable,
  orgId: string,
  filter: OutcomeRowFilter = {},
): Promise<EpisodeOutcomeRow[]> {
  const params: unknown[] = [orgId];
  // Narrowing conditions; the organisation is written into the statement itself.
  const where: string[] = [];
  if (filter.from !== undefined) {
    params.push(filter.from);
    where.push(`started_on >= $${params.length}::date`);
  }
  if (filter.to !== undefined) {
    params.push(filter.to);
    where.push(`started_on <= $${params.length}::date`);
  }
  if (filter.siteIds !== undefined) {
    params.push(filter.siteIds);
    where.push(`site_id = ANY($${params.length}::uuid[])`);
  }
  if (filter.therapistId !== undefined) {
    params.push(filter.therapistId);
    where.push(`therapist_id = $${params.length}::uuid`);
  }
  // One JSON text per start date, joined from the texts stored with each row (building the JSON
  // here cost most of the report's time): a single text for all rows would make the driver grow
  // one buffer to tens of megabytes. The texts join in the order of the sorted subquery, which the
  // index gives without a sort (an ORDER BY inside string_agg would sort each date again).
  const chunks = await db.query<{ startedOn: string; rows: string }>(
    `SELECT started_on::text AS "startedOn", '[' || string_agg(packed, ',') || ']' AS rows
       FROM (SELECT started_on, packed FROM outcome_episodes WHERE org_id = $1${where.map((w) => ` AND ${w}`).join('')} ORDER BY started_on, episode_id) AS sorted
      GROUP BY started_on ORDER BY started_on`,
    params,
  );
  const rows: EpisodeOutcomeRow[] = [];
  for (const chunk of chunks) {
    for (const packed of JSON.parse(chunk.rows) as PackedRow[]) rows.push(unpack(chunk.startedOn, packed));
  }
  return rows;
}

type PackedOutcome = [boolean, number | null, number | null];
type PackedRow = [
  string,
  EpisodeOutcomeRow['status'],
  number,
  boolean,
  string | null,
  string | null,
  EpisodeOutcomeRow['conditionGroup'],
  EpisodeOutcomeRow['phase'],
  number | null,
  number[],
  Record<string, PackedOutcome>,
];

function unpack(startedOn: string, r: PackedRow): EpisodeOutcomeRow {
  const outcomes: Record<string, DefinitionOutcome> = {};
  for (const id in r[10]) {
    const o = r[10][id]!;
    outcomes[id] = { judged: o[0], improvedAt: o[1], lastScoredSession: o[2] };
  }
  return {
    episodeId: r[0],
    startedOn,
    status: r[1],
    visits: r[2],
    dropOut: r[3],
    site: r[4],
    therapist: r[5],
    conditionGroup: r[6],
    phase: r[7],
    psfsChange: r[8],
    reliefDays: r[9],
    outcomes,
  };
}

/** One patient's rows, oldest episode first (the patient's own trend, and tests). */
export async function listPatientOutcomeRows(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<EpisodeOutcomeRow[]> {
  return db.query<DbRow>(
    `SELECT ${SELECT} FROM outcome_episodes WHERE org_id = $1 AND patient_id = $2 ORDER BY started_on, episode_id`,
    [orgId, patientId],
  );
}

/** Removes every row of the organisation (before a full rebuild). */
export async function clearOutcomeRows(db: Queryable, orgId: string): Promise<void> {
  await db.query(`DELETE FROM outcome_episodes WHERE org_id = $1`, [orgId]);
}

/**
 * Organisations with an episode still open whose last refresh is older than `before`: as days
 * pass without a visit such an episode lapses, though nothing in the chart changed.
 */
export async function organizationsWithStaleOpenEpisodes(db: Queryable, before: Date): Promise<string[]> {
  const rows = await db.query<{ orgId: string }>(
    `SELECT DISTINCT org_id AS "orgId" FROM outcome_episodes WHERE status = 'open' AND refreshed_at < $1`,
    [before],
  );
  return rows.map((r) => r.orgId);
}
