import type { Resource } from '@medplum/fhirtypes';
import { romNorm } from '../../clinical/assessment/index.ts';
import { toConditions } from '../../fhir/condition.ts';
import { toConsent } from '../../fhir/consent.ts';
import type { FhirContext } from '../../fhir/base.ts';
import { toCarePlan, toGoals, type PlanInput } from '../../fhir/care-plan.ts';
import { toClearanceDocument, toHomeCareDocument } from '../../fhir/document-reference.ts';
import { toEncounter } from '../../fhir/encounter.ts';
import { toIntakeResponse } from '../../fhir/intake-questionnaire.ts';
import { toMeasureObservation } from '../../fhir/observation-measure.ts';
import { toTriggerPointObservations, type TriggerPointFinding } from '../../fhir/observation-trigger-point.ts';
import { toVitalsObservations } from '../../fhir/observation-vitals.ts';
import { toRomObservations, type RomMeasurement } from '../../fhir/observation-rom.ts';
import { toProcedure } from '../../fhir/procedure.ts';
import { toQuestionnaireResponse } from '../../fhir/questionnaire.ts';
import { listAssessments } from '../../store/repos/charting-assessments.ts';
import { listPlans } from '../../store/repos/charting-plans.ts';
import {
  listClearanceLetters,
  listIntakeDocuments,
  listIntakeReadings,
  listScreeningHistory,
} from '../../store/repos/fhir.ts';
import { listForPatient as listHomeCare } from '../../store/repos/sessions/homecare.ts';
import { listResponses } from '../../store/repos/sessions/measures.ts';
import { listNotes, type NoteRow } from '../../store/repos/sessions/notes.ts';
import { findReassessment, listSteps } from '../../store/repos/sessions/steps.ts';
import { audit, type AuditRecord } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { readRom } from '../charting/session-reassessment.ts';
import { patientAccess, refuse } from '../charting/session-access.ts';
import { isAllowed, type Action, type PatientFacts } from '../policies.ts';

/**
 * A patient's chart as FHIR, one section at a time. Each section is read under the action the JSON
 * API reads it under (the same policy), and each section read is audited under that action.
 */
export type Section =
  'visits' | 'measures' | 'assessments' | 'plans' | 'intake' | 'screening' | 'letters' | 'home-care';

const ACTION: Record<Section, Action> = {
  visits: 'session-note.read',
  measures: 'measure.read',
  assessments: 'assessment.read',
  plans: 'plan.read',
  intake: 'intake.read',
  screening: 'gate.read',
  letters: 'file.read',
  'home-care': 'home-care.read',
};

export const SECTIONS = Object.keys(ACTION) as Section[];

/** A visit's range of motion: measured before treatment (the note) and after (the reassessment). */
async function visitRom(ctx: ServiceContext, fhir: FhirContext, note: NoteRow): Promise<Resource[]> {
  const after = await findReassessment(ctx.db, note.orgId, note.id);
  const common = {
    id: note.id,
    patientId: note.patientId,
    therapistId: note.therapistId,
    encounterId: note.id,
  };
  const withNorm = (rows: ReturnType<typeof readRom>): RomMeasurement[] =>
    rows.map((r) => ({ ...r, normal: romNorm(r.joint, r.motion) }));
  return [
    ...toRomObservations(fhir, {
      ...common,
      taken: 'before',
      effective: note.createdAt.toISOString(),
      rows: withNorm(readRom(note.objective.rom)),
    }),
    ...(after
      ? toRomObservations(fhir, {
          ...common,
          taken: 'after',
          effective: after.recordedAt.toISOString(),
          rows: withNorm(readRom(after.rom)),
        })
      : []),
  ];
}

async function loadSection(
  ctx: ServiceContext,
  actor: Actor,
  fhir: FhirContext,
  section: Section,
  patientId: string,
  origin: string,
) {
  const db = ctx.db;
  const org = actor.orgId;
  switch (section) {
    case 'visits': {
      const notes = await listNotes(db, org, patientId);
      const out: Resource[] = [];
      for (const note of notes) {
        out.push(toEncounter(fhir, note));
        const steps = await listSteps(db, org, note.id);
        out.push(...steps.map((s) => toProcedure(fhir, s, note)));
        out.push(...(await visitRom(ctx, fhir, note)));
      }
      return out;
    }
    case 'measures': {
      const rows = await listResponses(db, org, patientId);
      return rows.flatMap((r) => [toMeasureObservation(fhir, r), toQuestionnaireResponse(fhir, r)]);
    }
    case 'assessments': {
      const rows = await listAssessments(db, org, patientId);
      return rows.flatMap((a) => [
        ...toConditions(fhir, a),
        ...toTriggerPointObservations(fhir, {
          ...a,
          triggerPoints: (a.findings.triggerPoints ?? []) as TriggerPointFinding[],
        }),
        ...toRomObservations(fhir, {
          id: a.id,
          taken: 'assessment',
          patientId: a.patientId,
          therapistId: a.therapistId,
          effective: a.assessedOn,
          rows: (a.findings.rom ?? []) as RomMeasurement[],
        }),
      ]);
    }
    case 'plans': {
      const rows = await listPlans(db, org, patientId);
      return rows.flatMap((p) => {
        const input = { ...p, plan: p.plan as PlanInput['plan'] };
        return [toCarePlan(fhir, input), ...toGoals(fhir, input)];
      });
    }
    case 'intake': {
      const documents = await listIntakeDocuments(db, org, patientId);
      const rows = await listIntakeReadings(db, org, patientId);
      return [
        ...documents.map((d) => toIntakeResponse(fhir, d)),
        ...rows.flatMap((r) =>
          toVitalsObservations({
            id: r.id,
            patientId: r.patientId,
            takenAt: r.submittedAt,
            ...(r.bloodPressure ? { bloodPressure: r.bloodPressure } : {}),
            ...(r.temperatureC !== null ? { temperatureC: r.temperatureC } : {}),
          }),
        ),
      ];
    }
    case 'letters':
      return (await listClearanceLetters(db, org, patientId)).map((c) => toClearanceDocument(fhir, origin, c));
    case 'home-care': {
      // A patient sees a handout once it was sent, as the app shows it.
      const plans = await listHomeCare(db, org, patientId, actor.role === 'patient');
      return plans.map((h) => toHomeCareDocument(fhir, origin, h));
    }
    case 'screening': {
      const rows = await listScreeningHistory(db, org, patientId);
      return rows.map((s) =>
        toConsent(fhir, { ...s, override: s.overriddenAt ? { decidedAt: s.overriddenAt } : null }),
      );
    }
  }
}

export interface ChartRead {
  facts: PatientFacts;
  resources: Resource[];
  /** The sections this actor may not read (left out, not refused, when several were asked for). */
  withheld: Section[];
}

/**
 * Reads `sections` of one patient's chart. The patient must be one the actor may read (a refusal is
 * audited and thrown, as the JSON API does); a section the actor's role does not read is left out.
 */
export async function readChart(
  ctx: ServiceContext,
  actor: Actor,
  fhir: FhirContext,
  patientId: string,
  sections: readonly Section[],
  /** `origin`: the server as the client reached it, for links to documents (e.g. `https://clinic.example`). */
  options: { strict?: boolean; origin?: string } = {},
): Promise<ChartRead> {
  const { facts } = await patientAccess(ctx.db, actor.orgId, patientId);
  if (!isAllowed(actor, 'patient.read', facts)) await refuse(ctx.db, actor, 'patient.read', patientId);
  const allowed = sections.filter((s) => isAllowed(actor, ACTION[s], facts));
  const refused = sections.find((s) => !allowed.includes(s));
  // One record asked for by id: a section the role does not read is a refusal, audited as the JSON API does.
  if (options.strict && refused) await refuse(ctx.db, actor, ACTION[refused], patientId);
  const resources: Resource[] = [];
  const events: AuditRecord[] = [];
  for (const section of allowed) {
    const found = await loadSection(ctx, actor, fhir, section, patientId, options.origin ?? '');
    resources.push(...found);
    events.push({
      action: ACTION[section],
      patientId,
      recordType: 'patient',
      recordId: patientId,
      detail: { via: 'fhir', resources: found.length },
    });
  }
  await audit(ctx.db, actor, events);
  return { facts: facts.patient, resources, withheld: sections.filter((s) => !allowed.includes(s)) };
}
