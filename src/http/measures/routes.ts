import type { ServiceContext } from '../../services/context.ts';
import { dueMeasures, measureSeries, submitMeasure } from '../../services/charting/measures.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import { DueMeasuresSchema, MeasureResponseSchema, MeasureSeriesListSchema, MeasureSubmitSchema } from './schema.ts';

export function measureRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'POST',
      url: '/api/patients/:id/measures',
      tag: 'measures',
      status: 201,
      errors: [403, 404, 422],
      summary:
        'Submit an outcome measure (NPRS, NDI, ODI, PSFS), scored by the clinical core; the patient may submit ' +
        'their own',
      params: IdParams,
      body: MeasureSubmitSchema,
      response: MeasureResponseSchema,
      handler: ({ actor, params, body, once }) => submitMeasure(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/measures',
      tag: 'measures',
      errors: [403, 404],
      summary: 'Each measure as a series for plotting, every point classified against the baseline (MDC / MCID)',
      params: IdParams,
      response: MeasureSeriesListSchema,
      handler: ({ actor, params }) => measureSeries(ctx, actor, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/measures/due',
      tag: 'measures',
      errors: [403, 404],
      summary:
        'Measures due at this visit: NPRS every visit; NDI (neck) or ODI (low back) and PSFS at intake and every ' +
        '4–6 visits',
      params: IdParams,
      response: DueMeasuresSchema,
      handler: ({ actor, params }) => dueMeasures(ctx, actor, params.id),
    }),
  ];
}
