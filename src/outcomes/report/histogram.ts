/**
 * Counts of values (visits, days of relief, PSFS change to one decimal): the report's summaries
 * need only the count, mean and median, and counts give them without keeping one number per
 * episode in every group.
 */
export class Histogram {
  private readonly counts = new Map<number, number>();
  count = 0;

  add(value: number): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.count += 1;
  }

  mean(): number {
    return countedSummary([...this.counts.keys()], [...this.counts.values()]).mean;
  }

  /** The middle value; with an even count, the mean of the two middle values. */
  median(): number {
    return countedSummary([...this.counts.keys()], [...this.counts.values()]).median;
  }
}

/**
 * Count, mean and median of values given with how often each occurs (`counts[i]` times
 * `values[i]`). The sum runs over the values in ascending order, so the mean does not depend on
 * the order the episodes were read in. With an even count the median is the mean of the two
 * middle values. Only meaningful when the count is above zero.
 */
export function countedSummary(
  values: readonly number[],
  counts: ArrayLike<number>,
  order: readonly number[] = ascendingOrder(values),
): { count: number; mean: number; median: number } {
  let count = 0;
  let sum = 0;
  for (const i of order) {
    const n = counts[i]!;
    if (n === 0) continue;
    count += n;
    sum += values[i]! * n;
  }
  const valueAt = (rank: number) => {
    let seen = 0;
    let last = NaN;
    for (const i of order) {
      if (counts[i] === 0) continue;
      last = values[i]!;
      seen += counts[i]!;
      if (seen > rank) return last;
    }
    return last;
  };
  const middle = (count - 1) / 2;
  return { count, mean: sum / count, median: (valueAt(Math.floor(middle)) + valueAt(Math.ceil(middle))) / 2 };
}

/** Indices of `values` from the smallest value to the largest. */
export function ascendingOrder(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
}
