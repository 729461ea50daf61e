import { performance } from 'node:perf_hooks';
import { DEMO_TIME_ZONE } from '../src/demo/index.ts';
import { addDays, dateIn, weekdayOfDate } from '../src/time/index.ts';

let clock: Date | undefined;

/**
 * The one clock of a bench run, read once: every bench dates its data from it. Data fixed to a
 * calendar day goes stale once that day has passed (slots in the past cannot be booked), so the
 * benches follow the day they run on instead.
 */
export function benchNow(): Date {
  clock ??= new Date();
  return clock;
}

/** The run's calendar date in the demo clinics' zone. */
export function benchToday(): string {
  return dateIn(DEMO_TIME_ZONE, benchNow());
}

/** The next US spring-forward day (the second Sunday in March) on or after the run's date. */
export function nextUsDstStart(today: string = benchToday()): string {
  const secondSunday = (year: number) => {
    const march = `${year}-03-01`;
    return addDays(march, ((7 - weekdayOfDate(march)) % 7) + 7);
  };
  const year = Number(today.slice(0, 4));
  return secondSunday(year) >= today ? secondSunday(year) : secondSunday(year + 1);
}

export interface Timing {
  name: string;
  iterations: number;
  medianMs: number;
  p99Ms: number;
  /** Median of this timing divided by the median of the baseline measured in the same process. */
  ratioToBaseline?: number;
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Times `fn` `iterations` times after a warm-up and returns median and p99 in milliseconds. */
export async function time(name: string, iterations: number, fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < Math.min(50, iterations); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, iterations, medianMs: percentile(samples, 50), p99Ms: percentile(samples, 99) };
}

export function withRatio(timing: Timing, baseline: Timing): Timing {
  return { ...timing, ratioToBaseline: timing.medianMs / baseline.medianMs };
}

/** A bench module: `export async function run(): Promise<Timing[]>` in bench/<name>.bench.ts. */
export type BenchModule = { run: () => Promise<Timing[]> };

/**
 * Node options for the Knotwork server a bench starts, from BENCH_SERVER_NODE_ARGS (e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it: Node refuses --cpu-prof in NODE_OPTIONS).
 */
export function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
}
