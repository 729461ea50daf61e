import { BODY_CHARTS, pathDataPoints } from '../../../../src/clinical/bodymap/chart/chart.ts';
import { boundingBox, type Box } from '../../../../src/clinical/bodymap/chart/geometry.ts';

/** Each drawn region's bounding box and marker point, in chart units, worked out once. */
const BOXES = new Map<string, Box>();
const CENTRES = new Map<string, { x: number; y: number }>();
for (const chart of [BODY_CHARTS.front, BODY_CHARTS.back]) {
  for (const path of chart.paths) {
    BOXES.set(path.region, boundingBox(pathDataPoints(path.d)));
    CENTRES.set(path.region, path.label);
  }
}

export function regionBox(region: string): Box | undefined {
  return BOXES.get(region);
}

/** Where to centre a close-up of the region (its label point, inside its box). */
export function regionCentre(region: string): { x: number; y: number } | undefined {
  return CENTRES.get(region);
}
