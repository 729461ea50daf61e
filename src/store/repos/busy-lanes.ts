/**
 * What is busy in a window, already merged per lane: for each therapist and room asked for, the union
 * of the `blocks` (session + own turnover) of appointments that occupy their time and of live holds;
 * for one patient, the union of their sessions (`during`). The database merges (range_agg) and sends
 * one compact text row per lane, so a fortnight of a busy clinic costs a few dozen rows, not thousands.
 */
import type { Queryable } from '../database.ts';
import { scheduleStampColumn } from './schedule-versions.ts';

export type LaneKind = 'therapist' | 'room' | 'patient';

export interface BusyLane {
  kind: LaneKind;
  id: string;
  /** Disjoint, sorted, non-touching [start, end) pairs in epoch ms: start0, end0, start1, end1, ... */
  spans: number[];
}

export interface BusyLaneRequest {
  from: Date;
  to: Date;
  /** Holds that expired at or before this instant no longer block. */
  now: Date;
  therapistIds: readonly string[];
  roomIds: readonly string[];
  patientId?: string;
  /** Leave these out (the appointment being moved, the hold being accepted). */
  excludeAppointmentId?: string;
  excludeHoldId?: string;
}

// date_part's double is exact for whole milliseconds and cheaper to compute than extract's numeric.
const EPOCH_MS = (bound: string) => `(date_part('epoch', ${bound}) * 1000)::int8::text`;
const SPANS = `(SELECT string_agg(${EPOCH_MS('lower(r)')} || ' ' || ${EPOCH_MS('upper(r)')}, ' ')
  FROM unnest(g.merged) r)`;

/**
 * One lane kind: appointments that occupy their time and live holds whose `keyColumn` is one of
 * `$param`, merged per key. Each kind scans on its own: a shared CTE with an OR of the three filters
 * made PostgreSQL re-test every row and was several times slower.
 */
function laneQuery(kind: LaneKind, keyColumn: string, rangeColumn: string, keyTest: string): string {
  const source = (table: string, alias: string, live: string, exclude: string) =>
    `SELECT ${alias}.${keyColumn} AS key, ${alias}.${rangeColumn} AS span FROM ${table} ${alias}
      WHERE ${alias}.org_id = $1 AND ${live} AND ${alias}.blocks && tstzrange($2, $3)
        AND ${alias}.${keyColumn} ${keyTest} AND (${exclude}::uuid IS NULL OR ${alias}.id <> ${exclude}::uuid)`;
  return `SELECT '${kind}' AS kind, key::text AS id, range_agg(span) AS merged
            FROM (${source('appointments', 'a', 'a.occupies', '$5')}
                  UNION ALL
                  ${source('holds', 'h', `h.status = 'offered' AND h.expires_at > $4`, '$6')}) busy
           GROUP BY key`;
}

/** The lanes, and the organisation's schedule stamp as the same statement saw it. */
export interface BusyLanes {
  lanes: BusyLane[];
  stamp: string;
}

/**
 * The lanes asked for. The stamp comes in a row of its own, so a reader who chose its schedule by a stamp it
 * had not read just now can tell whether the schedule changed since (see availability's prepare).
 */
export async function loadBusyLanes(db: Queryable, orgId: string, request: BusyLaneRequest): Promise<BusyLanes> {
  const parts: string[] = [];
  const params: unknown[] = [
    orgId,
    request.from,
    request.to,
    request.now,
    request.excludeAppointmentId ?? null,
    request.excludeHoldId ?? null,
  ];
  if (request.therapistIds.length > 0) {
    params.push(request.therapistIds);
    parts.push(laneQuery('therapist', 'therapist_id', 'blocks', `= ANY($${params.length}::uuid[])`));
  }
  if (request.roomIds.length > 0) {
    params.push(request.roomIds);
    parts.push(laneQuery('room', 'room_id', 'blocks', `= ANY($${params.length}::uuid[])`));
  }
  if (request.patientId) {
    params.push(request.patientId);
    // A patient is blocked by the session only: turnover is the clinic's time, not theirs.
    parts.push(laneQuery('patient', 'patient_id', 'during', `= $${params.length}::uuid`));
  }
  const stampRow = `SELECT 'stamp' AS kind, ${scheduleStampColumn('$1')} AS id, NULL::text AS spans`;
  // With no lane to read, only the organisation's parameter is sent: the others would have no type.
  const rows = await db.query<{ kind: LaneKind | 'stamp'; id: string; spans: string | null }>(
    parts.length === 0
      ? stampRow
      : `SELECT g.kind, g.id, ${SPANS} AS spans FROM (${parts.join(' UNION ALL ')}) g UNION ALL ${stampRow}`,
    parts.length === 0 ? [orgId] : params,
  );
  let stamp = '0';
  const lanes: BusyLane[] = [];
  for (const row of rows) {
    if (row.kind === 'stamp') stamp = row.id;
    else lanes.push({ kind: row.kind, id: row.id, spans: row.spans ? row.spans.split(' ').map(Number) : [] });
  }
  return { lanes, stamp };
}
