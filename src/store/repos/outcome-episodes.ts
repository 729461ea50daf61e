import { EpisodeColumnsBuilder } from '../../outcomes/report/columns.ts';
import type { EpisodeColumns } from '../../outcomes/report/columns.ts';
import type { EpisodeOutcomeRow } from '../../outcomes/report/rows.ts';
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

/**
 * The row as a report reads it (see migration 0020): condition group, phase, the start's month
 * code, open, visits, drop-out, PSFS change, relief days (space-separated), then judged, first
 * improvement and last scored session per definition in `outcome_keys` order; empty fields for none.
 */
const OUTCOME_KEYS = `coalesce((SELECT string_agg(o.key, ',' ORDER BY o.key) FROM jsonb_each(r.outcomes) AS o), '')`;
const COMPACT = `concat_ws(',',
    coalesce(r.condition_group, ''),
    coalesce(r.phase, ''),
    (extract(year FROM r.started_on)::int * 12 + extract(month FROM r.started_on)::int - 1),
    CASE WHEN r.status = 'open' THEN 1 ELSE 0 END,
    r.visits,
    CASE WHEN r.drop_out THEN 1 ELSE 0 END,
    coalesce(r.psfs_change::numeric(4, 1)::text, ''),
    array_to_string(r.relief_days, ' '),
    (SELECT string_agg(concat_ws(',', CASE WHEN (o.value->>'judged')::boolean THEN 1 ELSE 0 END,
       coalesce(o.value->>'improvedAt', ''), coalesce(o.value->>'lastScoredSession', '')), ',' ORDER BY o.key)
       FROM jsonb_each(r.outcomes) AS o))`;

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
    `INSERT INTO outcome_episodes (org_id, patient_id, episode_id, started_on, status, visits, drop_out, site_id,
      therapist_id,
            condition_group, phase, psfs_change, relief_days, outcomes, refreshed_at, outcome_keys, compact)
     SELECT $1, r.patient_id, r.episode_id, r.started_on, r.status, r.visits, r.drop_out, r.site_id, r.therapist_id,
            r.condition_group, r.phase, r.psfs_change, r.relief_days, r.outcomes, $3,
            ${OUTCOME_KEYS}, ${COMPACT}
       FROM jsonb_to_recordset($2::jsonb) AS r(patient_id uuid, ${RECORD_COLUMNS})
     ON CONFLICT (org_id, patient_id, episode_id) DO UPDATE SET
       started_on = EXCLUDED.started_on, status = EXCLUDED.status, visits = EXCLUDED.visits,
       drop_out = EXCLUDED.drop_out,
       site_id = EXCLUDED.site_id, therapist_id = EXCLUDED.therapist_id, condition_group = EXCLUDED.condition_group,
       phase = EXCLUDED.phase, psfs_change = EXCLUDED.psfs_change, relief_days = EXCLUDED.relief_days,
       outcomes = EXCLUDED.outcomes, refreshed_at = EXCLUDED.refreshed_at, outcome_keys = EXCLUDED.outcome_keys,
       compact = EXCLUDED.compact`,
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

/** Narrowing conditions after the organisation ($1), with their parameters. */
function whereOf(orgId: string, filter: OutcomeRowFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [orgId];
  const where = ['org_id = $1'];
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
  return { where: where.join(' AND '), params };
}

/**
 * The organisation's episode rows: started within [from, to], at the given sites, of one
 * therapist — each filter only when given. Ordered by start so a report reads the same twice.
 * A report reads columns instead (`listOutcomeColumns`); rows serve the demo and checks.
 */
export async function listOutcomeRows(
  db: Queryable,
  orgId: string,
  filter: OutcomeRowFilter = {},
): Promise<EpisodeOutcomeRow[]> {
  const { where, params } = whereOf(orgId, filter);
  return db.query<DbRow>(
    `SELECT ${SELECT} FROM outcome_episodes WHERE ${where} ORDER BY started_on, episode_id`,
    params,
  );
}

/**
 * The same episodes as listOutcomeRows, as columns judged by `definitionIds`: one result row per
 * site, therapist and set of definitions judged by, holding its episodes' compact texts, which are
 * read number by number without an object per episode. (Grouping by condition and phase too made
 * too many groups for PostgreSQL to gather in memory: it sorted 150,000 rows on disk instead.)
 */
export async function listOutcomeColumns(
  db: Queryable,
  orgId: string,
  filter: OutcomeRowFilter,
  definitionIds: readonly string[],
): Promise<EpisodeColumns> {
  const { where, params } = whereOf(orgId, filter);
  const groups = await db.query<{
    site: string | null;
    therapist: string | null;
    keys: string;
    size: number;
    reliefs: number;
    episodes: string;
  }>(
    `SELECT site_id::text AS site, therapist_id::text AS therapist, outcome_keys AS keys, count(*)::int AS size,
            sum(cardinality(relief_days))::int AS reliefs, string_agg(compact, ';') AS episodes
       FROM outcome_episodes WHERE ${where}
      GROUP BY site_id, therapist_id, outcome_keys`,
    params,
  );
  const builder = new EpisodeColumnsBuilder(
    definitionIds,
    groups.reduce((n, g) => n + g.size, 0),
    groups.reduce((n, g) => n + g.reliefs, 0),
  );
  const reader = new CompactReader(builder);
  for (const group of groups) {
    builder.at(group.site, group.therapist);
    const slots = group.keys === '' ? [] : group.keys.split(',').map((id) => definitionIds.indexOf(id));
    reader.read(group.episodes, slots);
  }
  return builder.build();
}

const COMMA = 44;
const SPACE = 32;
const MINUS = 45;
const POINT = 46;
const ZERO = 48;

/** Reads `;`-separated compact episodes (see COMPACT) into a builder, character by character. */
class CompactReader {
  private text = '';
  private at = 0;
  /** The character after the field read last. */
  private separator = 0;
  /** Condition and phase texts seen, with the builder's index of each: a handful, so a list. */
  private readonly seen = { condition: [] as Array<[string, number]>, phase: [] as Array<[string, number]> };

  constructor(private readonly builder: EpisodeColumnsBuilder) {}

  /** `slots` gives the builder's slot of each stored definition (-1: not asked for). */
  read(text: string, slots: readonly number[]): void {
    this.text = text;
    this.at = 0;
    const builder = this.builder;
    while (this.at < text.length) {
      const condition = this.key('condition');
      const phase = this.key('phase');
      const month = this.number()!;
      const open = this.number() === 1;
      const visits = this.number()!;
      const dropOut = this.number() === 1;
      builder.episode(condition, phase, month, open, visits, dropOut, this.number());
      let days = this.number();
      while (days !== null) {
        builder.relief(days);
        if (this.separator !== SPACE) break;
        days = this.number();
      }
      for (const slot of slots) {
        const judged = this.number() === 1;
        const improvedAt = this.number();
        const lastScored = this.number();
        if (judged && slot >= 0) builder.outcome(slot, improvedAt, lastScored);
      }
      if (this.separator === COMMA) throw new Error('an outcome row holds more fields than its definitions');
    }
  }

  /** A text field (empty: not recorded), as the builder's key index. */
  private key(dimension: 'condition' | 'phase'): number {
    const { text, at } = this;
    if (text.charCodeAt(at) === COMMA) {
      this.at += 1;
      return this.builder.keyIndex(dimension, null);
    }
    const seen = this.seen[dimension];
    for (const [key, index] of seen) {
      if (text.charCodeAt(at + key.length) === COMMA && text.startsWith(key, at)) {
        this.at += key.length + 1;
        return index;
      }
    }
    const end = text.indexOf(',', at);
    const key = text.slice(at, end);
    const index = this.builder.keyIndex(dimension, key);
    seen.push([key, index]);
    this.at = end + 1;
    return index;
  }

  /** The number at the cursor, null for an empty field; steps past the one separator after it. */
  private number(): number | null {
    const text = this.text;
    let at = this.at;
    let code = text.charCodeAt(at);
    const negative = code === MINUS;
    if (negative) code = text.charCodeAt(++at);
    let value = 0;
    let digits = 0;
    let scale = 0;
    for (;;) {
      if (code >= ZERO && code <= ZERO + 9) {
        value = value * 10 + (code - ZERO);
        digits += 1;
        if (scale > 0) scale *= 10;
      } else if (code === POINT && scale === 0) scale = 1;
      else break;
      code = text.charCodeAt(++at);
    }
    this.separator = code;
    this.at = at + 1;
    if (digits === 0) return null;
    // Whole tenths divided once: the same number as parsing the text.
    const number = scale > 1 ? value / scale : value;
    return negative ? -number : number;
  }
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
