/**
 * What booking tells the desk about the patient's authorizations: a visit outside every
 * authorization, or past the count authorized. A warning, never a refusal. Patients booking
 * themselves, and staff who do not keep coverage (therapists), are told nothing of the payer.
 */
import { bookingWarnings, type BookingWarning } from '../../billing/index.ts';
import type { Queryable } from '../../store/database.ts';
import { authorizationsInForce } from '../../store/repos/billing-coverage.ts';
import { audit, type AuditRecord } from '../audit.ts';
import type { Actor } from '../context.ts';
import { isAllowed, type PatientFacts } from '../policies.ts';

export type { BookingWarning };

/** Run before the booking's visits are written (so they are not yet counted as used). */
export async function authorizationWarnings(
  db: Queryable,
  actor: Actor,
  /** `hasAuthorizations`, when the caller read it with the patient: false spares the read. */
  patient: PatientFacts & { hasAuthorizations?: boolean },
  dates: readonly string[],
  /** Where a caller writing its own audit events in one statement collects this read's (else written here). */
  audited?: AuditRecord[],
): Promise<BookingWarning[]> {
  // A patient may read their own coverage, but booking is not the place to show them the payer's count.
  if (actor.role === 'patient' || !isAllowed(actor, 'coverage.read', { patient })) return [];
  if (patient.hasAuthorizations === false) return [];
  const authorizations = await authorizationsInForce(db, actor.orgId, patient.patientId);
  const warnings = bookingWarnings(authorizations, new Map(authorizations.map((a) => [a.id, a.used])), dates);
  if (warnings.length > 0) {
    const read: AuditRecord = {
      action: 'authorization.read',
      patientId: patient.patientId,
      recordType: 'authorization',
      recordId: patient.patientId,
      detail: { warnings: warnings.length },
    };
    if (audited) audited.push(read);
    else await audit(db, actor, [read]);
  }
  return warnings;
}
