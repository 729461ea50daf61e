import { kaplanMeierFromTally, SurvivalTally, wilsonInterval } from '../stats/index.ts';
import type { EpisodeColumns, OutcomeColumn } from './columns.ts';
import { ascendingOrder, countedSummary } from './histogram.ts';
import { TOO_FEW } from './types.ts';
import type {
  CellFigures,
  ClaimFigures,
  Reported,
  ReportSettings,
  ShareFigures,
  SummaryFigures,
  TooFew,
} from './types.ts';

export const tooFew = (): TooFew => ({ status: 'too-few', note: TOO_FEW });

export function share(numerator: number, denominator: number, settings: ReportSettings): Reported<ShareFigures> {
  if (denominator < settings.minimumCell) return tooFew();
  const interval = wilsonInterval(numerator, denominator, settings.confidence)!;
  return {
    status: 'reported',
    numerator,
    denominator,
    rate: interval.estimate,
    lower: interval.lower,
    upper: interval.upper,
  };
}

/**
 * What a group's figures need about its episodes themselves (not how a definition judged them):
 * counts per distinct value, indexed as in the columns' value tables.
 */
export class EpisodeTotals {
  episodes = 0;
  /** Visits of ended episodes: drop-out and visits per episode are about finished courses. */
  readonly visits: Int32Array;
  ended = 0;
  dropOuts = 0;
  readonly psfs: Int32Array;
  psfsCount = 0;
  readonly relief: Int32Array;
  reliefCount = 0;
  reliefEpisodes = 0;

  constructor(private readonly columns: EpisodeColumns) {
    this.visits = new Int32Array(columns.values.visits.length);
    this.psfs = new Int32Array(columns.values.psfs.length);
    this.relief = new Int32Array(columns.values.relief.length);
  }

  add(i: number): void {
    const c = this.columns;
    this.episodes += 1;
    if (c.open[i] === 0) {
      this.visits[c.visits[i]!]! += 1;
      this.ended += 1;
      this.dropOuts += c.dropOut[i]!;
    }
    const psfs = c.psfs[i]!;
    if (psfs >= 0) {
      this.psfs[psfs]! += 1;
      this.psfsCount += 1;
    }
    const from = c.reliefFrom[i]!;
    const to = c.reliefFrom[i + 1]!;
    if (to > from) {
      this.reliefEpisodes += 1;
      this.reliefCount += to - from;
      for (let r = from; r < to; r++) this.relief[c.relief[r]!]! += 1;
    }
  }
}

/**
 * The clinic's claim, "meaningfully better by session N", counted two ways, and the counts the
 * Kaplan–Meier median needs, for one definition:
 *  - all started: every episode that can be judged — ended (discharged or lapsed), or at its
 *    N-th session, or already improved — with drop-outs counted as not improved;
 *  - completed course: the same, limited to episodes with at least `minimumSessions` sessions.
 * An open episode short of N sessions that has not improved yet is "still in care" and left out
 * of both (it may still improve by N); one without a score to judge from is "without baseline".
 * Both are counted and shown, never dropped silently.
 */
export class OutcomeTotals {
  stillInCare = 0;
  withoutBaseline = 0;
  allImproved = 0;
  allCounted = 0;
  completedImproved = 0;
  completedCounted = 0;
  /** Events and censorings per session (indices into the columns' session values). */
  readonly events: Int32Array;
  readonly censored: Int32Array;
  followed = 0;

  constructor(
    private readonly columns: EpisodeColumns,
    private readonly outcome: OutcomeColumn,
    private readonly verdicts: Verdicts,
  ) {
    this.events = new Int32Array(columns.values.sessions.length);
    this.censored = new Int32Array(columns.values.sessions.length);
  }

  add(i: number): void {
    const { judged, improvedAt, censoredAt } = this.outcome;
    if (judged[i] === 0) {
      this.withoutBaseline += 1;
      return;
    }
    this.followed += 1;
    const improved = improvedAt[i]!;
    if (improved >= 0) this.events[improved]! += 1;
    else this.censored[censoredAt[i]!]! += 1;

    const { inTime, reachesClaim, longEnough } = this.verdicts;
    const visits = this.columns.visits[i]!;
    const improvedInTime = improved >= 0 && inTime[improved] === 1;
    const decided = improvedInTime || this.columns.open[i] === 0 || reachesClaim[visits] === 1;
    if (!decided) {
      this.stillInCare += 1;
      return;
    }
    this.allCounted += 1;
    if (improvedInTime) this.allImproved += 1;
    if (longEnough[visits] === 1) {
      this.completedCounted += 1;
      if (improvedInTime) this.completedImproved += 1;
    }
  }

  tally(): SurvivalTally {
    const tally = new SurvivalTally();
    const sessions = this.columns.values.sessions;
    for (let t = 0; t < sessions.length; t++) tally.addCounts(sessions[t]!, this.events[t]!, this.censored[t]!);
    return tally;
  }
}

/** The settings' thresholds, looked up once per distinct session or visit count instead of per episode. */
export interface Verdicts {
  /** By session index: improvement there is within the claim's session. */
  inTime: Uint8Array;
  /** By visits index: the episode has reached the claim's session. */
  reachesClaim: Uint8Array;
  /** By visits index: the episode has at least `minimumSessions` sessions. */
  longEnough: Uint8Array;
}

export function verdictsOf(columns: EpisodeColumns, settings: ReportSettings): Verdicts {
  const flags = (values: readonly number[], test: (v: number) => boolean) =>
    Uint8Array.from(values, (v) => (test(v) ? 1 : 0));
  return {
    inTime: flags(columns.values.sessions, (s) => s <= settings.claimSession),
    reachesClaim: flags(columns.values.visits, (v) => v >= settings.claimSession),
    longEnough: flags(columns.values.visits, (v) => v >= settings.minimumSessions),
  };
}

/** Value orders of the columns' tables, sorted once per report rather than once per group. */
export interface ValueOrders {
  visits: number[];
  psfs: number[];
  relief: number[];
}

export const valueOrdersOf = (columns: EpisodeColumns): ValueOrders => ({
  visits: ascendingOrder(columns.values.visits),
  psfs: ascendingOrder(columns.values.psfs),
  relief: ascendingOrder(columns.values.relief),
});

function summary(
  values: readonly number[],
  counts: Int32Array,
  order: readonly number[],
  count: number,
  settings: ReportSettings,
  contributors = count,
): Reported<SummaryFigures> {
  if (contributors < settings.minimumCell || count === 0) return tooFew();
  return { status: 'reported', ...countedSummary(values, counts, order) };
}

/** The figures of one group from its totals; too few episodes and it shows none. */
export function cellFigures(
  columns: EpisodeColumns,
  orders: ValueOrders,
  episodes: EpisodeTotals,
  outcome: OutcomeTotals,
  settings: ReportSettings,
): Reported<CellFigures> {
  if (episodes.episodes < settings.minimumCell) return tooFew();
  const claim: ClaimFigures = {
    allStarted: share(outcome.allImproved, outcome.allCounted, settings),
    completedCourse: share(outcome.completedImproved, outcome.completedCounted, settings),
    stillInCare: outcome.stillInCare,
    withoutBaseline: outcome.withoutBaseline,
  };
  const { values } = columns;
  const reliefSummary = summary(
    values.relief,
    episodes.relief,
    orders.relief,
    episodes.reliefCount,
    settings,
    episodes.reliefEpisodes,
  );
  return {
    status: 'reported',
    episodes: episodes.episodes,
    claim,
    medianSessions:
      outcome.followed < settings.minimumCell
        ? tooFew()
        : {
            status: 'reported',
            ...kaplanMeierFromTally(outcome.tally(), { transform: settings.transform, confidence: settings.confidence })
              .median,
          },
    dropOut: share(episodes.dropOuts, episodes.ended, settings),
    visitsPerEpisode: summary(values.visits, episodes.visits, orders.visits, episodes.ended, settings),
    psfsChange: summary(values.psfs, episodes.psfs, orders.psfs, episodes.psfsCount, settings),
    reliefDays:
      reliefSummary.status === 'reported' ? { ...reliefSummary, episodes: episodes.reliefEpisodes } : reliefSummary,
  };
}
