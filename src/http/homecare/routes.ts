import type { ServiceContext } from '../../services/context.ts';
import {
  editForNote,
  generateForNote,
  homeCarePdf,
  listPatientHomeCare,
  sendForNote,
} from '../../services/charting/homecare.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import { HomeCareContentSchema, HomeCareListSchema, HomeCarePlanSchema, HomeCareSentSchema } from './schema.ts';

export function homeCareRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'POST',
      url: '/api/sessions/:id/home-care/generate',
      tag: 'home care',
      errors: [403, 404, 409],
      summary:
        'Generate home care from the muscles treated: water, expected soreness, stretches, activity changes, ' +
        'when to call',
      params: IdParams,
      response: HomeCarePlanSchema,
      handler: ({ actor, params }) => generateForNote(ctx, actor, params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/sessions/:id/home-care',
      tag: 'home care',
      errors: [403, 404, 409],
      summary: "The therapist's edits before sending (a signed note answers 409 note_signed)",
      params: IdParams,
      body: HomeCareContentSchema,
      response: HomeCarePlanSchema,
      handler: ({ actor, params, body }) => editForNote(ctx, actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/sessions/:id/home-care/send',
      tag: 'home care',
      errors: [403, 404],
      summary:
        'Send the home care: from now on the patient sees it, and it is emailed to them with the handout attached ' +
        '(once per version)',
      params: IdParams,
      response: HomeCareSentSchema,
      idempotent: true,
      handler: ({ actor, params, once }) => sendForNote(ctx, actor, params.id, once),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/home-care',
      tag: 'home care',
      errors: [403, 404],
      summary: "A patient's home care with the visit each came from, latest first (patients see what was sent to them)",
      params: IdParams,
      response: HomeCareListSchema,
      handler: ({ actor, params }) => listPatientHomeCare(ctx, actor, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/sessions/:id/home-care.pdf',
      tag: 'home care',
      errors: [403, 404],
      produces: 'application/pdf',
      summary: 'The home-care handout as a PDF (large type, plain words)',
      params: IdParams,
      handler: async ({ actor, params, reply }) => {
        const pdf = await homeCarePdf(ctx, actor, params.id);
        reply.type('application/pdf').header('content-disposition', 'inline; filename="home-care.pdf"');
        return pdf;
      },
    }),
  ];
}
