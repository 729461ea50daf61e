// suggestMuscles on a 10-region pain map, against a trivial baseline (sorting 10 numbers),
// so the ratio stays meaningful across machines. Target: median ≤ 0.2 ms.
import { suggestMuscles } from '../src/clinical/referral/index.ts';
import type { PainMap } from '../src/clinical/referral/index.ts';
import { time, withRatio } from './lib.ts';
import type { Timing } from './lib.ts';

const PAIN_MAP: PainMap = [
  { region: 'temple-left', intensity: 7 },
  { region: 'posterolateral-neck-left', intensity: 6 },
  { region: 'neck-angle-left', intensity: 5 },
  { region: 'medial-scapular-border-left', intensity: 4 },
  { region: 'posterior-shoulder-left', intensity: 3 },
  { region: 'lateral-epicondyle-left', intensity: 6 },
  { region: 'dorsal-forearm-left', intensity: 4 },
  { region: 'low-back-right', intensity: 5 },
  { region: 'buttock-right', intensity: 6 },
  { region: 'sacrum', intensity: 3 },
];
const TEN_NUMBERS = [7, 3, 9, 1, 8, 2, 6, 4, 10, 5];
const ITERATIONS = 5_000;

export async function run(): Promise<Timing[]> {
  const baseline = await time('baseline: sort 10 numbers', ITERATIONS, () => [...TEN_NUMBERS].sort((a, b) => a - b));
  const suggest = await time('suggestMuscles, 10-region map, limit 10', ITERATIONS, () => suggestMuscles(PAIN_MAP));
  const suggestAll = await time('suggestMuscles, 10-region map, all candidates', ITERATIONS, () =>
    suggestMuscles(PAIN_MAP, { limit: 1000 }),
  );
  return [
    { ...baseline, note: 'baseline' },
    { ...withRatio(suggest, baseline), note: 'target median ≤ 0.2 ms' },
    withRatio(suggestAll, baseline),
  ];
}
