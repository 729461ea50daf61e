import { isTimedCode, UNTIMED_CODES } from './codes.ts';

export type UnitRule = 'cms' | 'midpoint';
export const UNIT_RULES: readonly UnitRule[] = ['cms', 'midpoint'];

export interface UnitLine {
  code: string;
  minutes: number;
  units: number;
}

export interface UnitResult {
  rule: UnitRule;
  totalMinutes: number;
  totalUnits: number;
  /** One line per distinct code, in the order each code first appeared in the input. */
  lines: UnitLine[];
  explanation: string[];
}

export interface UnitsError {
  error: {
    code: 'no-lines' | 'unknown-code' | 'untimed-code' | 'invalid-minutes' | 'unknown-rule';
    message: string;
    /** 0-based index of the input line at fault. */
    line?: number;
  };
}

export function isUnitsError(result: UnitResult | UnitsError): result is UnitsError {
  return 'error' in result;
}

/** A day holds 1,440 minutes; anything above is a typing error, not a long session. */
export const MAX_MINUTES_PER_DAY = 1440;

const CMS_SOURCE = 'CMS Medicare Claims Processing Manual 100-04, ch. 5 §20.2 (counting minutes for timed codes)';
const MIDPOINT_SOURCE =
  'AMA CPT guidelines, "Time": a unit of time is attained when the midpoint is passed (8 of 15 minutes), ' +
  'applied per code';

/** Units for a number of minutes by the 8-minute table: 8–22 → 1, 23–37 → 2, 38–52 → 3 … */
export function unitsForMinutes(minutes: number): number {
  return Math.floor((minutes + 7) / 15);
}

function fail(code: UnitsError['error']['code'], message: string, line?: number): UnitsError {
  return { error: line === undefined ? { code, message } : { code, message, line } };
}

/** Validates the input and sums repeated codes, keeping first-appearance order. */
function mergeLines(
  lines: ReadonlyArray<{ code: string; minutes: number }>,
): Array<{ code: string; minutes: number }> | UnitsError {
  if (!Array.isArray(lines) || lines.length === 0) return fail('no-lines', 'no timed services given');
  const merged = new Map<string, number>();
  let total = 0;
  for (const [index, line] of lines.entries()) {
    if (typeof line !== 'object' || line === null)
      return fail('invalid-minutes', 'each line needs a code and minutes', index);
    const code = String(line.code);
    if (!isTimedCode(code)) {
      const untimed = UNTIMED_CODES[code];
      return untimed
        ? fail('untimed-code', `${code} (${untimed.label}) is billed once per visit, not by minutes`, index)
        : fail('unknown-code', `${code} is not a timed code Knotwork knows`, index);
    }
    const { minutes } = line;
    if (!Number.isInteger(minutes) || minutes < 0) {
      return fail('invalid-minutes', `${code}: minutes must be a whole number ≥ 0, got ${String(minutes)}`, index);
    }
    total += minutes;
    if (total > MAX_MINUTES_PER_DAY) {
      return fail('invalid-minutes', `more than ${MAX_MINUTES_PER_DAY} minutes in one day`, index);
    }
    merged.set(code, (merged.get(code) ?? 0) + minutes);
  }
  return [...merged].map(([code, minutes]) => ({ code, minutes }));
}

/**
 * Ranking for the CMS leftover units: most leftover minutes first (CMS examples 3–4),
 * then most total minutes (example 1: "more units to the service that took the most
 * time"), then the lower code number. CMS lets the provider pick when leftovers tie
 * (examples 2 and 5); the code-number tie-break is ours and keeps the result
 * independent of input order.
 */
function leftoverOrder(a: { code: string; minutes: number; leftover: number }, b: typeof a): number {
  return b.leftover - a.leftover || b.minutes - a.minutes || a.code.localeCompare(b.code);
}

function cmsUnits(
  lines: Array<{ code: string; minutes: number }>,
  totalMinutes: number,
): { lines: UnitLine[]; explanation: string[] } {
  const totalUnits = unitsForMinutes(totalMinutes);
  const explanation = [
    `CMS 8-minute rule: ${totalMinutes} total timed minutes allow ${totalUnits} unit(s) (${CMS_SOURCE})`,
  ];
  const rows = lines.map((l) => ({ ...l, units: Math.floor(l.minutes / 15), leftover: l.minutes % 15 }));
  const fullUnits = rows.reduce((n, r) => n + r.units, 0);
  explanation.push(`each code first gets one unit per full 15 minutes: ${fullUnits} unit(s)`);

  let remaining = totalUnits - fullUnits;
  const candidates = rows.filter((r) => r.leftover > 0).sort(leftoverOrder);
  for (const [i, row] of candidates.entries()) {
    if (remaining === 0) break;
    row.units += 1;
    remaining -= 1;
    const next = candidates[i + 1];
    const tie = next !== undefined && next.leftover === row.leftover && next.minutes === row.minutes && remaining === 0;
    explanation.push(
      `remaining unit to ${row.code} (${row.leftover} leftover minute(s))` +
        (tie ? `; tied with ${next.code} — CMS lets either be billed, we pick the lower code number` : ''),
    );
  }
  return { lines: rows.map(({ code, minutes, units }) => ({ code, minutes, units })), explanation };
}

function midpointUnits(lines: Array<{ code: string; minutes: number }>): { lines: UnitLine[]; explanation: string[] } {
  const out = lines.map((l) => ({ ...l, units: unitsForMinutes(l.minutes) }));
  const explanation = [`midpoint rule: each code is counted on its own (${MIDPOINT_SOURCE})`];
  for (const l of out) explanation.push(`${l.code}: ${l.minutes} min → ${l.units} unit(s)`);
  return { lines: out, explanation };
}

/**
 * Billable units for a visit's timed services under the payer's rule. Lines with the same
 * code are summed; the result lists each code once, in the order it first appeared.
 * Bad input returns an error value naming the line, never throws.
 */
export function computeUnits(
  lines: ReadonlyArray<{ code: string; minutes: number }>,
  rule: UnitRule,
): UnitResult | UnitsError {
  if (!UNIT_RULES.includes(rule)) return fail('unknown-rule', `rule must be one of ${UNIT_RULES.join(', ')}`);
  const merged = mergeLines(lines);
  if (!Array.isArray(merged)) return merged;
  const totalMinutes = merged.reduce((n, l) => n + l.minutes, 0);
  const computed = rule === 'cms' ? cmsUnits(merged, totalMinutes) : midpointUnits(merged);
  return {
    rule,
    totalMinutes,
    totalUnits: computed.lines.reduce((n, l) => n + l.units, 0),
    lines: computed.lines,
    explanation: computed.explanation,
  };
}
