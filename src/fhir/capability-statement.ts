import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { includesOf } from './include.ts';
import { IMPORT_TYPES } from './import-bundle.ts';

/** What the read API answers: each type's read, and the search parameters it takes. */
export const SUPPORTED: Record<string, { read: boolean; search: readonly string[] }> = {
  Patient: { read: true, search: ['name', 'birthdate', 'identifier', '_count'] },
  Observation: { read: true, search: ['patient', 'subject', 'code', 'date', '_count'] },
  Appointment: { read: true, search: ['patient', 'date', '_count'] },
  Encounter: { read: true, search: ['patient', 'subject', 'date', '_count'] },
  Condition: { read: true, search: ['patient', 'subject', '_count'] },
  Procedure: { read: true, search: ['patient', 'subject', '_count'] },
  CarePlan: { read: true, search: ['patient', 'subject', '_count'] },
  Goal: { read: true, search: ['patient', 'subject', '_count'] },
  QuestionnaireResponse: { read: true, search: ['patient', 'subject', '_count'] },
  DocumentReference: { read: true, search: ['patient', 'subject', '_count'] },
  Consent: { read: true, search: ['patient', '_count'] },
  Coverage: { read: true, search: ['patient', '_count'] },
  Practitioner: { read: true, search: ['_count'] },
  PractitionerRole: { read: true, search: ['_count'] },
  Location: { read: true, search: ['_count'] },
  Organization: { read: true, search: [] },
  Questionnaire: { read: true, search: [] },
  CodeSystem: { read: true, search: [] },
  AuditEvent: { read: false, search: ['patient', '_count'] },
};

const SEARCH_TYPES: Record<string, 'token' | 'date' | 'reference' | 'string' | 'number'> = {
  name: 'string',
  birthdate: 'date',
  identifier: 'token',
  patient: 'reference',
  subject: 'reference',
  code: 'token',
  date: 'date',
  _count: 'number',
  _offset: 'number',
};

/** Every search that takes `_count` pages with `_offset` too. */
const withPaging = (search: readonly string[]) => (search.includes('_count') ? [...search, '_offset'] : search);

/** The server's CapabilityStatement; `date` is when it was produced. */
export function toCapabilityStatement(base: string, date: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Knotwork',
    kind: 'instance',
    software: { name: 'Knotwork' },
    implementation: { description: 'Knotwork FHIR R4 API: read, search, bulk export and import', url: base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: {
          description: 'A signed-in session (the Knotwork session cookie); the same access rules as the app.',
        },
        interaction: [
          {
            code: 'transaction',
            documentation:
              `POST a transaction Bundle of ${IMPORT_TYPES.join(', ')} to the base: all or nothing, and ` +
              'idempotent by identifier (importing it again changes nothing).',
          },
        ],
        resource: Object.entries(SUPPORTED).map(([type, s]): CapabilityStatementRestResource => ({
          type: type as CapabilityStatementRestResource['type'],
          interaction: [
            ...(s.read ? [{ code: 'read' as const }] : []),
            ...(s.search.length > 0 ? [{ code: 'search-type' as const }] : []),
          ],
          searchParam: withPaging(s.search).map((name) => ({ name, type: SEARCH_TYPES[name]! })),
          ...(includesOf(type).length > 0 ? { searchInclude: includesOf(type) } : {}),
          ...(type === 'Patient'
            ? {
                operation: [
                  { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
