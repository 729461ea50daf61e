import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  adjusterPacketPdf,
  cms1500Pdf,
  receiptPdf,
  superbillPdf,
  type PdfFile,
} from '../../services/billing/documents.ts';
import type { ServiceContext } from '../../services/context.ts';
import { ValidationError } from '../../services/errors.ts';
import { Id, IdParams, IsoDate } from '../common.ts';
import { route } from '../route.ts';

const SuperbillQuery = z.strictObject({
  visitId: Id.optional().describe('One visit; or give from and to for the visits in a date range'),
  from: IsoDate.optional().describe('First date of service, YYYY-MM-DD'),
  to: IsoDate.optional().describe('Last date of service, YYYY-MM-DD'),
});

function send(reply: FastifyReply, file: PdfFile): Buffer {
  reply.type('application/pdf').header('content-disposition', `inline; filename="${file.fileName}"`);
  return file.pdf;
}

/** The billing documents as PDF files: receipt, superbill, CMS-1500 and the adjuster packet. */
export function moneyDocumentRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/visits/:id/receipt.pdf',
      tag: 'money',
      errors: [403, 404, 422],
      produces: 'application/pdf',
      summary: "The checkout receipt of a visit (the patient's own, or the desk's for its sites; audited)",
      params: IdParams,
      handler: async ({ actor, params, reply }) => send(reply, await receiptPdf(ctx, actor, params.id)),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/superbill.pdf',
      tag: 'money',
      errors: [403, 404, 422],
      produces: 'application/pdf',
      summary: 'The superbill of one visit (?visitId=) or of the visits in a date range (?from=&to=), audited',
      params: IdParams,
      query: SuperbillQuery,
      handler: async ({ actor, params, query, reply }) => {
        const scope = query.visitId
          ? { visitId: query.visitId }
          : query.from && query.to
            ? { from: query.from, to: query.to }
            : null;
        if (!scope) throw new ValidationError({ visitId: 'Choose a visit, or the first and last dates of service.' });
        return send(reply, await superbillPdf(ctx, actor, params.id, scope));
      },
    }),
    route({
      method: 'GET',
      url: '/api/claims/:id/cms1500.pdf',
      tag: 'money',
      errors: [403, 404, 422],
      produces: 'application/pdf',
      summary: 'The CMS-1500 (02/12) of a claim, printed on the form’s grid',
      params: IdParams,
      handler: async ({ actor, params, reply }) => send(reply, await cms1500Pdf(ctx, actor, params.id)),
    }),
    route({
      method: 'GET',
      url: '/api/claims/:id/adjuster-packet.pdf',
      tag: 'money',
      errors: [403, 404, 422],
      produces: 'application/pdf',
      summary: "A workers' comp or auto claim's notes and ledger for the adjuster (claim number on every page)",
      params: IdParams,
      handler: async ({ actor, params, reply }) => send(reply, await adjusterPacketPdf(ctx, actor, params.id)),
    }),
  ];
}
