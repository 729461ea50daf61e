// Builds the front and back body charts: one path per region of the vocabulary, in its own view.

import { BACK_LAYOUT } from './layout-back.ts';
import { FRONT_LAYOUT } from './layout-front.ts';
import { CHART_HEIGHT, CHART_WIDTH } from './figure.ts';
import { polygonPathData } from './geometry.ts';
import { landmarkPathData } from './landmarks.ts';
import { placeRegion, silhouettePathData } from './shapes.ts';
import type { RegionFootprint, View } from './shapes.ts';
import { REGIONS } from '../regions.ts';

export interface ChartPath {
  /** Region id from the body-map vocabulary (regions.ts). */
  region: string;
  /** SVG path data; several closed pieces for a region drawn in parts (e.g. the smaller toes). */
  d: string;
  /** Where a label or marker for the region can go; inside the region's bounding box. */
  label: { x: number; y: number };
}

export interface BodyChart {
  view: View;
  viewBox: string;
  /** Path data of the body silhouette (draw it under the regions). */
  outline: string;
  /** Path data of orientation marks that are not regions (eyes, nose, mouth, ears, navel). */
  landmarks: string;
  paths: ChartPath[];
}

export const CHART_LAYOUTS: Readonly<Record<View, Readonly<Record<string, RegionFootprint>>>> = {
  front: FRONT_LAYOUT,
  back: BACK_LAYOUT,
};

function buildChart(view: View): BodyChart {
  const layout = CHART_LAYOUTS[view];
  const paths: ChartPath[] = [];
  for (const region of REGIONS) {
    if (region.view !== view) continue;
    const footprint = layout[region.base];
    if (!footprint) continue; // reported by chartGaps(); the vocabulary may grow ahead of the drawing
    const placed = placeRegion(footprint, view, region.side);
    paths.push({ region: region.id, d: placed.outlines.map(polygonPathData).join(''), label: placed.label });
  }
  return {
    view,
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    outline: silhouettePathData(view),
    landmarks: landmarkPathData(view),
    paths,
  };
}

export const BODY_CHARTS: { readonly front: BodyChart; readonly back: BodyChart } = {
  front: buildChart('front'),
  back: buildChart('back'),
};

/** Region ids of the vocabulary that have no drawing yet (should be empty). */
export function chartGaps(): string[] {
  return REGIONS.filter((r) => !CHART_LAYOUTS[r.view][r.base]).map((r) => r.id);
}
