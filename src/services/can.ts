import type { Actor } from './context.ts';
import { isAllowed, type PatientFacts } from './policies.ts';

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
  note: { practitionerId: string; status: 'draft' | 'signed' },
): NoteCan {
  const facts = { patient, notePractitionerId: note.practitionerId };
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
    practitionerId: string | null;
    locationId: string | null;
  },
): PlanCan {
  const open = plan.status !== 'completed';
  const booking = {
    patientId: plan.patientId,
    therapistId: plan.practitionerId,
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
