import type { AppointmentStatus } from '../store/repos/appointments.ts';
import { canMove } from './booking/status.ts';
import type { Actor } from './context.ts';
import { isAllowed, type Action, type PatientFacts, type ResourceFacts } from './policies.ts';

/**
 * What the actor may do with one record, worked out from the policies and sent with the record,
 * so the web shows only the actions the API will accept instead of keeping its own copy of the rules.
 */

export interface NoteCan {
  /** Change the draft: SOAP, steps, reassessment, home care. */
  edit: boolean;
  sign: boolean;
  /** Correct the signed note with an amendment. */
  amend: boolean;
}

export function noteCan(
  actor: Actor,
  patient: PatientFacts,
  note: { therapistId: string; status: 'draft' | 'signed' },
): NoteCan {
  const facts = { patient, noteTherapistId: note.therapistId };
  const write = isAllowed(actor, 'session-note.write', facts);
  const draft = note.status === 'draft';
  return { edit: write && draft, sign: draft && isAllowed(actor, 'session-note.sign', facts), amend: write && !draft };
}

export interface GateCan {
  /** Let treatment go ahead despite a blocking decision (a manager's call). */
  override: boolean;
  recordClearance: boolean;
}

export function gateCan(actor: Actor, patient: PatientFacts): GateCan {
  return {
    override: isAllowed(actor, 'gate.override', { patient }),
    recordClearance: isAllowed(actor, 'clearance.record', { patient }),
  };
}

export interface PlanCan {
  edit: boolean;
  /** Book the plan's visits as one series: not yet booked, not completed, and the actor books at its site. */
  book: boolean;
}

export function planCan(
  actor: Actor,
  patient: PatientFacts,
  plan: {
    status: string;
    seriesId: string | null;
    patientId: string;
    therapistId: string | null;
    locationId: string | null;
  },
): PlanCan {
  const open = plan.status !== 'completed';
  const booking = {
    patientId: plan.patientId,
    therapistId: plan.therapistId,
    locationIds: plan.locationId ? [plan.locationId] : [],
  };
  return {
    edit: open && isAllowed(actor, 'plan.write', { patient }),
    book:
      open &&
      plan.seriesId === null &&
      isAllowed(actor, 'plan.book', { patient }) &&
      isAllowed(actor, 'appointment.book', { booking }),
  };
}

export interface StaffCan {
  /** Change the account: name, sites, disabled (managers and administrators: an administrator only). */
  edit: boolean;
  /** Disable the account: as edit, and never one's own. */
  disable: boolean;
}

export function staffCan(actor: Actor, member: { id: string; role: string; locationIds: string[] }): StaffCan {
  const edit = isAllowed(actor, 'staff.manage', { staffRole: member.role, locationIds: member.locationIds });
  return { edit, disable: edit && member.id !== actor.userId };
}

export interface LocationCan {
  /** Change the site: details, hours, closures, rooms. */
  manage: boolean;
  /** Add staff accounts and therapists who work here. */
  addStaff: boolean;
  /** Register new patients here, or register another site's patient here. */
  registerPatients: boolean;
}

export function locationCan(actor: Actor, locationId: string): LocationCan {
  const at = { locationIds: [locationId] };
  return {
    manage: isAllowed(actor, 'location.manage', at),
    addStaff: isAllowed(actor, 'staff.manage', at) && isAllowed(actor, 'therapist.manage', at),
    registerPatients: isAllowed(actor, 'patient.create', at) && isAllowed(actor, 'patient.register-site', at),
  };
}

/**
 * What the actor may do anywhere in their reach (their sites, their patients, themselves): the web's
 * menus and page guards read this instead of keeping their own copy of the role rules. Each answer is
 * the policy's answer for a record inside that reach, so a page the session opens is one the API serves.
 */
export interface SessionCan {
  searchPatients: boolean;
  registerPatient: boolean;
  /** Change a patient's details (a patient: their own record). */
  editPatient: boolean;
  mergePatients: boolean;
  /** Add, change and disable staff accounts at their sites. */
  manageStaff: boolean;
  /** Add managers and administrators (an administrator). */
  addManagers: boolean;
  /** Add a therapist in one step: record, credentials, sites, shifts and sign-in. */
  onboardTherapists: boolean;
  viewCredentials: boolean;
  viewAudit: boolean;
  /** The site calendar: marking visits and telling patients of changes (the desk's job). */
  frontDeskCalendar: boolean;
  /** A therapist's own appointments of the day, to attend them. */
  myDay: boolean;
  /** Book, move and wait-list other people's appointments at their sites. */
  bookForPatients: boolean;
  /** Book one's own appointments (a patient). */
  selfBook: boolean;
  /** Read the clinical chart: assessments, plans, session notes. */
  chart: boolean;
  /** Write session notes for patients in their care (a therapist). */
  writeNotes: boolean;
  fillIntake: boolean;
  fillMeasures: boolean;
  readMeasures: boolean;
  viewCareTeam: boolean;
  manageCareTeam: boolean;
  /** Site hours, closures, rooms and therapists' weeks. */
  manageSchedules: boolean;
  manageServices: boolean;
  editBookingSettings: boolean;
  viewOutcomes: boolean;
  /** The public "what to expect" text, per language (an administrator). */
  editPublicText: boolean;
  /** Review and post charges, check visits out, make and send claims (the desk's money work). */
  postCharges: boolean;
  /** The billing reports: A/R aging, unbilled visits, authorizations running out, revenue. */
  billingReports: boolean;
}

export function sessionCan(actor: Actor): SessionCan {
  const sites = { locationIds: actor.locationIds };
  // A patient inside the actor's reach: registered at their sites, in their care, or themselves.
  const patient: PatientFacts = {
    patientId: actor.patientId ?? 'a patient of theirs',
    siteIds: actor.locationIds,
    therapistIds: actor.therapistId ? [actor.therapistId] : [],
  };
  const someoneElse = { patientId: 'another patient', therapistId: null, locationIds: actor.locationIds };
  const may = (action: Action, facts: ResourceFacts = {}) => isAllowed(actor, action, facts);
  return {
    searchPatients: may('patient.search'),
    registerPatient: may('patient.create', sites),
    editPatient: may('patient.update', { patient }),
    mergePatients: may('patient.merge', { patient }),
    manageStaff: may('staff.manage', sites),
    addManagers: may('staff.manage', { ...sites, staffRole: 'manager' }),
    onboardTherapists: may('therapist.manage', sites) && may('staff.manage', sites),
    viewCredentials: may('therapist.read-credentials'),
    viewAudit: may('audit.read'),
    frontDeskCalendar: may('appointment.mark', { booking: someoneElse }),
    myDay:
      actor.therapistId !== null &&
      may('appointment.attend', { booking: { ...someoneElse, therapistId: actor.therapistId } }),
    bookForPatients: may('appointment.book', { booking: someoneElse }),
    selfBook:
      actor.patientId !== null &&
      may('appointment.book', { booking: { patientId: actor.patientId, therapistId: null, locationIds: [] } }),
    chart: may('assessment.read', { patient }),
    writeNotes: may('session-note.write', { patient }),
    fillIntake: may('intake.submit', { patient }),
    fillMeasures: may('measure.submit', { patient }),
    readMeasures: may('measure.read', { patient }),
    viewCareTeam: may('care.read', { patient }),
    manageCareTeam: may('care.manage', { patient, therapistSiteIds: actor.locationIds }),
    manageSchedules: may('schedule.manage', sites),
    manageServices: may('service.manage'),
    editBookingSettings: may('booking-settings.manage'),
    viewOutcomes: may('outcomes.read'),
    editPublicText: may('organization.manage'),
    postCharges: may('charge.post', { patient }) && may('claim.manage', { patient }),
    billingReports: may('billing-setup.manage'),
  };
}

export interface AppointmentCan {
  /** Move it to another time, therapist or site (a booked visit). */
  move: boolean;
  cancel: boolean;
  markArrived: boolean;
  /** Put an arrival recorded by mistake back to booked. */
  undoArrived: boolean;
  startSession: boolean;
  complete: boolean;
  noShow: boolean;
  /** A visit the schedule no longer allows: tell the patient, move it elsewhere, or cancel it for the clinic. */
  resolveConflict: boolean;
  /** Open this visit's session note (the visit's own therapist; it puts the visit in session). */
  startNote: boolean;
  /** Read the session note already opened for this visit. */
  openNote: boolean;
}

const MISSED: readonly AppointmentStatus[] = ['cancelled', 'late_cancel', 'no_show'];

/**
 * The same checks the appointment routes refuse with (403 for who, 409 for the state): `patient`
 * is the patient's access facts, needed only for the session note (null: not loaded, no note actions).
 */
export function appointmentCan(
  actor: Actor,
  visit: {
    patientId: string;
    therapistId: string;
    locationId: string;
    status: AppointmentStatus;
    sessionNoteId: string | null;
  },
  patient: PatientFacts | null,
): AppointmentCan {
  const booking = { patientId: visit.patientId, therapistId: visit.therapistId, locationIds: [visit.locationId] };
  const may = (action: Action) => isAllowed(actor, action, { booking });
  const change = may('appointment.change');
  const attend = may('appointment.attend');
  const step = (to: AppointmentStatus, allowed: boolean) => allowed && canMove(visit.status, to);
  const booked = visit.status === 'booked';
  const chart = (action: Action) => patient !== null && isAllowed(actor, action, { patient });
  return {
    move: booked && change,
    cancel: booked && change,
    markArrived: step('arrived', attend),
    undoArrived: step('booked', attend),
    startSession: step('in_session', attend),
    complete: step('completed', attend),
    noShow: step('no_show', may('appointment.mark')),
    resolveConflict: booked && change && may('appointment.notify'),
    startNote:
      visit.sessionNoteId === null &&
      !MISSED.includes(visit.status) &&
      actor.therapistId === visit.therapistId &&
      chart('session-note.write'),
    openNote: visit.sessionNoteId !== null && chart('session-note.read'),
  };
}
