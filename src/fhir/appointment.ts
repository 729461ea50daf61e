import type { Appointment } from '@medplum/fhirtypes';
import { compact, instant, meta, ref, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';

export interface AppointmentInput {
  id: string;
  patientId: string;
  therapistId: string;
  locationId: string;
  serviceCode: string;
  serviceName: string;
  status: 'booked' | 'arrived' | 'in_session' | 'completed' | 'cancelled' | 'late_cancel' | 'no_show';
  start: Date;
  end: Date;
  notes: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Knotwork's visit statuses on FHIR's (required binding http://hl7.org/fhir/appointmentstatus). */
export const APPOINTMENT_STATUS = {
  booked: 'booked',
  arrived: 'arrived',
  in_session: 'checked-in',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  late_cancel: 'cancelled',
  no_show: 'noshow',
} as const satisfies Record<AppointmentInput['status'], Appointment['status']>;

export function toAppointment(ctx: FhirContext, a: AppointmentInput): Appointment {
  const cancelled = a.status === 'cancelled' || a.status === 'late_cancel';
  return compact<Appointment>({
    resourceType: 'Appointment',
    id: a.id,
    meta: meta(a.updatedAt, a.version),
    status: APPOINTMENT_STATUS[a.status],
    cancelationReason: cancelled
      ? {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason',
              code: a.status === 'late_cancel' ? 'pat' : 'oth',
            },
          ],
          ...(a.cancelReason ? { text: a.cancelReason } : {}),
        }
      : undefined,
    serviceType: [{ coding: [knotworkCoding(ctx, 'service', a.serviceCode, a.serviceName)], text: a.serviceName }],
    start: instant(a.start),
    end: instant(a.end),
    minutesDuration: Math.round((a.end.getTime() - a.start.getTime()) / 60_000),
    created: instant(a.createdAt),
    comment: a.notes ?? undefined,
    participant: [
      { actor: ref('Patient', a.patientId), required: 'required', status: 'accepted' },
      { actor: ref('Practitioner', a.therapistId), required: 'required', status: 'accepted' },
      { actor: ref('Location', a.locationId), required: 'required', status: 'accepted' },
    ],
  });
}
