import { parse } from 'csv-parse/sync';
import type { SurvivalObservation } from './kaplan-meier.ts';

export type SurvivalCsvResult =
  { ok: true; observations: SurvivalObservation[] } | { ok: false; line: number | null; message: string };

const isNumber = (text: string) => text !== '' && Number.isFinite(Number(text));

/**
 * Reads `time,event` rows (event 1 = the event happened, 0 = censored), the format `knotwork
 * stats km` takes so the estimator can be checked against published examples. A first row
 * that is not numbers is a header; blank lines and lines starting with # are skipped. Each
 * problem names its line.
 */
export function parseSurvivalCsv(text: string): SurvivalCsvResult {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records; // with `info: true` each record comes with its line number
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : null;
    return { ok: false, line, message: `not readable as CSV (${(err as Error).message})` };
  }

  const observations: SurvivalObservation[] = [];
  for (const [index, { record, info }] of records.entries()) {
    const line = info.lines;
    if (index === 0 && record.every((cell) => !isNumber(cell))) continue; // the header
    if (record.length !== 2) {
      return { ok: false, line, message: `each line needs 2 values (time, event); this one has ${record.length}` };
    }
    const [time, event] = record as [string, string];
    if (!isNumber(time) || Number(time) < 0) {
      return { ok: false, line, message: `time must be a number of 0 or more, got "${time}"` };
    }
    if (event !== '0' && event !== '1') {
      return { ok: false, line, message: `event must be 1 (happened) or 0 (censored), got "${event}"` };
    }
    observations.push({ time: Number(time), event: event === '1' });
  }
  if (observations.length === 0) return { ok: false, line: null, message: 'has no rows of time,event' };
  return { ok: true, observations };
}
