/**
 * Money as whole cents. Floating-point dollars drift (0.1 + 0.2 ≠ 0.3), so every amount the
 * clinic charges, collects or writes off is an integer number of cents, and anything else is
 * refused where it enters rather than rounded somewhere later.
 */
declare const cents: unique symbol;
export type Money = number & { readonly [cents]: true };

/** Whole cents, within the range where JavaScript integers are exact. Throws on anything else. */
export function money(amountInCents: number): Money {
  if (!Number.isSafeInteger(amountInCents)) {
    throw new RangeError(`an amount of money must be a whole number of cents, got ${String(amountInCents)}`);
  }
  return amountInCents as Money;
}

export function isMoney(value: unknown): value is Money {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export const ZERO = money(0);

export function addMoney(a: Money, b: Money): Money {
  return money(a + b);
}

export function subtractMoney(a: Money, b: Money): Money {
  return money(a - b);
}

export function negate(a: Money): Money {
  return money(a === 0 ? 0 : -a);
}

export function sumMoney(amounts: Iterable<Money>): Money {
  let total = 0;
  for (const amount of amounts) total += amount;
  return money(total);
}

/** A fee per unit times a count of units (units are whole numbers too). */
export function timesUnits(fee: Money, units: number): Money {
  if (!Number.isSafeInteger(units)) throw new RangeError(`units must be a whole number, got ${String(units)}`);
  return money(fee * units);
}

/**
 * Splits an amount over weights so the parts add up exactly: each part gets its floor share and
 * the leftover cents go one at a time to the largest remainders (earlier weights win ties).
 */
export function allocate(amount: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be whole numbers ≥ 0');
  const total = weights.reduce((n, w) => n + w, 0);
  if (total === 0) throw new RangeError('at least one weight must be above zero');
  const sign = amount < 0 ? -1 : 1;
  const whole = Math.abs(amount);
  const parts = weights.map((w) => Math.floor((whole * w) / total));
  const order = weights
    .map((w, i) => ({ i, remainder: (whole * w) % total }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let left = whole - parts.reduce((n, p) => n + p, 0);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => money(sign * p));
}

/** "$1,234.50" / "-$3.05", for receipts and statements (US dollars). */
export function formatMoney(amount: Money): string {
  const whole = Math.abs(amount);
  const dollars = Math.floor(whole / 100).toLocaleString('en-US');
  const rest = String(whole % 100).padStart(2, '0');
  return `${amount < 0 ? '-' : ''}$${dollars}.${rest}`;
}

/** "12", "12.5", "12.50" or "1,234.50" → cents; null for anything that is not a dollar amount. */
export function parseDollars(text: string): Money | null {
  const match = /^\s*(-)?\$?((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const dollars = Number((match[2] ?? '').replace(/,/g, ''));
  const centsPart = Number((match[3] ?? '').padEnd(2, '0'));
  const value = dollars * 100 + centsPart;
  if (!Number.isSafeInteger(value)) return null;
  return money(match[1] && value !== 0 ? -value : value);
}
