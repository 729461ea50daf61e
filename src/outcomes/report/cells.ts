import { kaplanMeierFromTally, SurvivalTally, wilsonInterval } from '../stats/index.ts';
import type { SurvivalObservation } from '../stats/index.ts';
import { Histogram } from './histogram.ts';
import { observationOf, outcomeOf } from './rows.ts';
import type { EpisodeOutcomeRow } from './rows.ts';
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

function summary(values: Histogram, settings: ReportSettings, contributors = values.count): Reported<SummaryFigures> {
  if (contributors < settings.minimumCell || values.count === 0) return tooFew();
  return { status: 'reported', count: values.count, mean: values.mean(), median: values.median() };
}

/**
 * The figures of one group of episodes, gathered in a single pass over its rows (a report adds
 * each row to about ten groups at once, so one pass per row keeps 150,000 episodes well under a
 * second).
 *
 * The clinic's claim, "meaningfully better by session N", is counted two ways:
 *  - all started: every episode that can be judged — ended (discharged or lapsed), or at its
 *    N-th session, or already improved — with drop-outs counted as not improved;
 *  - completed course: the same, limited to episodes with at least `minimumSessions` sessions.
 * An open episode short of N sessions that has not improved yet is "still in care" and left out
 * of both (it may still improve by N); one without a score to judge from is "without baseline".
 * Both are counted and shown, never dropped silently.
 */
export class CellAccumulator {
  private episodes = 0;
  private stillInCare = 0;
  private withoutBaseline = 0;
  private readonly all = { numerator: 0, denominator: 0 };
  private readonly completed = { numerator: 0, denominator: 0 };
  private readonly tally = new SurvivalTally();
  /** Visits of ended episodes: drop-out and visits per episode are about finished courses. */
  private readonly visits = new Histogram();
  private dropOuts = 0;
  private readonly psfs = new Histogram();
  private readonly relief = new Histogram();
  private reliefEpisodes = 0;

  constructor(
    private readonly definitionId: string,
    private readonly settings: ReportSettings,
  ) {}

  add(row: EpisodeOutcomeRow): void {
    const { claimSession, minimumSessions } = this.settings;
    this.episodes += 1;
    if (row.status !== 'open') {
      this.visits.add(row.visits);
      if (row.dropOut) this.dropOuts += 1;
    }
    if (row.psfsChange !== null) this.psfs.add(row.psfsChange);
    if (row.reliefDays.length > 0) {
      this.reliefEpisodes += 1;
      for (const days of row.reliefDays) this.relief.add(days);
    }

    const outcome = outcomeOf(row, this.definitionId);
    if (!outcome.judged) {
      this.withoutBaseline += 1;
      return;
    }
    if (outcome.improvedAt !== null) this.tally.add(outcome.improvedAt, true);
    else this.tally.add(outcome.lastScoredSession ?? 0, false);

    const improvedInTime = outcome.improvedAt !== null && outcome.improvedAt <= claimSession;
    const decided = improvedInTime || row.status !== 'open' || row.visits >= claimSession;
    if (!decided) {
      this.stillInCare += 1;
      return;
    }
    this.all.denominator += 1;
    if (improvedInTime) this.all.numerator += 1;
    if (row.visits >= minimumSessions) {
      this.completed.denominator += 1;
      if (improvedInTime) this.completed.numerator += 1;
    }
  }

  figures(): Reported<CellFigures> {
    const { settings } = this;
    if (this.episodes < settings.minimumCell) return tooFew();
    const claim: ClaimFigures = {
      allStarted: share(this.all.numerator, this.all.denominator, settings),
      completedCourse: share(this.completed.numerator, this.completed.denominator, settings),
      stillInCare: this.stillInCare,
      withoutBaseline: this.withoutBaseline,
    };
    const reliefSummary = summary(this.relief, settings, this.reliefEpisodes);
    return {
      status: 'reported',
      episodes: this.episodes,
      claim,
      medianSessions:
        this.tally.total < settings.minimumCell
          ? tooFew()
          : {
              status: 'reported',
              ...kaplanMeierFromTally(this.tally, { transform: settings.transform, confidence: settings.confidence })
                .median,
            },
      dropOut: share(this.dropOuts, this.visits.count, settings),
      visitsPerEpisode: summary(this.visits, settings),
      psfsChange: summary(this.psfs, settings),
      reliefDays:
        reliefSummary.status === 'reported' ? { ...reliefSummary, episodes: this.reliefEpisodes } : reliefSummary,
    };
  }
}

export function cellFigures(
  rows: readonly EpisodeOutcomeRow[],
  definitionId: string,
  settings: ReportSettings,
): Reported<CellFigures> {
  const cell = new CellAccumulator(definitionId, settings);
  for (const row of rows) cell.add(row);
  return cell.figures();
}

export function improvementObservations(
  rows: readonly EpisodeOutcomeRow[],
  definitionId: string,
): SurvivalObservation[] {
  const observations: SurvivalObservation[] = [];
  for (const row of rows) {
    const observation = observationOf(row, definitionId);
    if (observation) observations.push(observation);
  }
  return observations;
}

/** The Kaplan–Meier observations counted by session, without one object per episode. */
export function improvementTally(rows: readonly EpisodeOutcomeRow[], definitionId: string): SurvivalTally {
  const tally = new SurvivalTally();
  for (const row of rows) {
    const observation = outcomeOf(row, definitionId);
    if (!observation.judged) continue;
    if (observation.improvedAt !== null) tally.add(observation.improvedAt, true);
    else tally.add(observation.lastScoredSession ?? 0, false);
  }
  return tally;
}
