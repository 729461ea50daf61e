import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { buildOutcomesReport, type ShareFigures } from '../outcomes/index.ts';
import type { Database } from '../store/database.ts';
import { listOutcomeRows } from '../store/repos/outcome-episodes.ts';
import { DEFAULT_DEMO_PATIENTS, DEFAULT_DEMO_SEED, seedDemo, type DemoSummary } from './seed.ts';

const TODAY = '2026-11-26';

/** The claim as the demo shows it: numerator / denominator, both ways. */
const figures = (share: { status: string } & Partial<ShareFigures>) =>
  share.status === 'reported' ? `${share.numerator}/${share.denominator}` : share.status;

describe.each(BACKENDS)("the demo's outcomes on %s", (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let summary: DemoSummary;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    summary = await seedDemo(db, { seed: DEFAULT_DEMO_SEED, patients: DEFAULT_DEMO_PATIENTS, today: TODAY });
  });
  afterAll(() => drop());

  it('charts episodes with diagnoses, plans carrying them, signed notes and scores; a row for each', async () => {
    const [counts] = await db.query<{
      assessments: number;
      undiagnosed: number;
      plans: number;
      uncopied: number;
      notes: number;
      scores: number;
      rows: number;
    }>(
      `SELECT (SELECT count(*)::int FROM assessments) AS assessments,
              (SELECT count(*)::int FROM assessments WHERE cardinality(diagnoses) = 0) AS undiagnosed,
              (SELECT count(*)::int FROM treatment_plans) AS plans,
              (SELECT count(*)::int FROM treatment_plans p JOIN assessments a ON a.id = p.assessment_id
              WHERE p.diagnoses <> a.diagnoses) AS uncopied,
              (SELECT count(*)::int FROM session_notes WHERE status = 'signed') AS notes,
              (SELECT count(*)::int FROM measure_responses) AS scores,
              (SELECT count(*)::int FROM outcome_episodes) AS rows`,
    );
    expect(counts!.notes).toBeGreaterThan(5 * counts!.assessments);
    expect(counts!.scores).toBeGreaterThan(counts!.notes);
    expect(counts!.undiagnosed).toBe(0);
    expect(counts!.uncopied).toBe(0);
    expect(counts!.plans).toBe(counts!.assessments);
    expect(counts!.rows).toBe(counts!.assessments);
    expect(summary.episodes).toBe(counts!.rows);
  });

  it('shows a claim that disagrees with "85% better within 4–6 sessions": fixed demo figures, not 100%', async () => {
    const report = buildOutcomesReport(await listOutcomeRows(db, summary.orgId));
    if (report.overall.status !== 'reported') throw new Error('the demo has too few episodes to report');
    const { claim } = report.overall;
    // Every episode that started, drop-outs counted as not improved; and those with at least 4 sessions.
    expect(figures(claim.allStarted)).toBe('71/155');
    expect(figures(claim.completedCourse)).toBe('70/133');
    expect(claim.stillInCare).toBe(8);
    expect(claim.withoutBaseline).toBe(0);
    for (const share of [claim.allStarted, claim.completedCourse]) {
      if (share.status !== 'reported') throw new Error('claim withheld');
      expect(share.rate).toBeLessThan(0.85);
      expect(share.upper).toBeLessThan(1);
      expect(share.lower).toBeGreaterThan(0);
    }
    // Drop-outs and non-responders are there to be seen.
    expect(report.overall.dropOut.status === 'reported' && report.overall.dropOut.numerator).toBeGreaterThan(0);
    expect(report.overall.medianSessions).toMatchObject({ status: 'reported', value: 6 });
  });
});
