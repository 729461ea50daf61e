/**
 * Counts of values (visits, days of relief, PSFS change to one decimal): the report's summaries
 * need only the count, mean and median, and a histogram gives them without keeping one number
 * per episode in every group.
 */
export class Histogram {
  private readonly counts = new Map<number, number>();
  count = 0;
  private sum = 0;

  add(value: number): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.count += 1;
    this.sum += value;
  }

  mean(): number {
    return this.sum / this.count;
  }

  /** The middle value; with an even count, the mean of the two middle values. */
  median(): number {
    const values = [...this.counts.keys()].sort((a, b) => a - b);
    const valueAt = (rank: number) => {
      let seen = 0;
      for (const value of values) {
        seen += this.counts.get(value)!;
        if (seen > rank) return value;
      }
      return values.at(-1)!;
    };
    const middle = (this.count - 1) / 2;
    return (valueAt(Math.floor(middle)) + valueAt(Math.ceil(middle))) / 2;
  }
}
