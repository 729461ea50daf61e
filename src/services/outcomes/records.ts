import { lookupDiagnosis } from '../../clinical/diagnoses/index.ts';
import { PhaseSchema } from '../../clinical/plan/index.ts';
import type { AssessmentRecord, PatientRecords } from '../../outcomes/episodes/index.ts';
import type { OutcomeSources, PlanSource } from '../../store/repos/outcome-sources.ts';

/**
 * Turns stored charting rows into the records episodes are built from, per patient. An episode's
 * condition group is its opening assessment's primary (first) diagnosis; its phase and planned
 * visits come from the plan made from that assessment (or, for an older plan with no link, the
 * first plan started on or after it). A completed plan is the discharge, dated the day it was completed.
 */
export function patientRecordsFrom(
  sources: OutcomeSources,
  localDate: (at: Date) => string,
): Map<string, PatientRecords> {
  const byPatient = new Map<
    string,
    {
      assessments: AssessmentRecord[];
      sessions: PatientRecords['sessions'][number][];
      scores: PatientRecords['scores'][number][];
      discharges: { date: string }[];
    }
  >();
  const of = (patientId: string) => {
    let entry = byPatient.get(patientId);
    if (!entry) byPatient.set(patientId, (entry = { assessments: [], sessions: [], scores: [], discharges: [] }));
    return entry;
  };
  const plansOf = new Map<string, PlanSource[]>();
  for (const plan of sources.plans) {
    plansOf.set(plan.patientId, [...(plansOf.get(plan.patientId) ?? []), plan]);
    if (plan.status === 'completed') of(plan.patientId).discharges.push({ date: localDate(plan.updatedAt) });
  }
  for (const a of sources.assessments) {
    const plans = plansOf.get(a.patientId) ?? [];
    const plan =
      plans.find((p) => p.assessmentId === a.id) ??
      plans.find((p) => p.assessmentId === null && localDate(p.createdAt) >= a.assessedOn);
    const group = a.diagnoses.length > 0 ? lookupDiagnosis(a.diagnoses[0]!)?.group : undefined;
    const phase = PhaseSchema.safeParse(plan?.phase);
    const site = a.locationId ?? plan?.locationId ?? null;
    of(a.patientId).assessments.push({
      id: a.id,
      date: a.assessedOn,
      ...(site ? { site } : {}),
      ...(a.therapistId ? { therapist: a.therapistId } : {}),
      ...(group ? { conditionGroup: group } : {}),
      ...(phase.success ? { phase: phase.data } : {}),
      ...(plan?.totalVisits ? { plannedVisits: plan.totalVisits } : {}),
    });
  }
  for (const s of sources.sessions) {
    of(s.patientId).sessions.push({
      id: s.id,
      date: localDate(s.at),
      signed: true,
      therapist: s.therapistId,
      ...(s.locationId ? { site: s.locationId } : {}),
      ...(s.reliefDays !== null ? { reliefDays: s.reliefDays } : {}),
    });
  }
  for (const m of sources.scores) {
    of(m.patientId).scores.push({
      measure: m.measure,
      score: Number(m.score),
      date: localDate(m.takenAt),
      ...(m.sessionNoteId ? { sessionId: m.sessionNoteId } : {}),
    });
  }
  return new Map([...byPatient].map(([patientId, r]) => [patientId, { patientId, ...r }]));
}
