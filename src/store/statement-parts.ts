// A statement put together from parts (CTEs each repo contributes) numbers its parameters as they are added,
// so no part needs to know how many came before it.

/** Adds a statement parameter and names it ($n). */
export type Param = (value: unknown) => string;

/** Numbers parameters as they are added, for a statement put together from parts. */
export function parameters(): { param: Param; values: unknown[] } {
  const values: unknown[] = [];
  return { values, param: (value) => `$${values.push(value)}` };
}
