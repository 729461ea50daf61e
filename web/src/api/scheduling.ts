import type { z } from 'zod';
import type {
  AppointmentSchema,
  BookedAppointmentSchema,
  SeriesCreateSchema,
  SeriesSchema,
} from '../../../src/http/appointments/schema.ts';
import type { SlotSchema } from '../../../src/http/availability/schema.ts';
import type { BookingSettingsSchema, ServiceSchema } from '../../../src/http/services/schema.ts';
import type { ScheduleSchema } from '../../../src/http/schedules/schema.ts';
import { ApiError, request, withQuery } from './http.ts';

// Types come from the booking routes' own zod schemas.
export type Service = z.infer<typeof ServiceSchema>;
export type Slot = z.infer<typeof SlotSchema>;
export type Appointment = z.infer<typeof AppointmentSchema>;
/** A visit just booked, with the desk's warnings about the patient's authorizations. */
export type BookedAppointment = z.infer<typeof BookedAppointmentSchema>;
export type AppointmentStatus = Appointment['status'];
export type BookingSettings = z.infer<typeof BookingSettingsSchema>;
export type SeriesCreate = z.input<typeof SeriesCreateSchema>;
export type SeriesResult = z.infer<typeof SeriesSchema>;
/** "This is visit 13 of 12 authorized.", for the visit's date. */
export type BookingWarning = SeriesResult['warnings'][number];
export type WeeklySchedule = z.infer<typeof ScheduleSchema>;

/** One visit of a series the server could not book as asked, with the nearest free times. */
export interface SeriesConflict {
  /** The visit's index (0-based) in the `visits` the request sent. */
  visit: number;
  wanted: { date: string; time: string; locationId?: string; start: string | null };
  reasons: { code: string; message: string }[];
  alternatives: Slot[];
}

/**
 * Every (method, OpenAPI path) this module calls; checked against /api/openapi.json by
 * test/browser/api-contract.test.ts.
 */
export const SCHEDULING_OPERATIONS = [
  ['GET', '/api/services'],
  ['GET', '/api/booking-settings'],
  ['GET', '/api/availability'],
  ['GET', '/api/appointments'],
  ['POST', '/api/appointments'],
  ['GET', '/api/appointments/{id}'],
  ['POST', '/api/appointments/{id}/reschedule'],
  ['POST', '/api/appointments/{id}/cancel'],
  ['POST', '/api/appointments/{id}/status'],
  ['POST', '/api/appointments/series'],
  ['GET', '/api/appointments/{id}/ics'],
  ['GET', '/api/therapists/{id}/schedule'],
] as const satisfies readonly (readonly [string, string])[];

/**
 * A refusal that carries more than the shared error shape: `alternatives` for a 409
 * slot_unavailable, `conflicts` for a 409 series_conflict.
 */
export class BookingRefusal extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string>,
    readonly alternatives: Slot[] = [],
    readonly conflicts: SeriesConflict[] = [],
  ) {
    super(status, code, message, fields);
    this.name = 'BookingRefusal';
  }
}

/** A write whose 409 answer carries alternatives or conflicts beside `error`. */
async function writeWithExtras<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  try {
    return await request<T>('POST', path, body, { idempotencyKey });
  } catch (err) {
    if (!(err instanceof ApiError) || !err.payload) throw err;
    const extras = err.payload as { alternatives?: Slot[]; conflicts?: SeriesConflict[] };
    throw new BookingRefusal(
      err.status,
      err.code,
      err.message,
      err.fields,
      extras.alternatives ?? [],
      extras.conflicts ?? [],
    );
  }
}

const id = (value: string) => encodeURIComponent(value);

export async function listServices(): Promise<Service[]> {
  return (await request<{ services: Service[] }>('GET', '/api/services')).services;
}

export function getBookingSettings(): Promise<BookingSettings> {
  return request('GET', '/api/booking-settings');
}

export interface AvailabilityQuery {
  service: string;
  from: string;
  to: string;
  location?: string;
  therapist?: string;
  timeOfDay?: 'morning' | 'afternoon' | 'evening';
  limit?: number;
}

export async function findSlots(query: AvailabilityQuery, signal?: AbortSignal): Promise<Slot[]> {
  return (await request<{ slots: Slot[] }>('GET', withQuery('/api/availability', { ...query }), undefined, { signal }))
    .slots;
}

export interface AppointmentQuery {
  location?: string;
  therapist?: string;
  patient?: string;
  from: string;
  to: string;
}

export async function listAppointments(query: AppointmentQuery, signal?: AbortSignal): Promise<Appointment[]> {
  return (
    await request<{ appointments: Appointment[] }>('GET', withQuery('/api/appointments', { ...query }), undefined, {
      signal,
    })
  ).appointments;
}

export function getAppointment(appointmentId: string): Promise<Appointment> {
  return request('GET', `/api/appointments/${id(appointmentId)}`);
}

export interface BookingRequest {
  patientId: string;
  serviceCode: string;
  start: string;
  therapistId: string;
  locationId: string;
  roomId?: string;
}

/** Books one appointment; the key makes a retried click return the first answer instead of booking twice. */
export function bookAppointment(booking: BookingRequest, idempotencyKey: string): Promise<BookedAppointment> {
  return writeWithExtras('/api/appointments', booking, idempotencyKey);
}

export function rescheduleAppointment(
  appointmentId: string,
  move: { start: string; therapistId?: string; locationId?: string; roomId?: string; reason: string },
): Promise<Appointment> {
  return writeWithExtras(`/api/appointments/${id(appointmentId)}/reschedule`, move);
}

export function cancelAppointment(appointmentId: string, reason: string): Promise<Appointment> {
  return request('POST', `/api/appointments/${id(appointmentId)}/cancel`, { reason });
}

export function setAppointmentStatus(
  appointmentId: string,
  status: AppointmentStatus,
  reason?: string,
): Promise<Appointment> {
  return request('POST', `/api/appointments/${id(appointmentId)}/status`, reason ? { status, reason } : { status });
}

export function bookSeries(series: SeriesCreate, key: string): Promise<SeriesResult> {
  return writeWithExtras('/api/appointments/series', series, key);
}

/** The address of an appointment's .ics file (a download link, not a fetch). */
export function appointmentIcsUrl(appointmentId: string): string {
  return `/api/appointments/${id(appointmentId)}/ics`;
}

export function getSchedule(therapistId: string): Promise<WeeklySchedule> {
  return request('GET', `/api/therapists/${id(therapistId)}/schedule`);
}
