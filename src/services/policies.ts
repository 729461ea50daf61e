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
  | 'location.read'
  | 'location.manage'
  | 'location.create'
  | 'practitioner.read'
  | 'practitioner.read-credentials'
  | 'practitioner.manage'
  | 'staff.read'
  | 'staff.manage'
  | 'organization.read'
  | 'organization.manage'
  | 'audit.read';

/** The facts about a patient that access depends on. */
export interface PatientFacts {
  patientId: string;
  preferredLocationId: string | null;
  /** Practitioners in a current care relationship (or, later, with appointments) with the patient. */
  practitionerIds: string[];
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
      return actor.practitionerId ? { kind: 'practitioner', practitionerId: actor.practitionerId } : { kind: 'none' };
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
      return patient.preferredLocationId !== null && scope.locationIds.includes(patient.preferredLocationId);
    case 'practitioner':
      return patient.practitionerIds.includes(scope.practitionerId);
    case 'none':
      return false;
  }
}

/** Sites an actor may manage (null: every site of the organisation). */
export function manageableLocations(actor: Actor): string[] | null {
  if (actor.role === 'admin') return null;
  if (actor.role === 'manager') return actor.locationIds;
  return [];
}

export interface ResourceFacts {
  patient?: PatientFacts;
  /** For site-bound records: the site(s) the record belongs to. */
  locationIds?: string[];
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
    case 'location.read':
    case 'practitioner.read':
    case 'organization.read':
      return true;
    case 'practitioner.read-credentials':
    case 'staff.read':
      return staff;
    case 'location.create':
    case 'organization.manage':
    case 'audit.read':
      return actor.role === 'admin';
    case 'location.manage':
    case 'practitioner.manage':
    case 'staff.manage':
      return (actor.role === 'admin' || actor.role === 'manager') && withinSites(actor, facts.locationIds);
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
