import type { ServiceContext } from '../../services/context.ts';
import {
  addClosure, addRoom, createLocation, getLocation, listLocations, removeClosure, updateLocation, updateRoom,
} from '../../services/locations.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  ClosureCreateSchema, ClosureParams, ClosureSchema, LocationCreateSchema, LocationDetailSchema, LocationListSchema, LocationSchema,
  LocationUpdateSchema, RoomCreateSchema, RoomOutSchema, RoomUpdateSchema,
} from './schema.ts';

export function locationRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET', url: '/api/locations', tag: 'locations',
      summary: 'Every site of the organisation with its hours and rooms (patients: active sites only)',
      response: LocationListSchema,
      handler: ({ actor }) => listLocations(ctx, actor),
    }),
    route({
      method: 'POST', url: '/api/locations', tag: 'locations', status: 201, errors: [403, 409, 422],
      summary: 'Open a new site (admins)', body: LocationCreateSchema, response: LocationSchema,
      handler: ({ actor, body, once }) => createLocation(ctx, actor, body, once),
    }),
    route({
      method: 'GET', url: '/api/locations/:id', tag: 'locations', errors: [404],
      summary: 'A site with its recent and upcoming closures', params: IdParams, response: LocationDetailSchema,
      handler: ({ actor, params }) => getLocation(ctx, actor, params.id),
    }),
    route({
      method: 'PATCH', url: '/api/locations/:id', tag: 'locations', errors: [403, 404, 409, 422],
      summary: "Change a site's details or hours (admins; the site's managers)",
      params: IdParams, body: LocationUpdateSchema, response: LocationSchema,
      handler: ({ actor, params, body }) => updateLocation(ctx, actor, params.id, body),
    }),
    route({
      method: 'POST', url: '/api/locations/:id/closures', tag: 'locations', status: 201, errors: [403, 404, 422],
      summary: 'Close a site for a run of days (holiday, repairs)',
      params: IdParams, body: ClosureCreateSchema, response: ClosureSchema,
      handler: ({ actor, params, body, once }) => addClosure(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'DELETE', url: '/api/locations/:id/closures/:closureId', tag: 'locations', status: 204, errors: [403, 404],
      summary: 'Cancel a closure', params: ClosureParams,
      handler: ({ actor, params }) => removeClosure(ctx, actor, params.id, params.closureId),
    }),
    route({
      method: 'POST', url: '/api/locations/:id/rooms', tag: 'locations', status: 201, errors: [403, 404, 409],
      summary: 'Add a treatment room to a site', params: IdParams, body: RoomCreateSchema, response: RoomOutSchema,
      handler: ({ actor, params, body, once }) => addRoom(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'PATCH', url: '/api/rooms/:id', tag: 'locations', errors: [403, 404, 409],
      summary: 'Rename a room or take it out of use', params: IdParams, body: RoomUpdateSchema, response: RoomOutSchema,
      handler: ({ actor, params, body }) => updateRoom(ctx, actor, params.id, body),
    }),
  ];
}
