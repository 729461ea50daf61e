/**
 * How far apart weekly visits can be kept on a patient's preferred days: the largest possible
 * smallest gap (in days, around the week) between `perWeek` of those days.
 * Two visits on Mon–Fri → 3 (e.g. Mon/Thu); three → 2 (Mon/Wed/Fri); Mon+Tue only → 1.
 */
export function widestMinimumGap(preferredDays: ReadonlyArray<number>, perWeek: number): number {
  const days = [...new Set(preferredDays)].sort((a, b) => a - b);
  const count = Math.min(perWeek, days.length);
  if (count <= 1) return 7;
  let best = 1;
  for (const subset of combinations(days, count)) {
    best = Math.max(best, smallestCircularGap(subset));
  }
  return best;
}

function smallestCircularGap(sortedDays: number[]): number {
  let smallest = 7;
  for (let i = 0; i < sortedDays.length; i++) {
    const current = sortedDays[i] ?? 0;
    const next = i + 1 < sortedDays.length ? (sortedDays[i + 1] ?? 0) : (sortedDays[0] ?? 0) + 7;
    smallest = Math.min(smallest, next - current);
  }
  return smallest;
}

function* combinations(items: number[], size: number, start = 0): Generator<number[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - size; i++) {
    const head = items[i] ?? 0;
    for (const rest of combinations(items, size - 1, i + 1)) yield [head, ...rest];
  }
}
