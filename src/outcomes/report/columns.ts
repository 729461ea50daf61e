import { outcomeOf } from './rows.ts';
import type { EpisodeOutcomeRow } from './rows.ts';

/**
 * Episodes as columns: one array per field, one entry per episode, the values replaced by small
 * indices into tables of the distinct values. A report over 150,000 episodes then counts into
 * plain arrays instead of making and walking an object per episode. The rows (`EpisodeOutcomeRow`)
 * stay the unit that is stored and refreshed; columns are how a report reads many of them.
 */
export interface EpisodeColumns {
  size: number;
  /** Distinct keys of the cut dimensions (null: not recorded) and each episode's index into them. */
  condition: KeyColumn;
  site: KeyColumn;
  therapist: KeyColumn;
  phase: KeyColumn;
  /** Months of the start as `YYYY-MM`: periods (month, quarter, year) are made from them. */
  month: KeyColumn;
  /** 1 while the episode is open (still in care). */
  open: Uint8Array;
  dropOut: Uint8Array;
  /** Index into `values.visits`. */
  visits: Int32Array;
  /** Index into `values.psfs`, -1 without a PSFS change. */
  psfs: Int32Array;
  /**
   * The relief reports of episode i are `relief[reliefFrom[i] … reliefFrom[i + 1] − 1]`, as indices into
   * `values.relief`.
   */
  reliefFrom: Int32Array;
  relief: Int32Array;
  values: { visits: number[]; psfs: number[]; relief: number[]; sessions: number[] };
  /** Per responder definition id, in the order asked for. */
  outcomes: Map<string, OutcomeColumn>;
}

export interface KeyColumn {
  keys: Array<string | null>;
  of: Int32Array;
}

/** An episode judged by one definition; sessions as indices into `values.sessions`. */
export interface OutcomeColumn {
  judged: Uint8Array;
  /** First responder session, -1 if none. */
  improvedAt: Int32Array;
  /** Where a not-improved episode is censored: its last scored session (0 when none). */
  censoredAt: Int32Array;
}

/** Gives each distinct number a small index (small whole numbers through an array, others a map). */
class NumberTable {
  readonly values: number[] = [];
  private readonly small = new Int32Array(1024).fill(-1);
  private readonly other = new Map<number, number>();

  indexOf(value: number): number {
    if (Number.isInteger(value) && value >= 0 && value < 1024) {
      let index = this.small[value]!;
      if (index < 0) {
        index = this.values.push(value) - 1;
        this.small[value] = index;
      }
      return index;
    }
    let index = this.other.get(value);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.other.set(value, index);
    }
    return index;
  }
}

class KeyTable {
  readonly keys: Array<string | null> = [];
  private readonly index = new Map<string | null, number>();

  indexOf(key: string | null): number {
    let found = this.index.get(key);
    if (found === undefined) {
      found = this.keys.push(key) - 1;
      this.index.set(key, found);
    }
    return found;
  }
}

type KeyDimension = 'condition' | 'site' | 'therapist' | 'phase';

/**
 * Fills columns for a known number of episodes (and relief reports): `at` sets the site and
 * therapist of the episodes that follow (a store sends episodes grouped by them), `episode` adds
 * one with its condition and phase as `keyIndex`es, then its `relief` reports and its `outcome`
 * per definition slot (the position of the id in `definitionIds`; a slot not given is "not
 * judged", as a row computed before the definition existed).
 */
export class EpisodeColumnsBuilder {
  private readonly visitValues = new NumberTable();
  private readonly psfsValues = new NumberTable();
  private readonly reliefValues = new NumberTable();
  private readonly sessionValues = new NumberTable();
  private readonly keys = {
    condition: new KeyTable(),
    site: new KeyTable(),
    therapist: new KeyTable(),
    phase: new KeyTable(),
  };
  private readonly months = new KeyTable();
  private readonly monthOfCode = new Map<number, number>();
  private readonly slots: OutcomeColumn[];
  private site = 0;
  private therapist = 0;
  private readonly columns: EpisodeColumns;
  private reliefs = 0;

  constructor(
    readonly definitionIds: readonly string[],
    private readonly capacity: number,
    reliefCapacity: number,
  ) {
    this.slots = definitionIds.map(() => ({
      judged: new Uint8Array(capacity),
      improvedAt: new Int32Array(capacity).fill(-1),
      censoredAt: new Int32Array(capacity),
    }));
    const keyColumn = (keys: KeyTable): KeyColumn => ({ keys: keys.keys, of: new Int32Array(capacity) });
    this.columns = {
      size: 0,
      condition: keyColumn(this.keys.condition),
      site: keyColumn(this.keys.site),
      therapist: keyColumn(this.keys.therapist),
      phase: keyColumn(this.keys.phase),
      month: keyColumn(this.months),
      open: new Uint8Array(capacity),
      dropOut: new Uint8Array(capacity),
      visits: new Int32Array(capacity),
      psfs: new Int32Array(capacity),
      reliefFrom: new Int32Array(capacity + 1),
      relief: new Int32Array(reliefCapacity),
      values: {
        visits: this.visitValues.values,
        psfs: this.psfsValues.values,
        relief: this.reliefValues.values,
        sessions: this.sessionValues.values,
      },
      outcomes: new Map(definitionIds.map((id, i) => [id, this.slots[i]!])),
    };
  }

  keyIndex(dimension: KeyDimension, key: string | null): number {
    return this.keys[dimension].indexOf(key);
  }

  at(site: string | null, therapist: string | null): void {
    this.site = this.keyIndex('site', site);
    this.therapist = this.keyIndex('therapist', therapist);
  }

  /** `monthCode` is year × 12 + month − 1 of the start. */
  episode(
    condition: number,
    phase: number,
    monthCode: number,
    open: boolean,
    visits: number,
    dropOut: boolean,
    psfsChange: number | null,
  ): void {
    const c = this.columns;
    const i = c.size;
    if (i === this.capacity) throw new RangeError(`more than the ${this.capacity} episodes expected`);
    c.size += 1;
    c.condition.of[i] = condition;
    c.site.of[i] = this.site;
    c.therapist.of[i] = this.therapist;
    c.phase.of[i] = phase;
    let month = this.monthOfCode.get(monthCode);
    if (month === undefined) {
      const year = Math.floor(monthCode / 12);
      month = this.months.indexOf(`${year}-${String((monthCode % 12) + 1).padStart(2, '0')}`);
      this.monthOfCode.set(monthCode, month);
    }
    c.month.of[i] = month;
    c.open[i] = open ? 1 : 0;
    c.dropOut[i] = dropOut ? 1 : 0;
    c.visits[i] = this.visitValues.indexOf(visits);
    c.psfs[i] = psfsChange === null ? -1 : this.psfsValues.indexOf(psfsChange);
    c.reliefFrom[i + 1] = this.reliefs;
  }

  /** One relief report of the episode added last. */
  relief(days: number): void {
    const c = this.columns;
    c.relief[this.reliefs++] = this.reliefValues.indexOf(days);
    c.reliefFrom[c.size] = this.reliefs;
  }

  /** The episode added last, judged by the definition in `slot`. */
  outcome(slot: number, improvedAt: number | null, lastScoredSession: number | null): void {
    const column = this.slots[slot]!;
    const at = this.columns.size - 1;
    column.judged[at] = 1;
    column.improvedAt[at] = improvedAt === null ? -1 : this.sessionValues.indexOf(improvedAt);
    column.censoredAt[at] = this.sessionValues.indexOf(lastScoredSession ?? 0);
  }

  build(): EpisodeColumns {
    if (this.columns.size !== this.capacity) {
      throw new RangeError(`${this.capacity} episodes expected, ${this.columns.size} given`);
    }
    return this.columns;
  }
}

/** Year × 12 + month − 1 of a YYYY-MM-DD date. */
export function monthCodeOf(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** Columns of episode rows, with the outcomes of the given definitions. */
export function episodeColumns(rows: readonly EpisodeOutcomeRow[], definitionIds: readonly string[]): EpisodeColumns {
  const reliefs = rows.reduce((n, row) => n + row.reliefDays.length, 0);
  const builder = new EpisodeColumnsBuilder(definitionIds, rows.length, reliefs);
  for (const row of rows) {
    builder.at(row.site, row.therapist);
    builder.episode(
      builder.keyIndex('condition', row.conditionGroup),
      builder.keyIndex('phase', row.phase),
      monthCodeOf(row.startedOn),
      row.status === 'open',
      row.visits,
      row.dropOut,
      row.psfsChange,
    );
    for (const days of row.reliefDays) builder.relief(days);
    definitionIds.forEach((id, slot) => {
      const outcome = outcomeOf(row, id);
      if (outcome.judged) builder.outcome(slot, outcome.improvedAt, outcome.lastScoredSession);
    });
  }
  return builder.build();
}
