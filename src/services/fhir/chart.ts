import type { Resource } from '@medplum/fhirtypes';
import { toConditions } from '../../fhir/condition.ts';
import { toConsent } from '../../fhir/consent.ts';
import type { FhirContext } from '../../fhir/base.ts';
import { toCarePlan, toGoals, type PlanInput } from '../../fhir/care-plan.ts';
import { toEncounter } from '../../fhir/encounter.ts';
import { toMeasureObservation } from '../../fhir/observation-measure.ts';
import { toTriggerPointObservations, type TriggerPointFinding } from '../../fhir/observation-trigger-point.ts';
import { toVitalsObservations } from '../../fhir/observation-vitals.ts';
import { toProcedure } from '../../fhir/procedure.ts';
import { toQuestionnaireResponse } from '../../fhir/questionnaire.ts';
import { listAssessments } from '../../store/repos/charting-assessments.ts';
import { listPlans } from '../../store/repos/charting-plans.ts';
import { listIntakeReadings, listScreeningHistory } from '../../store/repos/fhir.ts';
import { listResponses } from '../../store/repos/sessions/measures.ts';
import { listNotes } from '../../store/repos/sessions/notes.ts';
import { listSteps } from '../../store/repos/sessions/steps.ts';
import { audit, type AuditRecord } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { patientAccess, refuse } from '../charting/session-access.ts';
import { isAllowed, type Action, type PatientFacts } from '../policies.ts';

/**
 * A patient's chart as FHIR, one section at a time. Each section is read under the action the JSON
 * API reads it under (the same policy), and each section read is audited under that action.
 */
export type Section = 'visits' | 'measures' | 'assessments' | 'plans' | 'intake' | 'screening';

const ACTION: Record<Section, Action> = {
  visits: 'session-note.read',
  measures: 'measure.read',
  assessments: 'assessment.read',
  plans: 'plan.read',
  intake: 'intake.read',
  screening: 'gate.read',
};

export const SECTIONS = Object.keys(ACTION) as Section[];

async function loadSection(ctx: ServiceContext, actor: Actor, fhir: FhirContext, section: Section, patientId: string) {
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
      const rows = await listIntakeReadings(db, org, patientId);
      return rows.flatMap((r) =>
        toVitalsObservations({
          id: r.id,
          patientId: r.patientId,
          takenAt: r.submittedAt,
          ...(r.bloodPressure ? { bloodPressure: r.bloodPressure } : {}),
          ...(r.temperatureC !== null ? { temperatureC: r.temperatureC } : {}),
        }),
      );
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
  options: { strict?: boolean } = {},
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
    const found = await loadSection(ctx, actor, fhir, section, patientId);
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
