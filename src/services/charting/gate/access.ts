import type { Queryable } from '../../../store/database.ts';
import { findPatient } from '../../../store/repos/patients.ts';
import { audit } from '../../audit.ts';
import type { Actor } from '../../context.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { isAllowed, patientFacts, type Action, type PatientFacts } from '../../policies.ts';

/** Shared by the intake, gate, clearance, assessment and plan use cases: who may touch this chart. */

export interface ChartAccess {
  patientId: string;
  patientName: string;
  facts: { patient: PatientFacts };
}

/** Loads the patient (another organisation's is "not found"), checks `action`, audits a refusal. */
export async function requireChart(
  db: Queryable,
  actor: Actor,
  patientId: string,
  action: Action,
): Promise<ChartAccess> {
  const patient = await findPatient(db, actor.orgId, patientId);
  if (!patient) throw new NotFoundError('No such patient.');
  const facts = { patient: patientFacts(patient) };
  if (!isAllowed(actor, action, facts)) {
    await audit(db, actor, [{ action, outcome: 'denied', patientId, recordType: 'patient', recordId: patientId }]);
    throw new ForbiddenError('You do not have access to this part of the chart.');
  }
  return { patientId: patient.id, patientName: `${patient.givenName} ${patient.familyName}`, facts };
}
