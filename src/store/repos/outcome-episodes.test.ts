import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildPatient } from '../../../test/support/factories.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { EpisodeOutcomeRow } from '../../outcomes/report/rows.ts';
import type { Database } from '../database.ts';
import {
  listOutcomeRows,
  listPatientOutcomeRows,
  replacePatientOutcomeRows,
  upsertOutcomeRows,
} from './outcome-episodes.ts';

const AT = new Date('2026-11-20T18:00:00Z');

function row(overrides: Partial<EpisodeOutcomeRow> & Pick<EpisodeOutcomeRow, 'episodeId'>): EpisodeOutcomeRow {
  return {
    startedOn: '2026-03-02',
    status: 'discharged',
    visits: 4,
    dropOut: false,
    site: null,
    therapist: null,
    conditionGroup: 'neck',
    phase: 'acute',
    psfsChange: null,
    reliefDays: [],
    outcomes: { 'nprs-mcid': { judged: true, improvedAt: 2, lastScoredSession: 4 } },
    ...overrides,
  };
}

// A report reads the compact text stored with each row, not the columns: both must say the same.
describe.each(BACKENDS)('stored outcome rows on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let patient: string;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    patient = await buildPatient(db, world.orgId);
  });
  afterAll(() => drop());

  it('reads for a report exactly what the columns hold, the PSFS change rounded as stored', async () => {
    const rows = [
      row({
        episodeId: 'plan:"quoted" — ünïcode',
        psfsChange: 1.15,
        reliefDays: [0, 14, 60],
        site: world.sites.a,
        therapist: world.practitioners.a,
      }),
      row({
        episodeId: 'plan:b',
        status: 'lapsed',
        dropOut: true,
        visits: 0,
        conditionGroup: null,
        phase: null,
        psfsChange: -2.3333,
        outcomes: {},
      }),
      row({
        episodeId: 'plan:c',
        startedOn: '2026-02-27',
        status: 'open',
        psfsChange: 3,
        outcomes: {
          'odi-mcid': { judged: false, improvedAt: null, lastScoredSession: null },
          'nprs-mcid': { judged: true, improvedAt: null, lastScoredSession: 1 },
        },
      }),
      // Written last, read between the two of its date.
      row({ episodeId: 'plan:a', psfsChange: 0.05 }),
    ];
    await upsertOutcomeRows(
      db,
      world.orgId,
      rows.map((r) => ({ patientId: patient, row: r })),
      AT,
    );
    const stored = await listPatientOutcomeRows(db, world.orgId, patient);
    const psfs = Object.fromEntries(stored.map((r) => [r.episodeId, r.psfsChange]));
    expect(psfs).toEqual({ [rows[0]!.episodeId]: 1.2, 'plan:a': 0.1, 'plan:b': -2.3, 'plan:c': 3 });
    const read = await listOutcomeRows(db, world.orgId);
    expect(read.map((r) => r.episodeId)).toEqual(['plan:c', rows[0]!.episodeId, 'plan:a', 'plan:b']);
    expect(read).toEqual(stored);
    expect(stored.find((r) => r.episodeId === rows[0]!.episodeId)).toEqual({ ...rows[0], psfsChange: 1.2 });
  });

  it('reads the replaced row after a refresh, and no longer the one that went', async () => {
    await replacePatientOutcomeRows(
      db,
      world.orgId,
      patient,
      [row({ episodeId: 'plan:b', visits: 7, site: world.sites.b, reliefDays: [5] })],
      AT,
    );
    const read = await listOutcomeRows(db, world.orgId);
    expect(read).toEqual([row({ episodeId: 'plan:b', visits: 7, site: world.sites.b, reliefDays: [5] })]);
    expect(read).toEqual(await listPatientOutcomeRows(db, world.orgId, patient));
    expect(await listOutcomeRows(db, world.orgId, { siteIds: [world.sites.a] })).toEqual([]);
  });
});
