// Small builders so the data files read like a table: P('temple') is a primary zone on the
// trigger point's side, S('eyebrow') a spillover zone, P('forehead', 'both') a zone on both sides.
import type { Muscle, ReferralZone, TriggerPoint } from './types.ts';

export function P(region: string, side: ReferralZone['side'] = 'same'): ReferralZone {
  return { region, weight: 'primary', side };
}

export function S(region: string, side: ReferralZone['side'] = 'same'): ReferralZone {
  return { region, weight: 'spillover', side };
}

export interface PointSpec {
  key: string;
  label: string;
  location: string;
  zones: ReferralZone[];
  citations?: string[];
}

export type MuscleSpec = Omit<Muscle, 'triggerPoints' | 'sideRule' | 'aliases'> & {
  sideRule?: Muscle['sideRule'];
  aliases?: string[];
  points: PointSpec[];
};

/** Turns a compact spec into a Muscle: point ids are `<muscle>-<key>`, citations default to the muscle's. */
export function muscle(spec: MuscleSpec): Muscle {
  const { points, sideRule = 'paired', aliases = [], ...rest } = spec;
  const triggerPoints: TriggerPoint[] = points.map((point) => ({
    id: `${spec.id}-${point.key}`,
    muscleId: spec.id,
    label: point.label,
    location: point.location,
    zones: point.zones,
    citations: point.citations ?? spec.citations,
  }));
  return { ...rest, aliases, sideRule, triggerPoints };
}
