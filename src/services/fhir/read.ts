import type { Resource } from '@medplum/fhirtypes';
import type { FhirContext } from '../../fhir/base.ts';
import { toAppointment } from '../../fhir/appointment.ts';
import { codeSystemNameOf, codeSystemResource } from '../../fhir/code-systems.ts';
import { INTAKE_QUESTIONNAIRE_ID, toIntakeQuestionnaire } from '../../fhir/intake-questionnaire.ts';
import { toLocation } from '../../fhir/location.ts';
import { toOrganization } from '../../fhir/organization.ts';
import { toPatient } from '../../fhir/patient.ts';
import { toPractitionerRole } from '../../fhir/practitioner-role.ts';
import { toPractitioner } from '../../fhir/practitioner.ts';
import { isMeasureId, toQuestionnaire } from '../../fhir/questionnaire.ts';
import { recordOwner, type OwnedKind } from '../../store/repos/fhir.ts';
import { getAppointment } from '../booking/appointment-reads.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { getLocation } from '../locations.ts';
import { getOrganizationProfile } from '../organization-profile.ts';
import { getPatient } from '../patients.ts';
import { getTherapist } from '../therapists.ts';
import { readChart, type Section } from './chart.ts';
import { readCoverage, readPayer } from './coverage.ts';
import { fhirContext } from './context.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Which charted record a resource id names: its table, the record's id, and the chart section it is read in. */
const CHARTED: Record<string, Array<{ pattern: RegExp; kind: OwnedKind; section: Section }>> = {
  Observation: [
    { pattern: new RegExp(`^(${UUID})$`), kind: 'measure', section: 'measures' },
    { pattern: new RegExp(`^(${UUID})-tp\\d+$`), kind: 'assessment', section: 'assessments' },
    { pattern: new RegExp(`^(${UUID})-(bp|temp)$`), kind: 'intake', section: 'intake' },
    { pattern: new RegExp(`^(${UUID})-rom\\d+$`), kind: 'assessment', section: 'assessments' },
    { pattern: new RegExp(`^(${UUID})-rom-(before|after)\\d+$`), kind: 'note', section: 'visits' },
  ],
  QuestionnaireResponse: [
    { pattern: new RegExp(`^(${UUID})$`), kind: 'measure', section: 'measures' },
    { pattern: new RegExp(`^(${UUID})$`), kind: 'intake', section: 'intake' },
  ],
  DocumentReference: [
    { pattern: new RegExp(`^(${UUID})$`), kind: 'clearance', section: 'letters' },
    { pattern: new RegExp(`^(${UUID})$`), kind: 'home-care', section: 'home-care' },
  ],
  Encounter: [{ pattern: new RegExp(`^(${UUID})$`), kind: 'note', section: 'visits' }],
  Procedure: [{ pattern: new RegExp(`^(${UUID})$`), kind: 'step', section: 'visits' }],
  Condition: [{ pattern: new RegExp(`^(${UUID})-[A-Z0-9.]+$`), kind: 'assessment', section: 'assessments' }],
  CarePlan: [{ pattern: new RegExp(`^(${UUID})$`), kind: 'plan', section: 'plans' }],
  Goal: [{ pattern: new RegExp(`^(${UUID})-g\\d+$`), kind: 'plan', section: 'plans' }],
  Consent: [{ pattern: new RegExp(`^(${UUID})$`), kind: 'screening', section: 'screening' }],
};

const isUuid = (id: string) => new RegExp(`^${UUID}$`).test(id);

const notFound = (type: string, _id?: string): never => {
  throw new NotFoundError(`There is no such ${type} here.`);
};

async function readCharted(
  ctx: ServiceContext,
  actor: Actor,
  fhir: FhirContext,
  type: string,
  id: string,
  origin: string,
) {
  // One id shape may name records of several tables (a questionnaire answer is a measure's or an intake's).
  for (const c of CHARTED[type]!) {
    const m = c.pattern.exec(id);
    if (!m) continue;
    const patientId = await recordOwner(ctx.db, actor.orgId, c.kind, m[1]!);
    if (!patientId) continue;
    const { resources } = await readChart(ctx, actor, fhir, patientId, [c.section], { strict: true, origin });
    return resources.find((r) => r.resourceType === type && r.id === id) ?? notFound(type, id);
  }
  return notFound(type, id);
}

/**
 * GET /<type>/<id>: the record through the same service (and so the same policy and audit) the JSON
 * API uses. `origin` is the server as the client reached it, for links to documents.
 */
export async function readResource(
  ctx: ServiceContext,
  actor: Actor,
  type: string,
  id: string,
  origin = '',
): Promise<Resource> {
  const fhir = await fhirContext(ctx.db, actor);
  if (type in CHARTED) return readCharted(ctx, actor, fhir, type, id, origin);
  switch (type) {
    case 'CodeSystem': {
      const name = codeSystemNameOf(id);
      return name ? codeSystemResource(fhir, name) : notFound(type, id);
    }
    case 'Questionnaire':
      if (id === INTAKE_QUESTIONNAIRE_ID) return toIntakeQuestionnaire(fhir);
      return isMeasureId(id) ? toQuestionnaire(fhir, id) : notFound(type, id);
  }
  if (!isUuid(id)) return notFound(type, id);
  switch (type) {
    case 'Patient':
      return toPatient(fhir, await getPatient(ctx, actor, id));
    case 'Appointment':
      return toAppointment(fhir, await getAppointment(ctx, actor, id));
    case 'Location':
      return toLocation(fhir, await getLocation(ctx, actor, id));
    case 'Organization': {
      // Any other organisation Knotwork names is a payer of the directory.
      if (id !== actor.orgId) return readPayer(ctx, actor, fhir, id);
      return toOrganization(fhir, await getOrganizationProfile(ctx, actor));
    }
    case 'Coverage':
      return readCoverage(ctx, actor, fhir, id);
    case 'Practitioner': {
      const t = await getTherapist(ctx, actor, id);
      return toPractitioner(fhir, t, 'credentials' in t ? t.credentials : []);
    }
    case 'PractitionerRole':
      return toPractitionerRole(fhir, await getTherapist(ctx, actor, id));
    default:
      return notFound(type, id);
  }
}
