import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildPatient } from '../../../test/support/factories.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import { createRandom } from '../../demo/random.ts';
import { buildOutcomesReport, compareGroups, reportDefinitionIds } from '../../outcomes/report/index.ts';
import type { DefinitionOutcome, EpisodeOutcomeRow } from '../../outcomes/report/rows.ts';
import type { Database } from '../database.ts';
import {
  listOutcomeColumns,
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
// Every figure is shown here (no small-cell suppression) so a difference cannot hide.
const ALL_FIGURES = { settings: { minimumCell: 1 } };
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
        therapist: world.therapists.a,
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
    const columns = await listOutcomeColumns(db, world.orgId, {}, reportDefinitionIds());
    expect(columns.size).toBe(4);
    expect(buildOutcomesReport(columns, ALL_FIGURES)).toEqual(buildOutcomesReport(stored, ALL_FIGURES));
  });

  it('gives a report from the compact texts equal to one from the rows, on many varied episodes', async () => {
    const random = createRandom(17);
    const other = await buildPatient(db, world.orgId);
    const maybe = <T>(value: T) => (random.chance(0.15) ? null : value);
    const rows = Array.from({ length: 400 }, (_, i) => {
      const visits = random.int(0, 15);
      const outcomes: Record<string, DefinitionOutcome> = {};
      for (const id of ['nprs-mcid', 'ndi-mcid', 'odi-mcid', 'psfs-mcid']) {
        if (random.chance(0.2)) continue;
        const judged = random.chance(0.8);
        outcomes[id] = {
          judged,
          improvedAt: judged && random.chance(0.5) ? random.int(1, Math.max(1, visits)) : null,
          lastScoredSession: judged && random.chance(0.9) ? visits : null,
        };
      }
      return row({
        episodeId: `many:${i}`,
        startedOn: `202${random.int(5, 6)}-${String(random.int(1, 12)).padStart(2, '0')}-1${random.int(0, 9)}`,
        status: random.pick(['open', 'discharged', 'lapsed'] as const),
        visits,
        dropOut: random.chance(0.2),
        site: maybe(random.pick([world.sites.a, world.sites.b])),
        therapist: maybe(random.pick([world.therapists.a, world.therapists.b])),
        conditionGroup: maybe(random.pick(['neck', 'low-back', 'head'] as const)),
        phase: maybe(random.pick(['acute', 'chronic', 'maintenance'] as const)),
        psfsChange: random.chance(0.5) ? Math.round((random.next() * 16 - 6) * 10) / 10 : null,
        reliefDays: Array.from({ length: random.int(0, 3) }, () => random.int(0, 60)),
        outcomes,
      });
    });
    await upsertOutcomeRows(
      db,
      world.orgId,
      rows.map((r) => ({ patientId: other, row: r })),
      AT,
    );
    onTestFinished(() => replacePatientOutcomeRows(db, world.orgId, other, [], AT));
    const filter = { from: '2025-03-01', to: '2026-09-30', siteIds: [world.sites.a, world.sites.b] };
    const stored = await listOutcomeRows(db, world.orgId, filter);
    expect(stored.length).toBeGreaterThan(100);
    for (const period of ['month', 'year'] as const) {
      const options = { settings: { minimumCell: 1, period } };
      const columns = await listOutcomeColumns(db, world.orgId, filter, reportDefinitionIds());
      expect(columns.size).toBe(stored.length);
      expect(buildOutcomesReport(columns, options)).toEqual(buildOutcomesReport(stored, options));
      const between: [string, string] = [world.sites.a, world.sites.b];
      expect(compareGroups(columns, 'site', between, options)).toEqual(compareGroups(stored, 'site', between, options));
    }
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
