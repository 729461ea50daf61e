import { createHash } from 'node:crypto';

/**
 * A small seeded generator so that a demo seed always yields the same clinic.
 * mulberry32 (Tommy Ettinger, 2017, public domain): 32-bit state, passes gjrand's tests,
 * plenty for invented names and dates.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance: (probability) => next() < probability,
    sample<T>(items: readonly T[], k: number): T[] {
      const copy = [...items];
      const count = Math.min(k, copy.length);
      for (let i = 0; i < count; i++) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, count);
    },
  };
}

/** A stream of its own per purpose, so adding a field to patients does not reshuffle the staff. */
export function deriveSeed(seed: number, purpose: string): number {
  return createHash('sha256').update(`${seed}:${purpose}`).digest().readUInt32LE(0);
}

/**
 * A stable UUID (version 8, RFC 9562 "custom") for the index-th entity of a kind: the demo knows
 * its ids before inserting, so batches need no RETURNING round trip and reruns give the same ids.
 */
export function demoUuid(seed: number, kind: string, index: number): string {
  const bytes = createHash('sha256').update(`knotwork-demo:${seed}:${kind}:${index}`).digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
