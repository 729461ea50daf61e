import { patientsNotedBetween } from '../../store/repos/sessions/notes.ts';
import { addDays, dateIn, zonedWallTimeToInstant } from '../../time/index.ts';
import { audit } from '../audit.ts';
import { listAppointments } from '../booking/appointment-reads.ts';
import { listServices, type Service } from '../booking/catalogue.ts';
import type { Appointment } from '../booking/views.ts';
import { sessionCan } from '../can.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { listLocations, type PresentedLocation } from '../locations.ts';
import { getPatient, type Patient } from '../patients.ts';
import { listPatientAssessments, type Assessment } from './assessment.ts';
import { getGate, type GateView } from './gate/service.ts';
import { listPatientPlans, type TreatmentPlan } from './plan.ts';
import { listPatientNotes, type SessionNote } from './session.ts';

/** What the visit screen needs of one patient on the day, kept on the tablet for a dropped connection. */
export interface OfflinePatient {
  patient: Patient;
  gate: GateView;
  assessments: Assessment[];
  plans: TreatmentPlan[];
  /** Today's notes and the last note before today. */
  notes: SessionNote[];
}

export interface OfflineDay {
  date: string;
  therapistId: string;
  appointments: Appointment[];
  patients: OfflinePatient[];
  /** What My day names each visit with: the services and the sites with their rooms. */
  services: Service[];
  locations: PresentedLocation[];
}

/**
 * The signed-in therapist's day, whole: today's visits and the notes opened today (walk-ins), with
 * each patient's gate, cautions, assessments, plans and notes, and the services and sites My day
 * names the visits with. Nothing of other days or therapists: each part goes through the same policy
 * checks and audit events as when read one by one.
 */
export async function offlineDay(ctx: ServiceContext, actor: Actor): Promise<OfflineDay> {
  if (!actor.therapistId || !sessionCan(actor).myDay)
    throw new ForbiddenError('Only a therapist keeps their day on a tablet.');
  const date = dateIn(actor.orgTimeZone, ctx.now());
  const from = new Date(zonedWallTimeToInstant(date, '00:00', actor.orgTimeZone));
  const to = new Date(zonedWallTimeToInstant(addDays(date, 1), '00:00', actor.orgTimeZone));
  const { appointments } = await listAppointments(ctx, actor, {
    therapistId: actor.therapistId,
    from: date,
    to: date,
    limit: 200,
  });
  const noted = await patientsNotedBetween(ctx.db, actor.orgId, actor.therapistId, from, to);
  const patientIds = [...new Set([...appointments.map((a) => a.patientId), ...noted])];
  const patients: OfflinePatient[] = [];
  for (const patientId of patientIds) {
    const patient = await getPatient(ctx, actor, patientId);
    const gate = await getGate(ctx, actor, patientId);
    const { assessments } = await listPatientAssessments(ctx, actor, patientId);
    const { plans } = await listPatientPlans(ctx, actor, patientId);
    const { notes } = await listPatientNotes(ctx, actor, patientId);
    const today = notes.filter((n) => new Date(n.createdAt) >= from);
    const before = notes.find((n) => new Date(n.createdAt) < from);
    patients.push({ patient, gate, assessments, plans, notes: before ? [...today, before] : today });
  }
  const { services } = await listServices(ctx, actor);
  const { locations } = await listLocations(ctx, actor);
  await audit(ctx.db, actor, [
    {
      action: 'offline-day.keep',
      recordType: 'therapist',
      recordId: actor.therapistId,
      detail: { date, patients: patients.length, services: services.length, locations: locations.length },
    },
  ]);
  return { date, therapistId: actor.therapistId, appointments, patients, services, locations };
}
