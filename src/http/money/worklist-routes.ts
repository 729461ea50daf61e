import type { ServiceContext } from '../../services/context.ts';
import { batchFile, chargesToReview, listBatches, listClaims } from '../../services/billing/worklists.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import { BatchListSchema, ClaimListSchema, ClaimQuery, ReviewListSchema } from './worklist-schema.ts';

/** The desk's worklists: charges to review, claims and 837P files, with each file to download. */
export function moneyWorklistRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/charge-review',
      tag: 'money',
      errors: [403],
      summary: 'Signed visits whose proposed charges wait for the desk to review and post (audited)',
      response: ReviewListSchema,
      handler: ({ actor }) => chargesToReview(ctx, actor),
    }),
    route({
      method: 'GET',
      url: '/api/claims',
      tag: 'money',
      errors: [403, 404],
      summary: "The claims of the desk's sites, newest first (?visitId=, ?status=; audited)",
      query: ClaimQuery,
      response: ClaimListSchema,
      handler: ({ actor, query }) => listClaims(ctx, actor, query),
    }),
    route({
      method: 'GET',
      url: '/api/claim-batches',
      tag: 'money',
      errors: [403],
      summary: "The 837P files sent with claims of the desk's sites, newest first",
      response: BatchListSchema,
      handler: ({ actor }) => listBatches(ctx, actor),
    }),
    route({
      method: 'GET',
      url: '/api/claim-batches/:id/837p',
      tag: 'money',
      errors: [403, 404],
      produces: 'application/edi-x12',
      summary: 'The 837P file of a batch, as sent to the clearinghouse (audited for each patient in it)',
      params: IdParams,
      handler: async ({ actor, params, reply }) => {
        const { fileName, file } = await batchFile(ctx, actor, params.id);
        reply.type('application/edi-x12').header('content-disposition', `attachment; filename="${fileName}"`);
        return file;
      },
    }),
  ];
}
