/**
 * Half-open time ranges [start, end) on epoch milliseconds, and the small set algebra the
 * availability engine is built from (the shape follows cal.com's date-ranges helpers: merge,
 * intersect, subtract; the code is ours). Every function returns a new, sorted, non-overlapping
 * list of non-empty ranges; inputs may be unsorted, overlapping or contain empty ranges.
 */
export interface Interval {
  start: number;
  end: number;
}

const byStartThenEnd = (a: Interval, b: Interval): number => a.start - b.start || a.end - b.end;

function isSortedDisjoint(list: readonly Interval[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const current = list[i]!;
    if (current.end <= current.start) return false;
    if (i > 0 && list[i - 1]!.end >= current.start) return false;
  }
  return true;
}

/** Union: overlapping or touching ranges become one; empty ranges disappear. */
export function merge(ranges: readonly Interval[]): Interval[] {
  if (isSortedDisjoint(ranges)) return ranges.map((r) => ({ start: r.start, end: r.end }));
  const sorted = ranges.filter((r) => r.end > r.start).sort(byStartThenEnd);
  const out: Interval[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.start <= last.end) {
      if (range.end > last.end) last.end = range.end;
    } else {
      out.push({ start: range.start, end: range.end });
    }
  }
  return out;
}

/** The instants that lie in both `a` and `b`. Linear sweep over the two merged lists. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = merge(a);
  const right = merge(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i]!;
    const y = right[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** The instants of `a` that are not in `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const keep = merge(a);
  const cut = merge(b);
  const out: Interval[] = [];
  let j = 0;
  for (const range of keep) {
    let cursor = range.start;
    while (j < cut.length && cut[j]!.end <= cursor) j++;
    let k = j;
    while (k < cut.length && cut[k]!.start < range.end) {
      const hole = cut[k]!;
      if (hole.start > cursor) out.push({ start: cursor, end: hole.start });
      cursor = Math.max(cursor, hole.end);
      if (cursor >= range.end) break;
      k++;
    }
    if (cursor < range.end) out.push({ start: cursor, end: range.end });
  }
  return out;
}

/** True when [start, end) lies wholly inside one range of a sorted, disjoint list. */
export function containedIn(sortedDisjoint: readonly Interval[], start: number, end: number): boolean {
  const index = firstEndingAfter(sortedDisjoint, start);
  const range = sortedDisjoint[index];
  return range !== undefined && range.start <= start && end <= range.end;
}

/** True when [start, end) shares an instant with any range of a sorted, disjoint list. */
export function overlapsAny(sortedDisjoint: readonly Interval[], start: number, end: number): boolean {
  const range = sortedDisjoint[firstEndingAfter(sortedDisjoint, start)];
  return range !== undefined && range.start < end;
}

/** Index of the first range whose end is after `instant` (binary search; list sorted and disjoint). */
export function firstEndingAfter(sortedDisjoint: readonly Interval[], instant: number): number {
  let low = 0;
  let high = sortedDisjoint.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sortedDisjoint[mid]!.end <= instant) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function totalLength(ranges: readonly Interval[]): number {
  return merge(ranges).reduce((sum, r) => sum + (r.end - r.start), 0);
}
