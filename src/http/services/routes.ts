import type { ServiceContext } from '../../services/context.ts';
import { createService, listServices, updateService } from '../../services/booking/catalogue.ts';
import { getBookingSettings, updateBookingSettings } from '../../services/booking/settings.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  BookingSettingsSchema,
  BookingSettingsUpdateSchema,
  ServiceCreateSchema,
  ServiceListSchema,
  ServiceSchema,
  ServiceUpdateSchema,
} from './schema.ts';

export function serviceRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/services',
      tag: 'booking',
      summary: 'The services that can be booked: length, turnover buffer, discipline and the credentials each requires',
      response: ServiceListSchema,
      handler: ({ actor }) => listServices(ctx, actor),
    }),
    route({
      method: 'POST',
      url: '/api/services',
      tag: 'booking',
      status: 201,
      errors: [403, 409, 422],
      summary: 'Add a service (admins and managers)',
      body: ServiceCreateSchema,
      response: ServiceSchema,
      handler: ({ actor, body, once }) => createService(ctx, actor, body, once),
    }),
    route({
      method: 'PATCH',
      url: '/api/services/:id',
      tag: 'booking',
      errors: [403, 404, 422],
      summary: 'Change a service (its code and discipline stay)',
      params: IdParams,
      body: ServiceUpdateSchema,
      response: ServiceSchema,
      handler: ({ actor, params, body }) => updateService(ctx, actor, params.id, body),
    }),
    route({
      method: 'GET',
      url: '/api/booking-settings',
      tag: 'booking',
      summary: 'Minimum notice, booking horizon, slot step, cancellation window and waitlist hold time',
      response: BookingSettingsSchema,
      handler: ({ actor }) => getBookingSettings(ctx, actor),
    }),
    route({
      method: 'PATCH',
      url: '/api/booking-settings',
      tag: 'booking',
      errors: [403],
      summary: 'Change the booking settings (admins)',
      body: BookingSettingsUpdateSchema,
      response: BookingSettingsSchema,
      handler: ({ actor, body }) => updateBookingSettings(ctx, actor, body),
    }),
  ];
}
