import type { ServiceContext } from '../../services/context.ts';
import { answerReliefQuestion, reliefQuestion } from '../../services/outcomes/relief.ts';
import { route } from '../route.ts';
import { ReliefAnswerSchema, ReliefQuestionSchema, ReliefTokenParams } from './schema.ts';

/** The relief check-in a patient opens from the email: the signed link is the permission. */
export function reliefRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/relief/:token',
      tag: 'links',
      auth: 'public',
      errors: [404, 409],
      summary: 'The relief question behind a check-in link, and the answer if given',
      params: ReliefTokenParams,
      response: ReliefQuestionSchema,
      handler: ({ params, request }) => reliefQuestion(ctx, params.token, request.ip),
    }),
    route({
      method: 'POST',
      url: '/api/relief/:token',
      tag: 'links',
      auth: 'public',
      errors: [404, 409, 422],
      summary:
        'Answer the relief question: days it lasted (0–60) or still holding; the same answer again changes nothing',
      params: ReliefTokenParams,
      body: ReliefAnswerSchema,
      response: ReliefQuestionSchema,
      handler: ({ params, body, request }) => answerReliefQuestion(ctx, params.token, body, request.ip),
    }),
  ];
}
