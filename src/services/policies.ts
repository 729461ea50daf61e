import type { PatientScope } from '../store/repos/scope.ts';
import type { Actor } from './context.ts';
import { ForbiddenError } from './errors.ts';

/**
 * The one place that decides who may do what. Services load the facts about a record
 * (its patient's site, who treats the patient) and ask here; list queries ask for a scope
 * that the store turns into a WHERE clause, so a search can never return more than a read allows.
 */
export type Action =
  | 'patient.read'
  | 'patient.create'
  | 'patient.update'
  | 'patient.search'
  | 'patient.merge'
  | 'location.read'
  | 'location.manage'
  | 'location.create'
  | 'therapist.read'
  | 'therapist.read-credentials'
  | 'therapist.manage'
  | 'staff.read'
  | 'staff.manage'
  | 'organization.read'
  | 'organization.manage'
  | 'audit.read'
  | 'service.read'
  | 'service.manage'
  | 'booking-settings.manage'
  | 'schedule.read'
  | 'schedule.manage'
  | 'availability.read'
  | 'appointment.read'
  | 'appointment.book'
  | 'appointment.change'
  | 'appointment.attend'
  | 'appointment.mark'
  | 'appointment.notify'
  | 'waitlist.read'
  | 'waitlist.manage'
  | 'session-note.read'
  | 'session-note.write'
  | 'session-note.sign'
  | 'measure.read'
  | 'measure.submit'
  | 'home-care.read'
  | 'intake.read'
  | 'intake.submit'
  | 'gate.read'
  | 'gate.override'
  | 'clearance.record'
  | 'file.read'
  | 'assessment.read'
  | 'assessment.write'
  | 'plan.read'
  | 'plan.write'
  | 'plan.book'
  | 'record.download'
  | 'record.findings'
  | 'patient.book'
  | 'patient.lookup'
  | 'patient.register-site'
  | 'care.read'
  | 'care.manage'
  | 'outcomes.read'
  | 'payer.read'
  | 'payer.manage'
  | 'coverage.read'
  | 'coverage.manage'
  | 'charge.read'
  | 'charge.post'
  | 'balance.read'
  | 'balance.read-own'
  | 'claim.manage'
  | 'billing-setup.manage'
  | 'fhir.export'
  | 'fhir.import';

/** The facts about a patient that access depends on. */
export interface PatientFacts {
  patientId: string;
  /** The sites the patient is registered at (the preferred site and later registrations). */
  siteIds: string[];
  /** Therapists in a current care relationship the clinic granted; an appointment alone is none. */
  therapistIds: string[];
}

/** The access facts of a loaded patient (repos/patients findPatient or repos/care accessFacts). */
export function patientFacts(row: {
  id?: string;
  patientId?: string;
  siteIds: string[];
  therapistIds: string[];
}): PatientFacts {
  return { patientId: (row.patientId ?? row.id)!, siteIds: row.siteIds, therapistIds: row.therapistIds };
}

export type { PatientScope };

export function patientScope(actor: Actor): PatientScope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'organization' };
    case 'manager':
    case 'front_desk':
      return { kind: 'locations', locationIds: actor.locationIds };
    case 'therapist':
      return actor.therapistId ? { kind: 'therapist', therapistId: actor.therapistId } : { kind: 'none' };
    case 'patient':
      return actor.patientId ? { kind: 'self', patientId: actor.patientId } : { kind: 'none' };
  }
}

export function canAccessPatient(actor: Actor, patient: PatientFacts): boolean {
  const scope = patientScope(actor);
  switch (scope.kind) {
    case 'organization':
      return true;
    case 'self':
      return scope.patientId === patient.patientId;
    case 'locations':
      return patient.siteIds.some((id) => scope.locationIds.includes(id));
    case 'therapist':
      return patient.therapistIds.includes(scope.therapistId);
    case 'none':
      return false;
  }
}

export interface ResourceFacts {
  patient?: PatientFacts;
  /** For site-bound records: the site(s) the record belongs to. */
  locationIds?: string[];
  /** For appointments, holds and waitlist entries: who is booked with whom, where. */
  booking?: BookingFacts;
  /** For session notes: the therapist who treated (and alone may sign). */
  noteTherapistId?: string;
  /** For care relationships: the sites the therapist works at. */
  therapistSiteIds?: string[];
  /** For staff accounts: the role of the account added or changed. */
  staffRole?: string;
}

export interface BookingFacts {
  patientId: string;
  therapistId: string | null;
  locationIds: string[];
}

/** Appointments are read through the same scope as patients: own sites, own patients, own self. */
export function appointmentScope(actor: Actor): PatientScope {
  return patientScope(actor);
}

/**
 * Bookings: patients their own; the desk and managers at their sites; admins everywhere. Therapists
 * see and attend their own appointments (arrived, in session, completed) but do not book or move them.
 */
function bookingAllowed(actor: Actor, action: Action, booking: BookingFacts | undefined): boolean {
  if (!booking) return false;
  const own = actor.role === 'patient' && actor.patientId === booking.patientId;
  const atSites = (actor.role === 'front_desk' || actor.role === 'manager') && withinSites(actor, booking.locationIds);
  const treating =
    actor.role === 'therapist' && actor.therapistId !== null && actor.therapistId === booking.therapistId;
  switch (action) {
    case 'appointment.read':
      return actor.role === 'admin' || own || atSites || treating;
    case 'appointment.book':
    case 'appointment.change':
    case 'waitlist.manage':
      return actor.role === 'admin' || own || atSites;
    case 'appointment.attend':
      return actor.role === 'admin' || atSites || treating;
    // Marking a visit, and telling a patient it must move (or cancelling it for the clinic), is the desk's job.
    case 'appointment.mark':
    case 'appointment.notify':
      return actor.role === 'admin' || atSites;
    default:
      return false;
  }
}

/**
 * The chart of one patient (intake, gate, clearances, assessments, plans). Everyone who may see the
 * patient sees the intake, the gate and the plan; assessments are clinical detail for therapists,
 * managers and admins; therapists alone chart findings and write plans; overrides are a manager's call.
 */
function patientChartAllowed(actor: Actor, action: Action, patient: PatientFacts | undefined): boolean {
  if (!patient || !canAccessPatient(actor, patient)) return false;
  const clinician = actor.role === 'therapist' || actor.role === 'manager' || actor.role === 'admin';
  switch (action) {
    case 'intake.read':
    case 'intake.submit':
    case 'gate.read':
    case 'file.read':
    case 'plan.read':
    case 'record.download': // the record to take away: each part is then read under its own action
      return true;
    case 'clearance.record':
      return actor.role !== 'patient';
    case 'plan.book':
      // Booking itself is checked again by the scheduling service (therapists do not book).
      return actor.role !== 'therapist';
    case 'gate.override':
      return actor.role === 'manager' || actor.role === 'admin';
    case 'assessment.read':
      return clinician;
    case 'record.findings':
      // A patient's own copy of their record holds what was found (their right of access); the desk's does not.
      return clinician || actor.role === 'patient';
    case 'assessment.write':
    case 'plan.write':
      return actor.role === 'therapist';
    default:
      return false;
  }
}

export function isAllowed(actor: Actor, action: Action, facts: ResourceFacts = {}): boolean {
  const staff = actor.role !== 'patient';
  switch (action) {
    case 'patient.read':
      return facts.patient !== undefined && canAccessPatient(actor, facts.patient);
    case 'patient.update':
      // Therapists read demographics; the desk, managers and admins keep them; patients their own.
      return actor.role !== 'therapist' && facts.patient !== undefined && canAccessPatient(actor, facts.patient);
    case 'patient.create':
      return ['front_desk', 'manager', 'admin'].includes(actor.role) && withinSites(actor, facts.locationIds);
    case 'patient.search':
      return staff;
    case 'patient.merge':
      // Merging moves whole charts: a manager's or admin's call, for records they may both see.
      return (
        (actor.role === 'manager' || actor.role === 'admin') &&
        facts.patient !== undefined &&
        canAccessPatient(actor, facts.patient)
      );
    case 'location.read':
    case 'therapist.read':
    case 'organization.read':
    case 'service.read':
    case 'availability.read':
      return true;
    case 'schedule.read':
      return staff;
    case 'waitlist.read':
      // The list itself is scoped: patients their own entries, the desk its sites'.
      return actor.role !== 'therapist';
    case 'service.manage':
      return actor.role === 'admin' || actor.role === 'manager';
    case 'booking-settings.manage':
      return actor.role === 'admin';
    case 'schedule.manage':
      return (actor.role === 'admin' || actor.role === 'manager') && withinSites(actor, facts.locationIds);
    case 'appointment.read':
    case 'appointment.book':
    case 'appointment.change':
    case 'appointment.attend':
    case 'appointment.mark':
    case 'appointment.notify':
    case 'waitlist.manage':
      return bookingAllowed(actor, action, facts.booking);
    case 'intake.read':
    case 'intake.submit':
    case 'gate.read':
    case 'gate.override':
    case 'clearance.record':
    case 'file.read':
    case 'assessment.read':
    case 'assessment.write':
    case 'plan.read':
    case 'plan.write':
    case 'plan.book':
    case 'record.download':
    case 'record.findings':
      return patientChartAllowed(actor, action, facts.patient);
    case 'therapist.read-credentials':
    case 'staff.read':
      return staff;
    case 'outcomes.read':
      // Clinicians and those who run sites; the service narrows what each sees (own episodes, own sites).
      return actor.role === 'therapist' || actor.role === 'manager' || actor.role === 'admin';
    case 'location.create':
    case 'organization.manage':
    case 'audit.read':
      return actor.role === 'admin';
    case 'session-note.read':
    case 'session-note.write':
    case 'session-note.sign':
    case 'measure.read':
    case 'measure.submit':
    case 'home-care.read':
      return chartingAllowed(actor, action, facts);
    case 'staff.manage':
      // Managers and administrators are added and changed by an administrator only.
      if (facts.staffRole === 'manager' || facts.staffRole === 'admin') return actor.role === 'admin';
      return (actor.role === 'admin' || actor.role === 'manager') && withinSites(actor, facts.locationIds);
    case 'location.manage':
    case 'therapist.manage':
      return (actor.role === 'admin' || actor.role === 'manager') && withinSites(actor, facts.locationIds);
    case 'patient.book':
    case 'patient.lookup':
    case 'patient.register-site':
    case 'care.read':
    case 'care.manage':
      return careAllowed(actor, action, facts);
    case 'payer.read':
    case 'payer.manage':
    case 'coverage.read':
    case 'coverage.manage':
    case 'charge.read':
    case 'charge.post':
    case 'balance.read':
    case 'balance.read-own':
    case 'claim.manage':
    case 'billing-setup.manage':
      return billingAllowed(actor, action, facts.patient);
    case 'fhir.export':
      // Moving whole charts out: an admin's call, or a manager's for the patients of their own sites (a group).
      return actor.role === 'admin' || (actor.role === 'manager' && withinSites(actor, facts.locationIds));
    case 'fhir.import':
      // Bringing records in adds sites, therapists and payers to the organisation: what only an admin adds.
      return actor.role === 'admin';
  }
}

/**
 * Insurance is the desk's work: the front desk, managers and admins of the patient's sites read and
 * keep a patient's coverage and authorizations, and a patient reads their own. Therapists treat
 * without it (least privilege). The payer directory is kept by managers and admins, read by the desk.
 * Money: the desk, managers and admins post charges, payments and claims for patients of their sites;
 * a therapist sees the charges and balance of a patient in their care but posts no money; a patient
 * sees their own balance only. Who bills (the billing profile, NPIs, fee schedules) is a manager's or
 * admin's setting.
 */
function billingAllowed(actor: Actor, action: Action, patient: PatientFacts | undefined): boolean {
  const desk = actor.role === 'front_desk' || actor.role === 'manager' || actor.role === 'admin';
  const sees = patient !== undefined && canAccessPatient(actor, patient);
  switch (action) {
    case 'payer.read':
      return desk;
    case 'payer.manage':
      return actor.role === 'manager' || actor.role === 'admin';
    case 'coverage.read':
      return sees && (desk || actor.role === 'patient');
    case 'coverage.manage':
    case 'charge.post':
    case 'claim.manage':
      return sees && desk;
    case 'charge.read':
      return sees && (desk || actor.role === 'therapist');
    case 'balance.read':
      return sees;
    case 'balance.read-own':
      // The patient's own statement: what they owe and paid, never the payers' side.
      return sees && actor.role === 'patient';
    case 'billing-setup.manage':
      return actor.role === 'manager' || actor.role === 'admin';
    default:
      return false;
  }
}

/**
 * A booking opens the patient's chart to the therapist booked, so only someone who may already see
 * the patient books them (an appointment, a series, a waitlist place, a move to another therapist or
 * site). The desk reaches a patient of another site only by registering them at its own site, a
 * deliberate step found through an exact lookup. Managers and admins grant and end care relationships
 * with therapists of their sites; everyone who may see the patient sees the care team.
 */
function careAllowed(actor: Actor, action: Action, facts: ResourceFacts): boolean {
  const desk = actor.role === 'front_desk' || actor.role === 'manager' || actor.role === 'admin';
  const sees = facts.patient !== undefined && canAccessPatient(actor, facts.patient);
  switch (action) {
    case 'patient.book':
      return (desk || actor.role === 'patient') && sees;
    case 'patient.lookup':
      return desk;
    case 'patient.register-site':
      return desk && withinSites(actor, facts.locationIds);
    case 'care.read':
      return actor.role !== 'patient' && sees;
    case 'care.manage': {
      if (!sees) return false;
      if (actor.role === 'admin') return true;
      return actor.role === 'manager' && (facts.therapistSiteIds ?? []).some((id) => actor.locationIds.includes(id));
    }
    default:
      return false;
  }
}

/**
 * Clinical records of a visit, within the patient scope: therapists chart for patients in their care
 * (a granted care relationship), and only the treating therapist signs; managers and admins read; the front desk
 * reads no clinical notes but may hand a patient the measures due and enter them; patients read their
 * own measures and sent home care (services check "sent") and may submit measures themselves.
 */
function chartingAllowed(actor: Actor, action: Action, facts: ResourceFacts): boolean {
  if (!facts.patient || !canAccessPatient(actor, facts.patient)) return false;
  const role = actor.role;
  switch (action) {
    case 'session-note.read':
      return role === 'therapist' || role === 'manager' || role === 'admin';
    case 'session-note.write':
      return role === 'therapist';
    case 'session-note.sign':
      return role === 'therapist' && actor.therapistId !== null && actor.therapistId === facts.noteTherapistId;
    case 'measure.read':
    case 'home-care.read':
      return role !== 'front_desk';
    case 'measure.submit':
      return role === 'patient' || role === 'front_desk' || role === 'therapist';
    default:
      return false;
  }
}

/** A site-bound action is allowed when every site it touches is one of the actor's (admins: all). */
function withinSites(actor: Actor, locationIds: string[] | undefined): boolean {
  if (actor.role === 'admin') return true;
  return !!locationIds && locationIds.length > 0 && locationIds.every((id) => actor.locationIds.includes(id));
}

export function authorize(actor: Actor, action: Action, facts: ResourceFacts = {}): void {
  if (!isAllowed(actor, action, facts)) throw new ForbiddenError();
}
