import { appointmentIcs, createFeed, listFeeds, revokeFeed } from '../../services/calendars.ts';
import { renderFeed } from '../../services/calendars.ts';
import type { ServiceContext } from '../../services/context.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import { CreatedFeedSchema, FeedCreateSchema, FeedListSchema } from './schema.ts';

const ICS = 'text/calendar; charset=utf-8';

export function calendarRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'POST',
      url: '/api/calendars',
      tag: 'calendars',
      status: 201,
      errors: [403, 404],
      summary: 'Create a secret iCalendar feed URL for a therapist (yourself) or a site you manage',
      body: FeedCreateSchema,
      response: CreatedFeedSchema,
      handler: ({ actor, body, once }) => createFeed(ctx, actor, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/calendars',
      tag: 'calendars',
      errors: [403],
      summary: 'The calendar feeds you created or that are about you or your sites (URLs are not shown again)',
      response: FeedListSchema,
      handler: async ({ actor }) => ({ feeds: await listFeeds(ctx, actor) }),
    }),
    route({
      method: 'DELETE',
      url: '/api/calendars/:id',
      tag: 'calendars',
      status: 204,
      errors: [403, 404],
      summary: 'Revoke a calendar feed: its URL answers 404 from now on',
      params: IdParams,
      handler: ({ actor, params }) => revokeFeed(ctx, actor, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/appointments/:id/ics',
      tag: 'calendars',
      errors: [403, 404],
      produces: ICS,
      summary: 'One appointment as an iCalendar (.ics) file: a patient’s own, or for staff who may see it',
      params: IdParams,
      handler: async ({ actor, params, reply }) => {
        const body = await appointmentIcs(ctx, actor, params.id);
        reply.type(ICS).header('content-disposition', 'attachment; filename="appointment.ics"');
        return body;
      },
    }),
    // The token in the path is the credential (calendar apps send no cookie). There is no params
    // schema on purpose: a malformed, unknown or revoked token is the same 404.
    route({
      method: 'GET',
      url: '/cal/:token.ics',
      tag: 'calendars',
      auth: 'public',
      errors: [404],
      produces: ICS,
      summary: 'A calendar feed (RFC 5545) behind its secret URL',
      handler: async ({ request, reply }) => {
        const token = String((request.params as { token?: unknown }).token ?? '');
        const body = await renderFeed(ctx, token, request.ip);
        reply.type(ICS).header('cache-control', 'private, no-store');
        return body;
      },
    }),
  ];
}
