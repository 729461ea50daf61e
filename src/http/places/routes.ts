import type { ServiceContext } from '../../services/context.ts';
import { searchPlaces } from '../../services/public-places.ts';
import { route } from '../route.ts';
import { PlaceAnswerSchema, PlaceSearchQuery } from './schema.ts';

/** The public "Where does it hurt?" search: no sign-in, limited per address. */
export function placeRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/public/places',
      tag: 'public',
      auth: 'public',
      errors: [429],
      summary:
        'Where it hurts, in words (English or Spanish) → the body-map places and the muscles a therapist will ' +
        'check, each listed once when no side is named; a plain "no match" with close places when nothing fits',
      query: PlaceSearchQuery,
      response: PlaceAnswerSchema,
      handler: ({ query, request }) => searchPlaces(ctx, query, request.ip),
    }),
  ];
}
