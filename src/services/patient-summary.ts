import * as repo from '../store/repos/patient-summary.ts';
import { findPatient } from '../store/repos/patients.ts';
import { audit } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { ForbiddenError } from './errors.ts';
import { missingPatient } from './patient-duplicates.ts';
import { isAllowed, patientFacts, type PatientFacts } from './policies.ts';
import { dateIn } from '../time/index.ts';

/** How far along the plan being followed is: visits attended since it started, and booked ahead. */
export interface PlanProgress {
  id: string;
  status: repo.PlanLine['status'];
  phase: string | null;
  totalVisits: number | null;
  visitsDone: number;
  visitsBooked: number;
  /** The visit number of the next reassessment still ahead, if the plan has one. */
  nextReassessmentAt: number | null;
}

export interface PatientSummary {
  visits: { upcoming: repo.VisitLine[]; past: repo.VisitLine[] };
  plan: PlanProgress | null;
  /** Session notes, only for those who may read clinical notes (never the front desk or the patient). */
  notes: repo.NoteLine[] | null;
  /** What the viewer may do from here. */
  can: { book: boolean; readNotes: boolean; merge: boolean; readCoverage: boolean; manageCoverage: boolean };
}

const VISITS_SHOWN = 6;
const NOTES_SHOWN = 20;

async function progressOf(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  now: Date,
): Promise<PlanProgress | null> {
  const plan = await repo.currentPlan(ctx.db, actor.orgId, patientId);
  if (!plan) return null;
  const since = plan.plan.startDate ?? dateIn(actor.orgTimeZone, plan.createdAt);
  const counts = await repo.visitCounts(ctx.db, actor.orgId, patientId, since, now);
  const ahead = (plan.plan.reassessmentAtVisits ?? []).filter((v) => v > counts.done).sort((a, b) => a - b);
  return {
    id: plan.id,
    status: plan.status,
    phase: plan.plan.phase ?? null,
    totalVisits: plan.plan.totalVisits ?? null,
    visitsDone: counts.done,
    visitsBooked: counts.booked,
    nextReassessmentAt: ahead[0] ?? null,
  };
}

/**
 * The patient's page as a hub: visits to come and past, the plan's progress and the session
 * notes, each part only as far as the viewer may see it (a therapist their own visits, the
 * front desk no clinical notes). One audit event says what was shown.
 */
export async function patientSummary(ctx: ServiceContext, actor: Actor, patientId: string): Promise<PatientSummary> {
  const row = await findPatient(ctx.db, actor.orgId, patientId);
  if (!row) return missingPatient(ctx, actor, patientId);
  const patient: PatientFacts = patientFacts(row);
  if (!isAllowed(actor, 'patient.read', { patient })) {
    await audit(ctx.db, actor, [
      { action: 'patient.summary', outcome: 'denied', patientId, recordType: 'patient', recordId: patientId },
    ]);
    throw new ForbiddenError('You do not have access to this patient.');
  }
  const now = ctx.now();
  const all = await repo.visitsOf(ctx.db, actor.orgId, patientId, now, VISITS_SHOWN);
  const seen = (v: repo.VisitLine) =>
    isAllowed(actor, 'appointment.read', {
      booking: { patientId, therapistId: v.therapistId, locationIds: [v.locationId] },
    });
  const readNotes = isAllowed(actor, 'session-note.read', { patient });
  // A visit's note is named only to those who may open notes.
  const visit = (v: repo.VisitLine) => (readNotes ? v : { ...v, noteId: null });
  const visits = { upcoming: all.upcoming.filter(seen).map(visit), past: all.past.filter(seen).map(visit) };
  const plan = isAllowed(actor, 'plan.read', { patient }) ? await progressOf(ctx, actor, patientId, now) : null;
  const notes = readNotes ? await repo.notesOf(ctx.db, actor.orgId, patientId, NOTES_SHOWN) : null;
  await audit(ctx.db, actor, [
    {
      action: 'patient.summary',
      patientId,
      recordType: 'patient',
      recordId: patientId,
      detail: {
        visits: visits.upcoming.length + visits.past.length,
        notes: notes?.length ?? null,
        plan: plan !== null,
      },
    },
  ]);
  return {
    visits,
    plan,
    notes,
    can: {
      book:
        actor.role === 'patient' ||
        isAllowed(actor, 'appointment.book', {
          booking: {
            patientId,
            therapistId: null,
            locationIds: row.preferredLocationId ? [row.preferredLocationId] : [],
          },
        }),
      readNotes,
      merge: isAllowed(actor, 'patient.merge', { patient }),
      // The insurance section: coverages and authorizations (read), and adding them (the desk).
      readCoverage: isAllowed(actor, 'coverage.read', { patient }),
      manageCoverage: isAllowed(actor, 'coverage.manage', { patient }),
    },
  };
}
