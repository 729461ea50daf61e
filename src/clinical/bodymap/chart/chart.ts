// Public entry of the SVG body chart: front and back outlines with one path per body-map region,
// for pain maps and trigger-point charting. Geometry lives in figure*.ts, placement of each
// region in layout-*.ts, rendering in svg.ts.

export { BODY_CHARTS, chartGaps } from './data.ts';
export type { BodyChart } from './data.ts';
export { renderChartSvg } from './svg.ts';
export { pathDataPoints } from './pathdata.ts';
