/**
 * Existing appointments indexed by therapist, room and patient: per key, arrays sorted by start,
 * so a day's blocks come from two binary searches instead of a scan of every booking. Build once
 * and reuse across queries (findSlots also accepts a raw Busy[] and indexes it itself).
 */
import { MINUTE_MS } from '../time/calendar.ts';
import type { Interval } from './intervals.ts';
import type { Busy } from './types.ts';

interface Lane {
  starts: number[];
  ends: number[];
  /** Own buffer in ms, or -1 when the booking does not say (the queried service's buffer applies). */
  buffers: number[];
  /** Longest end − start + own buffer in the lane: bounds how far back a search must look. */
  maxSpan: number;
}

function buildLanes(entries: Map<string, Busy[]>, ignoreBuffers = false): Map<string, Lane> {
  const lanes = new Map<string, Lane>();
  for (const [key, list] of entries) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const lane: Lane = { starts: [], ends: [], buffers: [], maxSpan: 0 };
    for (const busy of list) {
      const own = ignoreBuffers ? 0 : busy.bufferAfterMinutes === undefined ? -1 : busy.bufferAfterMinutes * MINUTE_MS;
      lane.starts.push(busy.start);
      lane.ends.push(busy.end);
      lane.buffers.push(own);
      lane.maxSpan = Math.max(lane.maxSpan, busy.end - busy.start + Math.max(0, own));
    }
    lanes.set(key, lane);
  }
  return lanes;
}

/** First index whose start is greater than `value`. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The blocks of a lane that touch `window`, each widened to [start − lead, end + buffer): `buffer` is
 * the booking's own turnover (or `defaultBufferMs`), `lead` the new booking's turnover, so a new
 * session [t, t + duration) that avoids every block leaves both turnovers free. Sorted and merged.
 */
function blocksOf(lane: Lane | undefined, window: Interval, defaultBufferMs: number, leadMs: number): Interval[] {
  if (!lane) return [];
  const first = upperBound(lane.starts, window.start - lane.maxSpan - defaultBufferMs);
  const last = upperBound(lane.starts, window.end + leadMs);
  const out: Interval[] = [];
  for (let i = first; i < last; i++) {
    const own = lane.buffers[i]!;
    const start = lane.starts[i]! - leadMs;
    const end = lane.ends[i]! + (own < 0 ? defaultBufferMs : own);
    if (end <= window.start || start >= window.end || end <= start) continue;
    const previous = out[out.length - 1];
    if (previous && start <= previous.end) previous.end = Math.max(previous.end, end);
    else out.push({ start, end });
  }
  return out;
}

export class BusyIndex {
  private constructor(
    private readonly therapists: Map<string, Lane>,
    private readonly rooms: Map<string, Lane>,
    private readonly patients: Map<string, Lane>,
    /** The raw bookings, kept so a series can add its own visits without re-reading the store. */
    readonly entries: readonly Busy[],
  ) {}

  static from(busy: readonly Busy[]): BusyIndex {
    const byTherapist = new Map<string, Busy[]>();
    const byRoom = new Map<string, Busy[]>();
    const byPatient = new Map<string, Busy[]>();
    const add = (map: Map<string, Busy[]>, key: string | undefined, entry: Busy) => {
      if (key === undefined) return;
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    };
    for (const entry of busy) {
      if (!(entry.end > entry.start)) continue;
      add(byTherapist, entry.therapistId, entry);
      add(byRoom, entry.roomId, entry);
      add(byPatient, entry.patientId, entry);
    }
    return new BusyIndex(buildLanes(byTherapist), buildLanes(byRoom), buildLanes(byPatient, true), busy);
  }

  /** A new index holding these bookings plus `more`. */
  with(more: readonly Busy[]): BusyIndex {
    return more.length === 0 ? this : BusyIndex.from([...this.entries, ...more]);
  }

  therapistBlocks(therapistId: string, window: Interval, defaultBufferMs: number, leadMs: number): Interval[] {
    return blocksOf(this.therapists.get(therapistId), window, defaultBufferMs, leadMs);
  }

  roomBlocks(roomId: string, window: Interval, defaultBufferMs: number, leadMs: number): Interval[] {
    return blocksOf(this.rooms.get(roomId), window, defaultBufferMs, leadMs);
  }

  /** A patient is blocked only for the session itself: turnover is the clinic's time, not theirs. */
  patientBlocks(patientId: string, window: Interval): Interval[] {
    return blocksOf(this.patients.get(patientId), window, 0, 0);
  }
}

export function indexBusy(busy: readonly Busy[] | BusyIndex): BusyIndex {
  return busy instanceof BusyIndex ? busy : BusyIndex.from(busy);
}
