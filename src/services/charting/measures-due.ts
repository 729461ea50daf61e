import { regionBase, regionById } from '../../clinical/bodymap/regions.ts';
import type { MeasureId } from '../../clinical/measures/index.ts';

/**
 * Which outcome measures are due at a visit:
 * - NPRS at every visit.
 * - The regional disability index and PSFS at intake (never taken yet) and then again once 4
 *   completed visits have passed since the last one ("every 4–6 visits": due from the 4th visit,
 *   overdue from the 6th).
 * - The regional index follows the complaint: NDI for the neck (Vernon & Mior 1991 built it for neck
 *   pain, and its items include headache), ODI for the low back (Fairbank & Pynsent 2000). The
 *   complaint is read from the body-map regions of the latest intake pain map and of every region
 *   treated so far; a patient with both gets both; with neither, no regional index is due.
 */
export const REASSESS_AFTER_VISITS = 4;
export const OVERDUE_AFTER_VISITS = 6;

/** Region bases that make a complaint a neck complaint (NDI). */
export const NECK_BASES = new Set([
  'posterior-neck',
  'posterolateral-neck',
  'neck-angle',
  'suboccipital',
  'anterior-neck',
  'occiput',
  'upper-back',
  'suprascapular',
]);
/** Region bases that make a complaint a low-back complaint (ODI). */
export const LOW_BACK_BASES = new Set([
  'low-back',
  'lumbar-spine',
  'si-joint',
  'sacrum',
  'coccyx',
  'iliac-crest',
  'buttock',
]);

export function baseOf(regionId: string): string | undefined {
  return regionById(regionId)?.base ?? regionBase(regionId)?.base;
}

export function regionalMeasures(regionIds: readonly string[]): Array<'ndi' | 'odi'> {
  const bases = new Set(regionIds.map(baseOf).filter((b): b is string => b !== undefined));
  const out: Array<'ndi' | 'odi'> = [];
  if ([...bases].some((b) => NECK_BASES.has(b))) out.push('ndi');
  if ([...bases].some((b) => LOW_BACK_BASES.has(b))) out.push('odi');
  return out;
}

export interface DueMeasure {
  measure: MeasureId;
  status: 'due' | 'overdue' | 'not-due';
  reason: string;
  lastTakenAt: Date | null;
  /** Completed visits since it was last taken (null when never taken). */
  visitsSinceLast: number | null;
}

export interface DueInput {
  regions: readonly string[];
  /** Per measure: when it was last taken and how many completed visits have passed since. */
  history: Partial<Record<MeasureId, { lastTakenAt: Date; visitsSince: number }>>;
}

function periodic(measure: MeasureId, history: DueInput['history'], what: string): DueMeasure {
  const last = history[measure];
  if (!last)
    return {
      measure,
      status: 'due',
      reason: `${what}: not taken yet, so this is its baseline.`,
      lastTakenAt: null,
      visitsSinceLast: null,
    };
  const n = last.visitsSince;
  const status = n >= OVERDUE_AFTER_VISITS ? 'overdue' : n >= REASSESS_AFTER_VISITS ? 'due' : 'not-due';
  const reason =
    status === 'not-due'
      ? `${what}: ${n} visit(s) since it was last taken; retaken every ${REASSESS_AFTER_VISITS}–` +
        `${OVERDUE_AFTER_VISITS} visits.`
      : `${what}: ${n} visits since it was last taken (every ${REASSESS_AFTER_VISITS}–${OVERDUE_AFTER_VISITS} visits).`;
  return { measure, status, reason, lastTakenAt: last.lastTakenAt, visitsSinceLast: n };
}

export function measuresDue(input: DueInput): DueMeasure[] {
  const nprs = input.history.nprs;
  const out: DueMeasure[] = [
    {
      measure: 'nprs',
      status: 'due',
      reason: 'Pain (NPRS) is rated at every visit.',
      lastTakenAt: nprs?.lastTakenAt ?? null,
      visitsSinceLast: nprs?.visitsSince ?? null,
    },
  ];
  for (const m of regionalMeasures(input.regions)) {
    out.push(
      periodic(
        m,
        input.history,
        m === 'ndi' ? 'Neck Disability Index (neck complaint)' : 'Oswestry Disability Index (low-back complaint)',
      ),
    );
  }
  out.push(periodic('psfs', input.history, 'Patient-Specific Functional Scale'));
  return out;
}
