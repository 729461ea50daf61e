import type { MeasureId } from '../../clinical/measures/index.ts';
import { parseDate } from '../../time/index.ts';
import type { EpisodeSession, MeasureTrack, ScoreRecord } from './types.ts';

interface Placed {
  measure: MeasureId;
  score: number;
  date: string;
  day: number;
  /** 0 = before treatment (baseline candidate), else the session number. */
  session: number;
}

/**
 * Places each score at a session of the episode:
 *  - a score taken with a session note belongs to that session (if the note is in this episode);
 *  - any other score dated from `fromDay` up to the opening day, or before the first session, is
 *    a baseline candidate (an intake questionnaire filled before the visit counts);
 *  - a later one belongs to the last session on or before its date.
 * The baseline is the latest candidate — the patient's state just before treatment. With no
 * candidate, the first scored session serves as baseline and only later sessions are judged.
 */
export function trackScores(
  scores: readonly ScoreRecord[],
  sessions: readonly EpisodeSession[],
  window: { fromDay: number; startDay: number; untilDay: number },
): Partial<Record<MeasureId, MeasureTrack>> {
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const sessionDays = sessions.map((s) => parseDate(s.date)!);
  const placed: Placed[] = [];
  for (const record of scores) {
    const day = parseDate(record.date);
    if (day === undefined) throw new RangeError(`score: "${record.date}" is not a calendar date (YYYY-MM-DD)`);
    if (!Number.isFinite(record.score))
      throw new RangeError(`score on ${record.date}: ${record.score} is not a number`);
    let session: number;
    if (record.sessionId !== undefined) {
      const linked = sessionById.get(record.sessionId);
      if (!linked) continue;
      session = linked.number;
    } else {
      if (day < window.fromDay || day > window.untilDay) continue;
      session = day <= window.startDay ? 0 : sessionDays.filter((d) => d <= day).length;
    }
    placed.push({ measure: record.measure, score: record.score, date: record.date, day, session });
  }

  const tracks: Partial<Record<MeasureId, MeasureTrack>> = {};
  for (const measure of new Set(placed.map((p) => p.measure))) {
    // Stable sort by date: among same-day scores the one given last wins.
    const own = placed.filter((p) => p.measure === measure).sort((a, b) => a.day - b.day);
    const lastAt = new Map<number, Placed>();
    for (const p of own) lastAt.set(p.session, p);
    const bySession = [...lastAt.values()]
      .filter((p) => p.session > 0)
      .sort((a, b) => a.session - b.session)
      .map((p) => ({ session: p.session, score: p.score }));
    const before = lastAt.get(0);
    const firstScored = bySession[0];
    let baseline: MeasureTrack['baseline'] = null;
    if (before) baseline = { score: before.score, date: before.date, from: 'before-treatment', session: 0 };
    else if (firstScored) {
      const at = own.filter((p) => p.session === firstScored.session).at(-1)!;
      baseline = {
        score: firstScored.score,
        date: at.date,
        from: 'first-scored-session',
        session: firstScored.session,
      };
    }
    tracks[measure] = { baseline, bySession };
  }
  return tracks;
}
