import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import { listOutcomeRows, listPatientOutcomeRows } from '../../store/repos/outcome-episodes.ts';
import { createAssessment } from '../charting/assessment.ts';
import { submitMeasure } from '../charting/measures.ts';
import { signNote } from '../charting/notes.ts';
import { actorOf, patientBehindGate } from '../../../test/support/session-kit.ts';
import { createNote } from '../charting/session.ts';
import type { ServiceContext } from '../context.ts';
import { enqueueJob } from '../../store/repos/jobs.ts';
import { runDueJobs } from '../housekeeping.ts';
import { rebuildAllOutcomes } from './refresh.ts';

/** A clock the test moves by whole days, so visits fall on the dates the test names. */
function dayClock(db: Database, start: string) {
  let t = Date.parse(start);
  const ctx: ServiceContext = { db, now: () => new Date((t += 1000)) };
  return { ctx, nextDay: (days = 1) => void (t += days * 86_400_000) };
}

describe.each(BACKENDS)('outcome rows kept current on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
  });
  afterAll(() => drop());

  it('opens an episode at the assessment and judges each signed session against the baseline', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const therapist = actorOf(world, 'therapist');
    const { ctx, nextDay } = dayClock(db, '2026-10-01T17:00:00Z');
    await submitMeasure(ctx, therapist, patient, { measure: 'nprs', answers: [8] });
    await createAssessment(ctx, therapist, patient, { findings: {}, diagnoses: ['m54.2'] });
    let rows = await listPatientOutcomeRows(db, world.orgId, patient);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      startedOn: '2026-10-01',
      status: 'open',
      visits: 0,
      conditionGroup: 'neck',
      therapist: world.therapists.a,
    });

    // Scores 7, 6, then 5: the third session is the first at least 2 points and 30 % below 8.
    for (const score of [7, 6, 5]) {
      nextDay(3);
      const note = await createNote(ctx, therapist, patient, { subjective: {}, objective: {}, cptMinutes: [] });
      await submitMeasure(ctx, therapist, patient, { measure: 'nprs', answers: [score], sessionId: note.id });
      const before = await listPatientOutcomeRows(db, world.orgId, patient);
      await signNote(ctx, therapist, note.id);
      const after = await listPatientOutcomeRows(db, world.orgId, patient);
      // A draft is not a visit: only signing adds the session.
      expect(after[0]!.visits).toBe(before[0]!.visits + 1);
    }
    rows = await listPatientOutcomeRows(db, world.orgId, patient);
    expect(rows[0]!.visits).toBe(3);
    expect(rows[0]!.outcomes['nprs-mcid']).toEqual({ judged: true, improvedAt: 3, lastScoredSession: 3 });

    const all = await listOutcomeRows(db, world.orgId, {
      from: '2026-10-01',
      to: '2026-10-01',
      therapistId: world.therapists.a,
    });
    expect(all.map((r) => r.episodeId)).toContain(rows[0]!.episodeId);
    expect(await listOutcomeRows(db, world.orgId, { from: '2026-10-02' })).not.toContainEqual(
      expect.objectContaining({ episodeId: rows[0]!.episodeId }),
    );
    expect(await listOutcomeRows(db, world.otherOrgId)).toEqual([]);
  });

  it('a rebuild gives the same rows as the refreshes did, and lets an episode lapse as time passes', async () => {
    const before = await listOutcomeRows(db, world.orgId);
    const now = new Date(Date.parse('2026-10-10T17:00:00Z'));
    await rebuildAllOutcomes({ db, now: () => now }, world.orgId);
    expect(await listOutcomeRows(db, world.orgId)).toEqual(before);
    const later = new Date(Date.parse('2027-02-01T17:00:00Z'));
    await rebuildAllOutcomes({ db, now: () => later }, world.orgId);
    const lapsed = await listOutcomeRows(db, world.orgId);
    expect(lapsed.map((r) => r.status)).toEqual(before.map(() => 'lapsed'));
    // Three sessions is short of the four-session course: a drop-out.
    expect(lapsed.every((r) => r.dropOut)).toBe(true);
  });

  it('the daily housekeeping lets an open episode lapse when no visit came for 60 days', async () => {
    const patient = await patientBehindGate(db, world, 'clear');
    const { ctx } = dayClock(db, '2027-03-01T17:00:00Z');
    await createAssessment(ctx, actorOf(world, 'therapist'), patient, { findings: {}, diagnoses: ['M54.50'] });
    expect((await listPatientOutcomeRows(db, world.orgId, patient))[0]).toMatchObject({
      status: 'open',
      conditionGroup: 'low-back',
    });
    const later = new Date('2027-05-15T17:00:00Z');
    await enqueueJob(db, { kind: 'rebuild-outcomes', runAt: later, dedupeKey: 'rebuild-outcomes-test' });
    expect(await runDueJobs({ db, now: () => later })).toBeGreaterThan(0);
    expect((await listPatientOutcomeRows(db, world.orgId, patient))[0]).toMatchObject({ status: 'lapsed', visits: 0 });
  });
});
