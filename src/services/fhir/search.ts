import type { Bundle, Coding, Resource } from '@medplum/fhirtypes';
import { toAppointment } from '../../fhir/appointment.ts';
import { toAuditEvent } from '../../fhir/audit-event.ts';
import type { FhirContext } from '../../fhir/base.ts';
import { searchset } from '../../fhir/bundle.ts';
import { CODE_SYSTEM_NAMES, codeSystemResource } from '../../fhir/code-systems.ts';
import { includedReferences, parseIncludes } from '../../fhir/include.ts';
import { toIntakeQuestionnaire } from '../../fhir/intake-questionnaire.ts';
import { toLocation } from '../../fhir/location.ts';
import { toOrganization } from '../../fhir/organization.ts';
import { pageLinks, parseOffset, readPageToken } from '../../fhir/paging.ts';
import { toPatient } from '../../fhir/patient.ts';
import { toPractitionerRole } from '../../fhir/practitioner-role.ts';
import { toPractitioner } from '../../fhir/practitioner.ts';
import { toQuestionnaire } from '../../fhir/questionnaire.ts';
import {
  inRange,
  isRefusal,
  parseCount,
  parseDateParams,
  parseToken,
  referenceId,
  type DateRange,
  type Refusal,
} from '../../fhir/search-params.ts';
import { listAppointments } from '../../store/repos/appointments.ts';
import { addDays, dateIn, zonedWallTimeToInstant } from '../../time/index.ts';
import { audit } from '../audit.ts';
import { browseAudit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { listLocations } from '../locations.ts';
import { getOrganizationProfile } from '../organization-profile.ts';
import { getPatient, searchPatients } from '../patients.ts';
import { appointmentScope } from '../policies.ts';
import { listTherapists } from '../therapists.ts';
import { readChart, SECTIONS, type Section } from './chart.ts';
import { fhirContext } from './context.ts';
import { coveragesInChart, patientCoverages, payerOrganizations } from './coverage.ts';
import { readResource } from './read.ts';

/** Query parameters as they arrive: each name with all its values. */
export type SearchParams = Record<string, string[]>;

const refuse = (field: string, refusal: Refusal): never => {
  throw new ValidationError({ [field]: refusal.refused }, refusal.refused);
};

const one = (params: SearchParams, name: string) => params[name]?.[0];

function dateRange(params: SearchParams, name: string): DateRange | null {
  const values = params[name];
  if (!values?.length) return null;
  const range = parseDateParams(values, name);
  return isRefusal(range) ? refuse(name, range) : range;
}

/** Which chart sections hold each patient-owned type. */
const SECTIONS_OF: Record<string, Section[]> = {
  Observation: ['measures', 'assessments', 'intake', 'visits'],
  QuestionnaireResponse: ['measures', 'intake'],
  DocumentReference: ['letters', 'home-care'],
  Encounter: ['visits'],
  Procedure: ['visits'],
  Condition: ['assessments'],
  CarePlan: ['plans'],
  Goal: ['plans'],
  Consent: ['screening'],
};

/** The calendar date (in the organisation's zone) a clinical resource is about. */
function clinicalDate(r: Resource, zone: string): string | null {
  const when =
    (r as { effectiveDateTime?: string }).effectiveDateTime ??
    (r as { period?: { start?: string } }).period?.start ??
    (r as { performedDateTime?: string }).performedDateTime ??
    (r as { authored?: string }).authored;
  if (!when) return null;
  return when.length <= 10 ? when : dateIn(zone, new Date(when));
}

function codingsOf(r: Resource): Coding[] {
  return (r as { code?: { coding?: Coding[] } }).code?.coding ?? [];
}

function patientParam(actor: Actor, params: SearchParams): string {
  const given = one(params, 'patient') ?? one(params, 'subject');
  if (given) return referenceId(given, 'Patient');
  if (actor.role === 'patient' && actor.patientId) return actor.patientId;
  throw new ValidationError(
    { patient: 'Name the patient, e.g. patient=Patient/<id>.' },
    'Name the patient, e.g. patient=Patient/<id>.',
  );
}

/** Where a page starts and how many it holds. */
interface Page {
  offset: number;
  count: number;
}

const pageOf = <T>(all: readonly T[], page: Page) => all.slice(page.offset, page.offset + page.count);

async function searchCharted(
  ctx: ServiceContext,
  actor: Actor,
  fhir: FhirContext,
  type: string,
  params: SearchParams,
  origin: string,
) {
  const patientId = patientParam(actor, params);
  const range = dateRange(params, 'date');
  const code = one(params, 'code');
  const token = code ? parseToken(code) : null;
  const { resources } = await readChart(ctx, actor, fhir, patientId, SECTIONS_OF[type]!, { origin });
  return resources.filter((r) => {
    if (r.resourceType !== type) return false;
    if (token && !codingsOf(r).some((c) => c.code === token.code && (!token.system || c.system === token.system)))
      return false;
    if (range) {
      const date = clinicalDate(r, actor.orgTimeZone);
      if (!date || !inRange(date, range)) return false;
    }
    return true;
  });
}

const FAR_PAST = new Date('1900-01-01T00:00:00Z');
const FAR_FUTURE = new Date('2200-01-01T00:00:00Z');

/** Appointments through the same scope as the calendar, each shown one audited as the JSON list is. */
async function searchAppointments(
  ctx: ServiceContext,
  actor: Actor,
  fhir: FhirContext,
  params: SearchParams,
  page: Page,
) {
  const given = one(params, 'patient') ?? one(params, 'actor');
  const range = dateRange(params, 'date');
  const rows = await listAppointments(ctx.db, actor.orgId, appointmentScope(actor), {
    patientId: given ? referenceId(given, 'Patient') : undefined,
    // The date narrows the query itself: local days of the organisation, as the calendar reads them.
    from: range?.from ? new Date(zonedWallTimeToInstant(range.from, '00:00', actor.orgTimeZone)) : FAR_PAST,
    to: range?.to ? new Date(zonedWallTimeToInstant(addDays(range.to, 1), '00:00', actor.orgTimeZone)) : FAR_FUTURE,
    limit: 100_000,
  });
  const matches = range ? rows.filter((r) => inRange(dateIn(actor.orgTimeZone, r.start), range)) : rows;
  const shown = pageOf(matches, page);
  await audit(
    ctx.db,
    actor,
    shown.map((r) => ({
      action: 'appointment.list',
      patientId: r.patientId,
      recordType: 'appointment',
      recordId: r.id,
    })),
  );
  return { total: matches.length, resources: shown.map((r) => toAppointment(fhir, r)) };
}

/** Every word of `name` starts one of the patient's names (as the patient search reads a name). */
const named =
  (name: string | undefined) => (p: { givenName: string; familyName: string; preferredName: string | null }) =>
    !name ||
    name
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean)
      .every((word) =>
        [p.givenName, p.familyName, p.preferredName ?? ''].some((n) => n.toLowerCase().startsWith(word)),
      );

async function searchPatientResources(
  ctx: ServiceContext,
  actor: Actor,
  fhir: FhirContext,
  params: SearchParams,
  page: Page,
) {
  const name = one(params, 'name')?.trim();
  const identifier = one(params, 'identifier');
  const birth = dateRange(params, 'birthdate');
  const keep = (p: { dateOfBirth: string }) => !birth || inRange(p.dateOfBirth, birth);
  const byId = async (id: string) => {
    try {
      return [await getPatient(ctx, actor, id)];
    } catch (err) {
      if (err instanceof NotFoundError) return [];
      throw err;
    }
  };
  let found;
  if (identifier) found = await byId(referenceId(parseToken(identifier).code, 'Patient'));
  // A patient's search finds themself, or no one.
  else if (actor.role === 'patient') found = (actor.patientId ? await byId(actor.patientId) : []).filter(named(name));
  else {
    const oneDay = birth?.from && birth.from === birth.to ? birth.from : undefined;
    const q = name || oneDay;
    if (!q && birth) refuse('birthdate', { refused: 'Search by a birth date on one day, or add a name.' });
    // Filtered here only by a birth date beside a name; otherwise the service's page and total stand.
    const filtered = Boolean(name && birth);
    if (!filtered) {
      // The service pages by page number: a page boundary is asked for as one, anything else from the start.
      const aligned = page.count > 0 && page.offset % page.count === 0;
      const answer = await searchPatients(ctx, actor, {
        q,
        page: aligned ? page.offset / page.count + 1 : 1,
        pageSize: aligned ? page.count : Math.max(page.offset + page.count, 1),
      });
      const shown = aligned ? answer.patients.slice(0, page.count) : pageOf(answer.patients, page);
      return { total: answer.total, resources: shown.map((p) => toPatient(fhir, p)) };
    }
    found = (await searchPatients(ctx, actor, { q, page: 1, pageSize: 500 })).patients;
  }
  const matches = found.filter(keep);
  return { total: matches.length, resources: pageOf(matches, page).map((p) => toPatient(fhir, p)) };
}

/** The server as the client reached it (the FHIR base without `/fhir/R4`), for links to documents. */
const originOf = (serverBase: string) => serverBase.replace(/\/fhir\/R4$/, '');

interface Matches {
  total: number;
  resources: Resource[];
}

/**
 * The resources `_include` names, each read as a read by id would be (same policy, same audit); one
 * the caller may not read, or that is gone, is left out rather than failing the search.
 */
async function includeResources(
  ctx: ServiceContext,
  actor: Actor,
  includes: readonly string[],
  matches: readonly Resource[],
  origin: string,
): Promise<Resource[]> {
  const out: Resource[] = [];
  for (const literal of includedReferences(includes, matches)) {
    const [type, id] = literal.split('/') as [string, string];
    try {
      out.push(await readResource(ctx, actor, type, id, origin));
    } catch (err) {
      if (!(err instanceof NotFoundError || err instanceof ForbiddenError)) throw err;
    }
  }
  return out;
}

/**
 * GET /<type>?…: a searchset Bundle of what the actor may see, `total` counted before paging,
 * `_count` matches from `_offset` on (with self / next / previous links), then what `_include` names.
 */
export async function searchResources(
  ctx: ServiceContext,
  actor: Actor,
  type: string,
  given: SearchParams,
  serverBase: string,
): Promise<Bundle> {
  // A page link stands for the whole search it continues.
  const token = one(given, '_page');
  const search = token === undefined ? given : readPageToken(token);
  if (isRefusal(search)) return refuse('_page', search);
  const params = search as SearchParams;
  const count = parseCount(one(params, '_count'));
  const offset = parseOffset(one(params, '_offset'));
  const page: Page = {
    count: isRefusal(count) ? refuse('_count', count) : count,
    offset: isRefusal(offset) ? refuse('_offset', offset) : offset,
  };
  const includes = parseIncludes(type, params._include ?? []);
  if (isRefusal(includes)) refuse('_include', includes);
  const origin = originOf(serverBase);
  const { total, resources } = await findMatches(ctx, actor, type, params, page, origin);
  const included = await includeResources(ctx, actor, includes as string[], resources, origin);
  const links = pageLinks(`${serverBase}/${type}`, params, { ...page, total });
  return searchset(serverBase, resources, total, included, links);
}

async function findMatches(
  ctx: ServiceContext,
  actor: Actor,
  type: string,
  params: SearchParams,
  window: Page,
  origin: string,
): Promise<Matches> {
  const fhir = await fhirContext(ctx.db, actor);
  const page = (resources: Resource[]): Matches => ({ total: resources.length, resources: pageOf(resources, window) });
  if (type in SECTIONS_OF) return page(await searchCharted(ctx, actor, fhir, type, params, origin));
  switch (type) {
    case 'Patient':
      return searchPatientResources(ctx, actor, fhir, params, window);
    case 'Appointment':
      return searchAppointments(ctx, actor, fhir, params, window);
    case 'Practitioner':
    case 'PractitionerRole': {
      const { therapists } = await listTherapists(ctx, actor, {});
      return page(
        therapists.map((t) =>
          type === 'Practitioner'
            ? toPractitioner(fhir, t, 'credentials' in t ? t.credentials : [])
            : toPractitionerRole(fhir, t),
        ),
      );
    }
    case 'Location':
      return page((await listLocations(ctx, actor)).locations.map((l) => toLocation(fhir, l)));
    case 'Organization':
      return page([
        toOrganization(fhir, await getOrganizationProfile(ctx, actor)),
        ...(await payerOrganizations(ctx, actor, fhir)),
      ]);
    case 'Coverage': {
      const found = await patientCoverages(ctx, actor, fhir, patientParam(actor, params));
      return page(found.filter((r) => r.resourceType === 'Coverage'));
    }
    case 'CodeSystem':
      return page(CODE_SYSTEM_NAMES.map((n) => codeSystemResource(fhir, n)));
    case 'Questionnaire':
      return page([
        ...(['nprs', 'ndi', 'odi', 'psfs'] as const).map((m) => toQuestionnaire(fhir, m)),
        toIntakeQuestionnaire(fhir),
      ]);
    case 'AuditEvent': {
      const patient = one(params, 'patient');
      const { events } = await browseAudit(ctx, actor, {
        ...(patient ? { patient: referenceId(patient, 'Patient') } : {}),
        limit: Math.max(window.offset + window.count, 1),
      });
      return { total: events.length, resources: pageOf(events, window).map((e) => toAuditEvent(fhir, e)) };
    }
    default:
      throw new NotFoundError(`Knotwork does not serve ${type} resources.`);
  }
}

/**
 * Patient/<id>/$everything: the patient, every chart section the actor may read, their appointments,
 * and the organisation, sites and therapists those name.
 */
export async function patientEverything(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  serverBase: string,
): Promise<Bundle> {
  const fhir = await fhirContext(ctx.db, actor);
  const patient = toPatient(fhir, await getPatient(ctx, actor, patientId));
  const { resources, facts } = await readChart(ctx, actor, fhir, patientId, SECTIONS, { origin: originOf(serverBase) });
  resources.push(...(await coveragesInChart(ctx, actor, fhir, patientId, facts)));
  const everyOne = { offset: 0, count: 100_000 };
  const appointments = (await searchAppointments(ctx, actor, fhir, { patient: [patientId] }, everyOne)).resources;
  const all: Resource[] = [patient, ...appointments, ...resources];
  const text = JSON.stringify(all);
  const named = (type: string) =>
    new Set([...text.matchAll(new RegExp(`"${type}/([0-9a-f-]{36})"`, 'g'))].map((m) => m[1]!));
  const locations = named('Location');
  const therapists = named('Practitioner');
  const directory: Resource[] = [toOrganization(fhir, await getOrganizationProfile(ctx, actor))];
  for (const l of (await listLocations(ctx, actor)).locations)
    if (locations.has(l.id)) directory.push(toLocation(fhir, l));
  for (const t of (await listTherapists(ctx, actor, {})).therapists)
    if (therapists.has(t.id)) directory.push(toPractitioner(fhir, t, 'credentials' in t ? t.credentials : []));
  return searchset(serverBase, [...all, ...directory], all.length + directory.length);
}
