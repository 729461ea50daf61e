// Public entry of the SVG body chart: front and back outlines with one path per body-map region,
// for pain maps and trigger-point charting. Geometry lives in chart-figure*.ts, placement of each
// region in chart-layout-*.ts, rendering in chart-svg.ts.

export { BODY_CHARTS, chartGaps } from './chart-data.ts';
export type { BodyChart } from './chart-data.ts';
export { renderChartSvg } from './chart-svg.ts';
export { pathDataPoints } from './chart-pathdata.ts';
