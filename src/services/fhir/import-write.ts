import {
  entryName,
  resolveReference,
  type ImportEntry,
  type ImportProblem,
  type ImportType,
} from '../../fhir/import-bundle.ts';
import type { PatientDraft, TherapistDraft } from '../../fhir/import-people.ts';
import type { LocationDraft, PayerDraft } from '../../fhir/import-places.ts';
import type { AppointmentDraft, CoverageDraft } from '../../fhir/import-visits.ts';
import type { Transactional } from '../../store/database.ts';
import { registerAtSite } from '../../store/repos/care.ts';
import * as repo from '../../store/repos/fhir-import.ts';
import { dateIn } from '../../time/index.ts';
import { audit } from '../audit.ts';
import { createCoverage, updateCoverage } from '../billing/coverage.ts';
import { createPayer } from '../billing/payers.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { createLocation } from '../locations.ts';
import { createPatient } from '../patients.ts';
import { addCredential, createTherapist } from '../therapists.ts';

/** One entry's record, written through the same use cases (rules, audit) as the JSON API's creates. */

export type Draft =
  | { type: 'Patient'; value: PatientDraft }
  | { type: 'Practitioner'; value: TherapistDraft }
  | { type: 'Location'; value: LocationDraft }
  | { type: 'Organization'; value: PayerDraft }
  | { type: 'Coverage'; value: CoverageDraft }
  | { type: 'Appointment'; value: AppointmentDraft };

export interface WriteScope {
  db: Transactional;
  now: () => Date;
  actor: Actor;
  entries: readonly ImportEntry[];
  /** Entry index → the record it was written as or matched to. */
  ids: Map<number, string>;
}

type Written = { id: string; created: boolean } | { problems: ImportProblem[] };

const WORDS: Record<ImportType, string> = {
  Patient: 'patient',
  Practitioner: 'therapist',
  Location: 'site',
  Organization: 'payer',
  Coverage: 'coverage',
  Appointment: 'appointment',
};

/** The record a reference names, within the Bundle or already here; a problem when neither. */
async function target(
  scope: WriteScope,
  entry: ImportEntry,
  reference: string,
  types: readonly ImportType[],
  path: string,
): Promise<{ type: ImportType; id: string } | ImportProblem> {
  const found = resolveReference(reference, types, scope.entries);
  if (found && 'entry' in found) {
    const id = scope.ids.get(found.entry);
    if (id) return { type: found.type, id };
  } else if (found && (await repo.recordExists(scope.db, scope.actor.orgId, found.type, found.id)))
    return { type: found.type, id: found.id };
  const what = found ? WORDS[found.type] : types.map((t) => WORDS[t]).join(' or ');
  return {
    entry: entry.index,
    path,
    text:
      `${entryName(entry.index, entry.type)}: the ${what} ` +
      `it names (${reference.slice(0, 80)}) is neither in this Bundle nor kept here.`,
    code: 'not-found',
  };
}

const isProblem = (x: unknown): x is ImportProblem => typeof x === 'object' && x !== null && 'text' in x;

export async function writeEntry(scope: WriteScope, entry: ImportEntry, draft: Draft): Promise<Written> {
  const ctx: ServiceContext = { db: scope.db, now: scope.now };
  const { actor } = scope;
  switch (draft.type) {
    case 'Location':
      return { id: (await createLocation(ctx, actor, draft.value)).id, created: true };
    case 'Organization':
      return { id: (await createPayer(ctx, actor, draft.value)).id, created: true };
    case 'Practitioner': {
      const { credentials, ...fields } = draft.value;
      const made = await createTherapist(ctx, actor, fields);
      for (const c of credentials) await addCredential(ctx, actor, made.id, c);
      return { id: made.id, created: true };
    }
    case 'Patient':
      return { id: (await createPatient(ctx, actor, draft.value, { confirmNotDuplicate: true })).id, created: true };
    case 'Coverage':
      return writeCoverage(scope, ctx, entry, draft.value);
    case 'Appointment':
      return writeAppointment(scope, entry, draft.value);
  }
}

async function writeCoverage(
  scope: WriteScope,
  ctx: ServiceContext,
  entry: ImportEntry,
  c: CoverageDraft,
): Promise<Written> {
  const patient = await target(scope, entry, c.beneficiary, ['Patient'], 'beneficiary');
  const payor = c.payor ? await target(scope, entry, c.payor.reference, [c.payor.type], 'payor') : null;
  const problems = [patient, payor].filter(isProblem);
  if (problems.length > 0 || isProblem(patient)) return { problems };
  const payerId = payor && !isProblem(payor) && payor.type === 'Organization' ? payor.id : null;
  const same = await repo.findSameCoverage(scope.db, scope.actor.orgId, {
    ...c.fields,
    patientId: patient.id,
    payerId,
  });
  if (same) return { id: same, created: false };
  const row = await createCoverage(ctx, scope.actor, patient.id, { ...c.fields, payerId });
  if (c.ended) {
    const lastDay = c.fields.effectiveTo ?? dateIn(scope.actor.orgTimeZone, scope.now());
    await updateCoverage(ctx, scope.actor, row.id, row.version, {}, { effectiveTo: lastDay });
  }
  return { id: row.id, created: true };
}

/**
 * A visit as the other system kept it (its status and times as they were): written straight to the
 * schedule, as booking rules (shifts, notice) judge new bookings, not visits that already happened. The
 * database still refuses a double booking. The patient is registered at the visit's site, so its desk
 * sees them; a service the clinic does not offer yet is added, switched off.
 */
async function writeAppointment(scope: WriteScope, entry: ImportEntry, a: AppointmentDraft): Promise<Written> {
  const resolved = await Promise.all(
    a.participants.map((ref) => target(scope, entry, ref, ['Patient', 'Practitioner', 'Location'], 'participant')),
  );
  const problems = resolved.filter(isProblem);
  if (problems.length > 0) return { problems };
  const idOf = (type: ImportType) =>
    resolved.find((r) => !isProblem(r) && r.type === type) as { id: string } | undefined;
  const missing = (['Patient', 'Practitioner', 'Location'] as const).filter((t) => !idOf(t));
  if (missing.length > 0)
    return {
      problems: missing.map((t) => ({
        entry: entry.index,
        path: 'participant',
        text: `${entryName(entry.index, entry.type)}: the ${WORDS[t]} taking part is missing.`,
        code: 'invalid' as const,
      })),
    };
  const { db, actor } = scope;
  const now = scope.now();
  const visit: repo.ImportedVisit = {
    patientId: idOf('Patient')!.id,
    therapistId: idOf('Practitioner')!.id,
    locationId: idOf('Location')!.id,
    serviceCode: a.serviceCode,
    status: a.status,
    start: a.start,
    end: a.end,
    notes: a.notes,
    cancelReason: a.cancelReason,
    createdAt: a.created ?? now,
  };
  const same = await repo.findSameVisit(db, actor.orgId, visit);
  if (same) return { id: same, created: false };
  const minutes = Math.round((a.end.getTime() - a.start.getTime()) / 60_000);
  await repo.ensureService(db, actor.orgId, { code: a.serviceCode, name: a.serviceName, minutes });
  const id = await repo.insertImportedVisit(db, actor.orgId, visit, actor.userId, now);
  await registerAtSite(db, actor.orgId, visit.patientId, visit.locationId, {
    userId: actor.userId,
    reason: 'Imported with a visit at this site',
    at: now,
  });
  await audit(db, actor, [
    { action: 'appointment.import', patientId: visit.patientId, recordType: 'appointment', recordId: id },
  ]);
  return { id, created: true };
}
