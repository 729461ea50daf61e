// The patient's own record, to take away: the same data as JSON (machine-readable) and as a PDF in
// the patient's language. Each part is read under the action the chart's own pages read it under, so
// a download never shows more than the person may already see; the download itself is audited.
import { listAssessments, type AssessmentRow } from '../../store/repos/charting-assessments.ts';
import { listPlans, type PlanRow } from '../../store/repos/charting-plans.ts';
import { listCoverages, type CoverageRow } from '../../store/repos/billing-coverage.ts';
import { patientEntries } from '../../store/repos/billing-ledger.ts';
import { listScreeningHistory, type ScreeningHistoryRow } from '../../store/repos/fhir.ts';
import { findPatient, type PatientRow } from '../../store/repos/patients.ts';
import {
  recordAppointments,
  recordIntakes,
  type RecordAppointment,
  type RecordIntake,
} from '../../store/repos/patient-record.ts';
import { listForPatient, type HomeCareRow, type HomeCareVisit } from '../../store/repos/sessions/homecare.ts';
import { listResponses, type MeasureResponseRow } from '../../store/repos/sessions/measures.ts';
import { listNotes, type NoteRow } from '../../store/repos/sessions/notes.ts';
import { dateIn } from '../../time/index.ts';
import { supportedLocale, type Locale } from '../../words/locales.ts';
import { audit } from '../audit.ts';
import { balanceOfPatient } from '../billing/ledger.ts';
import { refuse } from '../charting/session-access.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { missingPatient } from '../patient-duplicates.ts';
import { isAllowed, patientFacts, type Action, type PatientFacts } from '../policies.ts';
import { renderRecord } from './record-pdf.ts';

export type RecordFormat = 'json' | 'pdf';

/** The parts of a record, each with the action that reads it. */
const PARTS = {
  intake: 'intake.read',
  screening: 'gate.read',
  assessments: 'record.findings',
  plans: 'plan.read',
  notes: 'session-note.read',
  measures: 'measure.read',
  homeCare: 'home-care.read',
  coverage: 'coverage.read',
  balance: 'balance.read',
} as const satisfies Record<string, Action>;
export type RecordPart = keyof typeof PARTS;

export interface PatientRecord {
  generatedAt: Date;
  /** The language the PDF is written in. */
  language: Locale;
  patient: Omit<PatientRow, 'orgId' | 'version'>;
  appointments: RecordAppointment[];
  intake: RecordIntake[] | null;
  screening: ScreeningHistoryRow[] | null;
  assessments: AssessmentRow[] | null;
  plans: PlanRow[] | null;
  notes: NoteRow[] | null;
  measures: MeasureResponseRow[] | null;
  homeCare: Array<HomeCareRow & HomeCareVisit> | null;
  coverage: CoverageRow[] | null;
  balance: { dueNow: number; patient: number } | null;
  /** The parts this viewer does not read (null above): a patient reads no visit notes, the desk no findings. */
  withheld: RecordPart[];
}

async function loadPart(ctx: ServiceContext, actor: Actor, part: RecordPart, patientId: string) {
  const { db } = ctx;
  const org = actor.orgId;
  switch (part) {
    case 'intake':
      return recordIntakes(db, org, patientId);
    case 'screening':
      return listScreeningHistory(db, org, patientId);
    case 'assessments':
      return listAssessments(db, org, patientId);
    case 'plans':
      return listPlans(db, org, patientId);
    case 'notes':
      return listNotes(db, org, patientId);
    case 'measures':
      return listResponses(db, org, patientId);
    case 'homeCare':
      // A patient's copy holds the home care sent to them, as their own page does.
      return listForPatient(db, org, patientId, actor.role === 'patient');
    case 'coverage':
      return listCoverages(db, org, patientId);
    case 'balance': {
      const { dueNow, patient } = balanceOfPatient(patientId, await patientEntries(db, org, patientId));
      return { dueNow, patient };
    }
  }
}

/**
 * Gathers the record of one patient: a patient their own, staff a patient whose chart they may open
 * (a desk of another site is refused, and the refusal audited). `lang` chooses the PDF's language,
 * otherwise the patient's own.
 */
async function gatherRecord(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  format: RecordFormat,
  lang: Locale | undefined,
): Promise<PatientRecord> {
  const row = await findPatient(ctx.db, actor.orgId, patientId);
  if (!row) return missingPatient(ctx, actor, patientId);
  const facts: { patient: PatientFacts } = { patient: patientFacts(row) };
  if (!isAllowed(actor, 'record.download', facts)) await refuse(ctx.db, actor, 'record.download', patientId);
  const now = ctx.now();
  const appointments = (await recordAppointments(ctx.db, actor.orgId, patientId)).filter((a) =>
    isAllowed(actor, 'appointment.read', {
      booking: { patientId, therapistId: a.therapistId, locationIds: [a.locationId] },
    }),
  );
  const parts = Object.keys(PARTS) as RecordPart[];
  const allowed = parts.filter((p) => isAllowed(actor, PARTS[p], facts));
  const loaded = new Map<RecordPart, unknown>();
  for (const part of allowed) loaded.set(part, await loadPart(ctx, actor, part, patientId));
  const withheld = parts.filter((p) => !allowed.includes(p));
  const language = lang ?? supportedLocale(row.communication.language) ?? 'en';
  await audit(ctx.db, actor, [
    {
      action: 'record.download',
      patientId,
      recordType: 'patient',
      recordId: patientId,
      detail: { format, language, appointments: appointments.length, withheld },
    },
  ]);
  const { orgId: _org, version: _version, siteIds: _sites, therapistIds: _therapists, ...patient } = row;
  const part = <T>(name: RecordPart) => (loaded.has(name) ? (loaded.get(name) as T) : null);
  return {
    generatedAt: now,
    language,
    patient,
    appointments,
    intake: part('intake'),
    screening: part('screening'),
    assessments: part('assessments'),
    plans: part('plans'),
    notes: part('notes'),
    measures: part('measures'),
    homeCare: part('homeCare'),
    coverage: part('coverage'),
    balance: part('balance'),
    withheld,
  };
}

/** The file name of a download: the date it was made, never the patient's name. */
export function recordFileName(ctx: ServiceContext, actor: Actor, format: RecordFormat): string {
  return `health-record-${dateIn(actor.orgTimeZone, ctx.now())}.${format}`;
}

export function patientRecord(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  lang?: Locale,
): Promise<PatientRecord> {
  return gatherRecord(ctx, actor, patientId, 'json', lang);
}

export async function patientRecordPdf(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  lang?: Locale,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const record = await gatherRecord(ctx, actor, patientId, 'pdf', lang);
  return renderRecord(record, actor.orgTimeZone, options);
}
