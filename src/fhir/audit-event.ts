import type { AuditEvent, AuditEventEntity } from '@medplum/fhirtypes';
import { compact, identifierSystem, instant, ref, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';

export interface AuditInput {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  outcome: 'allowed' | 'denied';
  patientId: string | null;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
}

/** AuditEvent.action, required binding http://hl7.org/fhir/audit-event-action (C, R, U, D, E). */
export function auditAction(action: string): 'C' | 'R' | 'U' | 'D' | 'E' {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  if (/^(read|list|search|browse|lookup|download|export|everything)/.test(verb)) return 'R';
  if (/^(create|book|submit|record|register|join|add|grant)/.test(verb)) return 'C';
  if (/^(update|change|amend|sign|move|reschedule|edit|rename|mark|replace|merge)/.test(verb)) return 'U';
  if (/^(delete|remove|revoke|cancel|end|leave)/.test(verb)) return 'D';
  return 'E';
}

/** The FHIR resource a Knotwork record type is published as, where there is one. */
const RECORD_TYPES: Record<string, string> = {
  patient: 'Patient',
  appointment: 'Appointment',
  assessment: 'Observation',
  plan: 'CarePlan',
  note: 'Encounter',
  'session-note': 'Encounter',
  location: 'Location',
  therapist: 'Practitioner',
};

export function toAuditEvent(ctx: FhirContext, e: AuditInput): AuditEvent {
  const entity: AuditEventEntity[] = [];
  if (e.patientId) entity.push({ what: ref('Patient', e.patientId), role: roleCoding('1', 'Patient') });
  const type = e.recordType ? RECORD_TYPES[e.recordType] : undefined;
  if (e.recordId && !(type === 'Patient' && e.recordId === e.patientId)) {
    entity.push({
      what: type
        ? ref(type, e.recordId)
        : { identifier: { system: identifierSystem(ctx, e.recordType ?? 'record'), value: e.recordId } },
      role: roleCoding('4', 'Domain Resource'),
    });
  }
  return compact<AuditEvent>({
    resourceType: 'AuditEvent',
    id: String(e.id),
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    subtype: [knotworkCoding(ctx, 'audit-action', e.action)],
    action: auditAction(e.action),
    recorded: instant(e.at),
    outcome: e.outcome === 'allowed' ? '0' : '4',
    agent: [
      compact({
        who: e.actorUserId
          ? {
              identifier: { system: identifierSystem(ctx, 'user'), value: e.actorUserId },
              ...(e.actorName ? { display: e.actorName } : {}),
            }
          : { display: 'Knotwork' },
        ...(e.actorRole ? { role: [{ text: e.actorRole }] } : {}),
        requestor: e.actorUserId !== null,
        network: e.ip ? { address: e.ip, type: '2' as const } : undefined,
      }),
    ],
    source: { observer: { display: 'Knotwork' }, site: ctx.base },
    entity,
  });
}

function roleCoding(code: string, display: string) {
  return { system: 'http://terminology.hl7.org/CodeSystem/object-role', code, display };
}
