// Shared shapes for the body-map vocabulary. The data files describe each place once (its "base");
// regions.ts expands lateral bases into a left and a right region.

export type Side = 'left' | 'right' | 'midline';
export type View = 'front' | 'back';
export type BodyArea = 'head' | 'neck' | 'trunk' | 'upper-limb' | 'lower-limb';

export interface BodyRegion {
  /** `<base>-left` / `<base>-right` for lateral places, the base itself for midline places. */
  id: string;
  base: string;
  name: string;
  side: Side;
  /** The chart view (front or back) on which this region is drawn. */
  view: View;
  area: BodyArea;
  /** Words a therapist or a patient might type for this place. */
  synonyms: string[];
}

/** One place on the body, described once; `lateral` places exist on both sides. */
export interface RegionBase {
  base: string;
  name: string;
  lateral: boolean;
  view: View;
  area: BodyArea;
  synonyms: string[];
}
