import { outcomeRows } from '../../src/outcomes/index.ts';
import { sketchEpisode } from './outcome-episodes.ts';
import type { Database } from '../../src/store/database.ts';
import { upsertOutcomeRows } from '../../src/store/repos/outcome-episodes.ts';
import type { World } from './world.ts';

/**
 * Precomputed episode rows for a test organisation: at each site, `perSite` episodes of its
 * therapist, mixing fast, slow and non-responders, a drop-out or two and some still in care, so
 * every figure of the report has something to count. Deterministic: episode i always looks the same.
 */
export async function seedOutcomeRows(
  db: Database,
  world: World,
  perSite = 24,
  at = new Date('2026-11-20T18:00:00Z'),
): Promise<void> {
  const bySite = [
    { site: world.sites.a, therapist: world.therapists.a, patient: world.patients.a, tag: 'a' },
    { site: world.sites.b, therapist: world.therapists.b, patient: world.patients.b, tag: 'b' },
  ];
  for (const { site, therapist, patient, tag } of bySite) {
    const episodes = Array.from({ length: perSite }, (_, i) => {
      const kind = i % 6;
      const pain = [
        [6, 4, 3],
        [7, 7, 6, 5, 4, 3],
        [7, 7, 7, 6, 6, 6],
        [6, 6],
        [8, 5, 4, 3, 2, 2],
        [7, 6, 6],
      ][kind]!;
      return sketchEpisode({
        id: `${tag}-${i + 1}`,
        baseline: kind === 5 && i % 12 === 5 ? undefined : 8,
        pain,
        status: kind === 5 ? 'open' : kind === 3 ? 'lapsed' : 'discharged',
        dropOut: kind === 3,
        site,
        therapist,
        conditionGroup: i % 2 === 0 ? 'neck' : 'low-back',
        phase: i % 3 === 0 ? 'acute' : 'chronic',
        startedOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
        psfs: [3, 3 + (i % 5)],
        reliefDays: [i % 7, undefined, 2],
      });
    });
    await upsertOutcomeRows(
      db,
      world.orgId,
      outcomeRows(episodes).map((row) => ({ patientId: patient, row })),
      at,
    );
  }
}
