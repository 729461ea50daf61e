/**
 * The public pages, requested once by the server itself right after it starts listening, so the first
 * visitor does not pay for the database planning each query for the first time (PGlite's catalogue and
 * plan caches are empty after a start), nor for the routes' first run. Only reads, through the routes a
 * visitor uses: the caches filled are the ones any visitor would fill (the sites list, kept by the schedule
 * stamp). They come from an address no visitor can have, so no one's public limit is used up.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.ts';
import { organizationsToWarm } from '../services/front-door/warm-up.ts';

const WARM_UP_CALLER = 'server-warm-up';
const PLACE_SEARCHES = ['q=front%20of%20my%20thigh&lang=en', 'q=parte%20delantera%20del%20muslo&lang=es'];

/** Reads each organisation's public pages once, then the place search; answers how many organisations. */
export async function warmPublicPages(app: FastifyInstance, ctx: ServiceContext, stopping: () => boolean) {
  const read = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, remoteAddress: WARM_UP_CALLER });
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
  };
  const slugs = await organizationsToWarm(ctx);
  let warmed = 0;
  for (const slug of slugs) {
    if (stopping()) break;
    const org = `/api/public/${encodeURIComponent(slug)}`;
    for (const page of ['sites', 'about?locale=en', 'about?locale=es', 'self-check', 'safety?locale=es'])
      await read(`${org}/${page}`);
    warmed++;
  }
  for (const search of PLACE_SEARCHES) if (!stopping()) await read(`/api/public/places?${search}`);
  return warmed;
}
