/**
 * Writes behind the manager and admin screens: site hours, closures, rooms, therapists' weeks, services, booking
 * settings.
 */
import type { z } from 'zod';
import type { ClosureSchema, LocationSchema, RoomOutSchema } from '../../../src/http/locations/schema.ts';
import type { ExceptionCreateSchema, ExceptionSchema, TemplateSchema } from '../../../src/http/schedules/schema.ts';
import type {
  BookingSettingsUpdateSchema,
  RequirementSchema,
  ServiceCreateSchema,
  ServiceUpdateSchema,
} from '../../../src/http/services/schema.ts';
import { create, request } from './http.ts';
import type { BookingSettings, Service, WeeklySchedule } from './scheduling.ts';

export type Hours = Record<string, { open: string; close: string }[]>;
export type Closure = z.infer<typeof ClosureSchema>;
export type Room = z.infer<typeof RoomOutSchema>;
export type ShiftTemplate = z.input<typeof TemplateSchema>;
export type ScheduleException = z.infer<typeof ExceptionSchema>;
export type ExceptionCreate = z.input<typeof ExceptionCreateSchema>;
export type ServiceCreate = z.input<typeof ServiceCreateSchema>;
export type ServiceUpdate = z.input<typeof ServiceUpdateSchema>;
export type Requirement = z.input<typeof RequirementSchema>;
export type BookingSettingsUpdate = z.input<typeof BookingSettingsUpdateSchema>;

/** Every (method, OpenAPI path) this module calls; checked by test/browser/api-contract.test.ts. */
export const ADMIN_SCHEDULING_OPERATIONS = [
  ['PATCH', '/api/locations/{id}'],
  ['POST', '/api/locations/{id}/closures'],
  ['DELETE', '/api/locations/{id}/closures/{closureId}'],
  ['POST', '/api/locations/{id}/rooms'],
  ['PATCH', '/api/rooms/{id}'],
  ['PUT', '/api/therapists/{id}/schedule'],
  ['POST', '/api/therapists/{id}/exceptions'],
  ['DELETE', '/api/therapists/{id}/exceptions/{exceptionId}'],
  ['POST', '/api/services'],
  ['PATCH', '/api/services/{id}'],
  ['PATCH', '/api/booking-settings'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);

export function updateLocationHours(locationId: string, hours: Hours): Promise<z.infer<typeof LocationSchema>> {
  return request('PATCH', `/api/locations/${id(locationId)}`, { hours });
}

export function addClosure(locationId: string, closure: Omit<Closure, 'id'>, key: string): Promise<Closure> {
  return create(`/api/locations/${id(locationId)}/closures`, closure, key);
}

export function removeClosure(locationId: string, closureId: string): Promise<void> {
  return request('DELETE', `/api/locations/${id(locationId)}/closures/${id(closureId)}`);
}

export function addRoom(locationId: string, name: string, key: string): Promise<Room> {
  return create(`/api/locations/${id(locationId)}/rooms`, { name }, key);
}

export function updateRoom(roomId: string, changes: { name?: string; active?: boolean }): Promise<Room> {
  return request('PATCH', `/api/rooms/${id(roomId)}`, changes);
}

export function replaceSchedule(therapistId: string, templates: ShiftTemplate[]): Promise<WeeklySchedule> {
  return request('PUT', `/api/therapists/${id(therapistId)}/schedule`, { templates });
}

export function addException(therapistId: string, exception: ExceptionCreate, key: string): Promise<ScheduleException> {
  return create(`/api/therapists/${id(therapistId)}/exceptions`, exception, key);
}

export function removeException(therapistId: string, exceptionId: string): Promise<void> {
  return request('DELETE', `/api/therapists/${id(therapistId)}/exceptions/${id(exceptionId)}`);
}

export function createService(service: ServiceCreate, key: string): Promise<Service> {
  return create('/api/services', service, key);
}

export function updateService(serviceId: string, changes: ServiceUpdate): Promise<Service> {
  return request('PATCH', `/api/services/${id(serviceId)}`, changes);
}

export function updateBookingSettings(changes: BookingSettingsUpdate): Promise<BookingSettings> {
  return request('PATCH', '/api/booking-settings', changes);
}
