// Renders a body chart as a standalone, accessible SVG document: a <title>, the silhouette, and
// one <path id="region-…" data-region="…"> per region carrying the region's name as its <title>.

import { BODY_CHARTS } from './data.ts';
import { drawnOnTemplateHalf } from './shapes.ts';
import type { View } from './shapes.ts';
import { CENTRE_X, CHART_WIDTH } from './figure.ts';
import { regionById } from '../regions.ts';

export interface RenderChartOptions {
  /** CSS colour per region id; regions of the other view are ignored, unknown ids rejected. */
  fill?: Record<string, string>;
  /** Document title; defaults to "Body chart, front view" / "… back view". */
  title?: string;
}

const SKIN = '#f6f3ee';
const INK = '#4a4a4a';
const REGION_STROKE = '#a29a90';
// Hex, rgb()/hsl() functions and named colours; nothing that could break out of an attribute.
const SAFE_COLOUR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|rgba|hsl|hsla)\([0-9.,%\s/deg-]+\))$/;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function checkFills(fill: Record<string, string>): void {
  for (const [id, colour] of Object.entries(fill)) {
    if (!regionById(id)) throw new Error(`unknown region id: ${id}`);
    if (!SAFE_COLOUR.test(colour.trim())) throw new Error(`not a CSS colour for ${id}: ${colour}`);
  }
}

/** "Right"/"Left" captions on the side of the canvas where that side of the patient is drawn. */
function sideCaptions(view: View): string {
  const leftCaption = drawnOnTemplateHalf(view, 'right') ? "Patient's right" : "Patient's left";
  const rightCaption = drawnOnTemplateHalf(view, 'right') ? "Patient's left" : "Patient's right";
  const viewName = view === 'front' ? 'FRONT' : 'BACK';
  const soles =
    view === 'back'
      ? `<text x="80" y="700" text-anchor="middle">${drawnOnTemplateHalf(view, 'left') ? 'Left' : 'Right'} ` +
        `sole</text>` +
        `<text x="${CHART_WIDTH - 80}" y="700" text-anchor="middle">` +
        `${drawnOnTemplateHalf(view, 'left') ? 'Right' : 'Left'} sole</text>`
      : '';
  return (
    `<g font-family="system-ui, sans-serif" font-size="11" fill="#6b6b6b" aria-hidden="true">` +
    `<text x="${CENTRE_X}" y="843" text-anchor="middle" font-size="12" font-weight="600" letter-spacing="2">` +
    `${viewName}</text>` +
    `<text x="12" y="20">${leftCaption}</text>` +
    `<text x="${CHART_WIDTH - 12}" y="20" text-anchor="end">${rightCaption}</text>` +
    soles +
    `</g>`
  );
}

/** A complete standalone SVG document for the front or back chart. */
export function renderChartSvg(view: View, options: RenderChartOptions = {}): string {
  const chart = BODY_CHARTS[view];
  const fill = options.fill ?? {};
  checkFills(fill);
  const title = options.title ?? `Body chart, ${view} view`;
  const regions = chart.paths
    .map((path) => {
      const name = regionById(path.region)?.name ?? path.region;
      const colour = fill[path.region]?.trim() ?? SKIN;
      return (
        `<path id="region-${escapeXml(path.region)}" data-region="${escapeXml(path.region)}" ` +
        `fill="${escapeXml(colour)}" d="${path.d}"><title>${escapeXml(name)}</title></path>`
      );
    })
    .join('\n');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${chart.viewBox}" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    sideCaptions(view),
    // Stroke first, then fill over it: only the outer half of the contour stays visible, so the
    // seams between parts vanish even where no region covers them.
    `<path class="silhouette-contour" d="${chart.outline}" fill="none" stroke="${INK}" stroke-width="2.6" ` +
      `stroke-linejoin="round" aria-hidden="true"/>`,
    `<path class="silhouette" d="${chart.outline}" fill="${SKIN}" aria-hidden="true"/>`,
    `<g class="regions" stroke="${REGION_STROKE}" stroke-width="0.45" stroke-linejoin="round">`,
    regions,
    `</g>`,
    chart.landmarks
      ? `<path class="landmarks" d="${chart.landmarks}" fill="none" stroke="#9c9286" stroke-width="0.8" ` +
        `stroke-linecap="round" pointer-events="none" aria-hidden="true"/>`
      : '',
    `</svg>`,
    '',
  ].join('\n');
}
