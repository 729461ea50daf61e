import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thresholdSetFor } from '../../clinical/measures/index.ts';
import { formatDate, parseDate } from '../../time/index.ts';
import {
  buildEpisodes,
  changeFromBaseline,
  firstImprovement,
  OUTCOME_RESPONDER_DEFINITIONS,
  sessionsToImprovement,
} from './index.ts';
import type { PatientRecords, ScoreRecord, SessionRecord } from './index.ts';

const NPRS = OUTCOME_RESPONDER_DEFINITIONS.nprs;
const plus = (date: string, days: number) => formatDate(parseDate(date)! + days);

/** Weekly signed sessions from `start`, one NPRS score linked to each. */
function weekly(
  start: string,
  pain: number[],
  extra: Partial<SessionRecord> = {},
): { sessions: SessionRecord[]; scores: ScoreRecord[] } {
  const sessions = pain.map((_, i) => ({ id: `s${start}-${i + 1}`, date: plus(start, 7 * i), signed: true, ...extra }));
  const scores = pain.map((score, i) => ({
    measure: 'nprs' as const,
    score,
    date: sessions[i]!.date,
    sessionId: sessions[i]!.id,
  }));
  return { sessions, scores };
}

function patient(partial: Partial<PatientRecords>): PatientRecords {
  return { patientId: 'p1', assessments: [], sessions: [], scores: [], ...partial };
}

describe('episodes of care', () => {
  it('opens at the first assessment, numbers signed sessions, finds the first session meeting 2 points and 30%', () => {
    const { sessions, scores } = weekly('2026-01-05', [6, 5, 4, 3]);
    const records = patient({
      assessments: [
        {
          id: 'a1',
          date: '2026-01-05',
          site: 'beaverton',
          therapist: 't1',
          conditionGroup: 'neck',
          phase: 'acute',
          plannedVisits: 6,
        },
      ],
      sessions: [...sessions, { id: 'draft', date: '2026-01-08', signed: false }],
      scores: [{ measure: 'nprs', score: 7, date: '2026-01-03' }, ...scores],
    });
    const [episode] = buildEpisodes(records, '2026-02-05').episodes;
    expect(episode).toMatchObject({
      id: 'p1:a1',
      startedOn: '2026-01-05',
      lastVisitOn: '2026-01-26',
      status: 'open',
      endedOn: null,
      site: 'beaverton',
      therapist: 't1',
      conditionGroup: 'neck',
      phase: 'acute',
      plannedVisits: 6,
      dropOut: false,
    });
    expect(episode!.sessions.map((s) => s.number)).toEqual([1, 2, 3, 4]);
    expect(episode!.measures.nprs!.baseline).toEqual({
      score: 7,
      date: '2026-01-03',
      from: 'before-treatment',
      session: 0,
    });
    // 7 → 5 is 2 points but only 29%; 7 → 4 is 3 points and 43%.
    expect(firstImprovement(episode!, NPRS)).toEqual({ status: 'improved', session: 3, lastScoredSession: 4 });
    expect(sessionsToImprovement(episode!, NPRS)).toEqual({ time: 3, event: true });
  });

  it('lapses after more than 60 days without a visit; exactly 60 days keeps the episode going', () => {
    const assessments = [{ id: 'a1', date: '2026-01-05' }];
    const at60 = buildEpisodes(
      patient({ assessments, sessions: [{ id: 's1', date: plus('2026-01-05', 60), signed: true }] }),
      '2026-04-01',
    );
    expect(at60.episodes).toHaveLength(1);
    expect(at60.episodes[0]!.sessions).toHaveLength(1);
    const at61 = buildEpisodes(
      patient({ assessments, sessions: [{ id: 's1', date: plus('2026-01-05', 61), signed: true }] }),
      '2026-04-01',
    );
    expect(at61.episodes).toEqual([expect.objectContaining({ status: 'lapsed', endedOn: '2026-01-05', sessions: [] })]);
    expect(at61.sessionsWithoutEpisode).toBe(1);
  });

  it('takes other rules when the clinic sets them (a 30-day lapse)', () => {
    const records = patient({
      assessments: [{ id: 'a1', date: '2026-01-05' }],
      sessions: [{ id: 's1', date: plus('2026-01-05', 31), signed: true }],
    });
    expect(buildEpisodes(records, '2026-04-01', { lapseDays: 30 }).sessionsWithoutEpisode).toBe(1);
    expect(buildEpisodes(records, '2026-04-01').sessionsWithoutEpisode).toBe(0);
  });

  it('is open while the last visit is within 60 days of the report date, lapsed after', () => {
    const records = patient({
      assessments: [{ id: 'a1', date: '2026-01-05' }],
      sessions: weekly('2026-01-12', [5, 5]).sessions,
    });
    expect(buildEpisodes(records, plus('2026-01-19', 60)).episodes[0]!.status).toBe('open');
    expect(buildEpisodes(records, plus('2026-01-19', 61)).episodes[0]).toMatchObject({
      status: 'lapsed',
      endedOn: '2026-01-19',
    });
  });

  it('closes at a discharge; a later assessment opens a new episode', () => {
    const first = weekly('2026-01-05', [6, 4, 2]);
    const second = weekly('2026-05-04', [7, 7]);
    const records = patient({
      assessments: [
        { id: 'a1', date: '2026-01-05' },
        { id: 'a2', date: '2026-01-19' },
        { id: 'a3', date: '2026-05-04' },
      ],
      sessions: [...first.sessions, ...second.sessions],
      scores: [...first.scores, ...second.scores],
      discharges: [{ date: '2026-01-19' }],
    });
    const { episodes } = buildEpisodes(records, '2026-05-20');
    expect(episodes.map((e) => [e.id, e.status, e.endedOn, e.sessions.length])).toEqual([
      ['p1:a1', 'discharged', '2026-01-19', 3],
      ['p1:a3', 'open', null, 2],
    ]);
  });

  it('calls a lapsed episode short of its planned visits a drop-out, never a discharged or open one', () => {
    const build = (plannedVisits: number | undefined, visits: number, discharged: boolean, asOf: string) =>
      buildEpisodes(
        patient({
          assessments: [{ id: 'a1', date: '2026-01-05', ...(plannedVisits ? { plannedVisits } : {}) }],
          sessions: weekly('2026-01-05', Array(visits).fill(5)).sessions,
          discharges: discharged ? [{ date: plus('2026-01-05', 7 * visits) }] : [],
        }),
        asOf,
      ).episodes[0]!;
    expect(build(8, 3, false, '2026-06-01')).toMatchObject({ status: 'lapsed', dropOut: true });
    expect(build(8, 8, false, '2026-06-01')).toMatchObject({ status: 'lapsed', dropOut: false });
    expect(build(undefined, 3, false, '2026-06-01').dropOut).toBe(true); // no plan: fewer than 4 visits
    expect(build(undefined, 4, false, '2026-06-01').dropOut).toBe(false);
    expect(build(8, 2, true, '2026-06-01')).toMatchObject({ status: 'discharged', dropOut: false });
    expect(build(8, 2, false, '2026-01-20')).toMatchObject({ status: 'open', dropOut: false });
  });

  it('counts sessions before the first assessment as outside any episode; ignores those after the report', () => {
    const records = patient({
      assessments: [{ id: 'a1', date: '2026-02-02' }],
      sessions: [
        { id: 'early', date: '2026-01-26', signed: true },
        { id: 's1', date: '2026-02-02', signed: true },
        { id: 'later', date: '2026-03-02', signed: true },
      ],
    });
    const result = buildEpisodes(records, '2026-02-15');
    expect(result.sessionsWithoutEpisode).toBe(1);
    expect(result.episodes[0]!.sessions.map((s) => s.id)).toEqual(['s1']);
  });

  it('takes an intake score up to 14 days before the assessment as baseline; older ones are not', () => {
    const { sessions, scores } = weekly('2026-03-02', [6, 4]);
    const withIntake = (date: string) =>
      buildEpisodes(
        patient({
          assessments: [{ id: 'a1', date: '2026-03-02' }],
          sessions,
          scores: [{ measure: 'nprs', score: 8, date }, ...scores],
        }),
        '2026-03-20',
      ).episodes[0]!.measures.nprs!.baseline;
    expect(withIntake(plus('2026-03-02', -14))).toMatchObject({ score: 8, from: 'before-treatment' });
    expect(withIntake(plus('2026-03-02', -15))).toMatchObject({ score: 6, from: 'first-scored-session', session: 1 });
  });

  it('judges from the first scored session when nothing was taken before treatment', () => {
    const { sessions, scores } = weekly('2026-03-02', [8, 7, 5]);
    const [episode] = buildEpisodes(
      patient({ assessments: [{ id: 'a1', date: '2026-03-02' }], sessions, scores }),
      '2026-03-20',
    ).episodes;
    expect(firstImprovement(episode!, NPRS)).toEqual({ status: 'improved', session: 3, lastScoredSession: 3 });
  });

  it('places an unlinked score at the last session on or before its date', () => {
    const { sessions } = weekly('2026-03-02', [0, 0, 0]);
    const records = patient({
      assessments: [{ id: 'a1', date: '2026-03-02' }],
      sessions,
      scores: [
        { measure: 'nprs', score: 8, date: '2026-03-02' },
        { measure: 'nprs', score: 5, date: '2026-03-12' },
      ],
    });
    expect(buildEpisodes(records, '2026-03-20').episodes[0]!.measures.nprs!.bySession).toEqual([
      { session: 2, score: 5 },
    ]);
  });

  it('censors an episode that never improved at its last scored session, and cannot judge one without scores', () => {
    const { sessions, scores } = weekly('2026-03-02', [7, 7, 6, 6]);
    const records = patient({
      assessments: [{ id: 'a1', date: '2026-03-02' }],
      sessions,
      scores: [{ measure: 'nprs', score: 7, date: '2026-03-02' }, ...scores.slice(0, 3)],
    });
    const [episode] = buildEpisodes(records, '2026-04-01').episodes;
    expect(sessionsToImprovement(episode!, NPRS)).toEqual({ time: 3, event: false });
    expect(sessionsToImprovement(episode!, OUTCOME_RESPONDER_DEFINITIONS.ndi)).toBeNull();
  });

  it('reports PSFS change as positive when function improves and pain change as positive when pain falls', () => {
    const { sessions } = weekly('2026-03-02', [0, 0]);
    const records = patient({
      assessments: [{ id: 'a1', date: '2026-03-02' }],
      sessions,
      scores: [
        { measure: 'psfs', score: 3.5, date: '2026-03-01' },
        { measure: 'psfs', score: 6, date: sessions[1]!.date, sessionId: sessions[1]!.id },
        { measure: 'nprs', score: 7, date: '2026-03-01' },
        { measure: 'nprs', score: 4, date: sessions[1]!.date, sessionId: sessions[1]!.id },
      ],
    });
    const [episode] = buildEpisodes(records, '2026-03-20').episodes;
    expect(changeFromBaseline(episode!, 'psfs')).toBe(2.5);
    expect(changeFromBaseline(episode!, 'nprs')).toBe(3);
    expect(changeFromBaseline(episode!, 'odi')).toBeNull();
  });

  it('keeps the relief days a patient reported after each visit', () => {
    const records = patient({
      assessments: [{ id: 'a1', date: '2026-03-02' }],
      sessions: [
        { id: 's1', date: '2026-03-02', signed: true, reliefDays: 3 },
        { id: 's2', date: '2026-03-09', signed: true },
      ],
    });
    expect(buildEpisodes(records, '2026-03-20').episodes[0]!.sessions).toEqual([
      { number: 1, id: 's1', date: '2026-03-02', reliefDays: 3 },
      { number: 2, id: 's2', date: '2026-03-09' },
    ]);
  });

  it('names a record with a date that is not a calendar date', () => {
    expect(() => buildEpisodes(patient({ assessments: [{ id: 'a9', date: '2026-02-30' }] }), '2026-03-01')).toThrow(
      'assessment a9: "2026-02-30" is not a calendar date (YYYY-MM-DD)',
    );
  });
});

describe('responder definitions come from the published thresholds', () => {
  it('NPRS needs both the MCID points and the relative change; ODI either; NDI and PSFS their absolute MCID', () => {
    const nprs = thresholdSetFor('nprs').mcid;
    expect(NPRS).toMatchObject({ measure: 'nprs', rule: 'both', absolute: nprs.value, percent: nprs.relative! * 100 });
    expect(NPRS.label).toBe('NPRS: down at least 2 points and 30%');
    expect(OUTCOME_RESPONDER_DEFINITIONS.odi).toMatchObject({
      rule: 'either',
      absolute: thresholdSetFor('odi').mcid.value,
      percent: 30,
    });
    expect(OUTCOME_RESPONDER_DEFINITIONS.ndi).toMatchObject({
      rule: 'absolute',
      absolute: thresholdSetFor('ndi').mcid.value,
    });
    expect(OUTCOME_RESPONDER_DEFINITIONS.psfs).toMatchObject({
      rule: 'absolute',
      absolute: thresholdSetFor('psfs').mcid.value,
    });
  });
});

describe('episode properties', () => {
  const recordsArb = fc
    .record({
      assessmentDays: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 5 }),
      sessionDays: fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), signed: fc.boolean() }), {
        maxLength: 40,
      }),
      dischargeDays: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 3 }),
      asOf: fc.integer({ min: 0, max: 450 }),
    })
    .map(({ assessmentDays, sessionDays, dischargeDays, asOf }) => {
      const date = (d: number) => plus('2025-01-01', d);
      return {
        asOf: date(asOf),
        records: patient({
          assessments: assessmentDays.map((d, i) => ({ id: `a${i}`, date: date(d) })),
          sessions: sessionDays.map((s, i) => ({ id: `s${i}`, date: date(s.day), signed: s.signed })),
          discharges: dischargeDays.map((d) => ({ date: date(d) })),
        }),
      };
    });

  it('puts every signed session up to the report date in exactly one episode or counts it outside', () => {
    fc.assert(
      fc.property(recordsArb, ({ records, asOf }) => {
        const { episodes, sessionsWithoutEpisode } = buildEpisodes(records, asOf);
        const inEpisodes = episodes.flatMap((e) => e.sessions.map((s) => s.id));
        expect(new Set(inEpisodes).size).toBe(inEpisodes.length);
        const counted = records.sessions.filter((s) => s.signed && s.date <= asOf).length;
        expect(inEpisodes.length + sessionsWithoutEpisode).toBe(counted);
      }),
    );
  });

  it('episodes follow one another without overlap, only the last may be open, and sessions are numbered 1…n', () => {
    fc.assert(
      fc.property(recordsArb, ({ records, asOf }) => {
        const { episodes } = buildEpisodes(records, asOf);
        episodes.forEach((e, i) => {
          expect(e.sessions.map((s) => s.number)).toEqual(e.sessions.map((_, k) => k + 1));
          if (i < episodes.length - 1) {
            expect(e.status).not.toBe('open');
            expect(
              e.endedOn! < episodes[i + 1]!.startedOn ||
                (e.status === 'discharged' && e.endedOn! <= episodes[i + 1]!.startedOn),
            ).toBe(true);
          }
          if (e.dropOut) expect(e.status).toBe('lapsed');
        });
      }),
    );
  });
});
