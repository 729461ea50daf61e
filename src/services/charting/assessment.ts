import { suggestMuscles } from '../../clinical/referral/index.ts';
import { sqlState, SQLSTATE } from '../../store/database.ts';
import * as repo from '../../store/repos/charting-assessments.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { issueFields } from './intake-document.ts';
import { completeFindings, FindingsSchema, type StoredFindings } from './assessment-findings.ts';
import { requireChart } from './gate/access.ts';
import { dateIn } from '../../time/index.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { refreshPatientOutcomes } from '../outcomes/refresh.ts';
import { diagnosisView, validDiagnoses, type DiagnosisView } from './diagnoses.ts';

export type Assessment = Omit<repo.AssessmentRow, 'findings' | 'diagnoses'> & {
  findings: StoredFindings;
  diagnoses: DiagnosisView[];
};

const present = (row: repo.AssessmentRow): Assessment => ({
  ...row,
  findings: row.findings as unknown as StoredFindings,
  diagnoses: row.diagnoses.map(diagnosisView),
});

function validFindings(input: unknown): StoredFindings {
  const parsed = FindingsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(issueFields(parsed.error.issues));
  const completed = completeFindings(parsed.data);
  if ('fields' in completed) throw new ValidationError(completed.fields);
  return completed.findings;
}

function checkDate(assessedOn: string, today: string): void {
  if (assessedOn > today) throw new ValidationError({ assessedOn: 'The assessment date is in the future.' });
}

export interface NewAssessment {
  assessedOn?: string;
  appointmentId?: string | null;
  findings: unknown;
  /** ICD-10-CM codes from the clinic's list, primary first. */
  diagnoses?: string[];
}

export async function createAssessment(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: NewAssessment,
  once?: Once,
): Promise<Assessment> {
  await requireChart(ctx.db, actor, patientId, 'assessment.write');
  const now = ctx.now();
  const today = dateIn(actor.orgTimeZone, now);
  const assessedOn = input.assessedOn ?? today;
  checkDate(assessedOn, today);
  const findings = validFindings(input.findings);
  const diagnoses = validDiagnoses(input.diagnoses ?? []);
  const appointmentId = input.appointmentId ?? null;
  if (appointmentId && (await repo.appointmentPatient(ctx.db, actor.orgId, appointmentId)) !== patientId) {
    throw new ValidationError({ appointmentId: "Not one of this patient's appointments." });
  }
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const row = await repo.insertAssessment(tx, actor.orgId, {
        patientId,
        appointmentId,
        assessedOn,
        therapistId: actor.therapistId,
        findings,
        diagnoses,
        userId: actor.userId,
        at: now,
      });
      await refreshPatientOutcomes(tx, ctx, actor.orgId, patientId);
      await audit(tx, actor, [
        {
          action: 'assessment.create',
          patientId,
          recordType: 'assessment',
          recordId: row.id,
          detail: { appointmentId },
        },
      ]);
      return present(row);
    });
  } catch (err) {
    if (sqlState(err) === SQLSTATE.uniqueViolation)
      throw new ConflictError('appointmentId', 'This visit already has an assessment; edit that one.');
    throw err;
  }
}

export async function listPatientAssessments(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<{ assessments: Assessment[] }> {
  await requireChart(ctx.db, actor, patientId, 'assessment.read');
  const rows = await repo.listAssessments(ctx.db, actor.orgId, patientId);
  await audit(ctx.db, actor, [
    {
      action: 'assessment.list',
      patientId,
      recordType: 'assessment',
      recordId: patientId,
      detail: { count: rows.length },
    },
  ]);
  return { assessments: rows.map(present) };
}

async function load(ctx: ServiceContext, actor: Actor, id: string, action: 'assessment.read' | 'assessment.write') {
  const row = await repo.findAssessment(ctx.db, actor.orgId, id);
  if (!row) throw new NotFoundError('No such assessment.');
  await requireChart(ctx.db, actor, row.patientId, action);
  return row;
}

export async function getAssessment(ctx: ServiceContext, actor: Actor, id: string): Promise<Assessment> {
  const row = await load(ctx, actor, id, 'assessment.read');
  await audit(ctx.db, actor, [
    { action: 'assessment.read', patientId: row.patientId, recordType: 'assessment', recordId: id },
  ]);
  return present(row);
}

export interface AssessmentChanges {
  version: number;
  assessedOn?: string;
  /** Top-level sections replace the stored ones (painMap, rom, triggerPoints…); the rest is kept. */
  findings?: Record<string, unknown>;
  /** Replaces the stored list when given. */
  diagnoses?: string[];
}

/** An edit saves a whole new version; a stale `version` is a conflict. The audit names the sections changed. */
export async function updateAssessment(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: AssessmentChanges,
): Promise<Assessment> {
  const row = await load(ctx, actor, id, 'assessment.write');
  const now = ctx.now();
  const assessedOn = changes.assessedOn ?? row.assessedOn;
  checkDate(assessedOn, dateIn(actor.orgTimeZone, now));
  // Stored ROM rows carry computed fields; send them back as input (the norm is recomputed).
  const stored = row.findings as unknown as StoredFindings;
  const merged: Record<string, unknown> = {
    ...stored,
    rom: stored.rom.map(({ percentOfNormal: _p, ...r }) => r),
    ...(changes.findings ?? {}),
  };
  const findings = validFindings(merged);
  const diagnoses = changes.diagnoses === undefined ? row.diagnoses : validDiagnoses(changes.diagnoses);
  return ctx.db.transaction(async (tx) => {
    const updated = await repo.updateAssessment(tx, actor.orgId, id, changes.version, {
      assessedOn,
      findings,
      diagnoses,
      userId: actor.userId,
      at: now,
    });
    if (!updated)
      throw new ConflictError(
        'version',
        'Someone else changed this assessment since you opened it. Reload and try again.',
      );
    await audit(tx, actor, [
      {
        action: 'assessment.update',
        patientId: row.patientId,
        recordType: 'assessment',
        recordId: id,
        detail: {
          sections: Object.keys(changes.findings ?? {}).sort(),
          diagnoses: changes.diagnoses !== undefined,
          version: updated.version,
        },
      },
    ]);
    await refreshPatientOutcomes(tx, ctx, actor.orgId, row.patientId);
    return present(updated);
  });
}

/** The referral engine's muscles to examine for this pain map; `confirmed` marks those palpation found. */
export async function assessmentSuggestions(ctx: ServiceContext, actor: Actor, id: string) {
  const row = await load(ctx, actor, id, 'assessment.read');
  const findings = row.findings as unknown as StoredFindings;
  const palpated = findings.triggerPoints ?? [];
  const suggestions = suggestMuscles(findings.painMap ?? [], { limit: 15 }).map((s) => ({
    muscle: s.muscle,
    name: s.name,
    side: s.side,
    score: s.score,
    reasons: s.reasons,
    text: s.therapistText,
    confirmed: palpated.some(
      (p) => p.muscle === s.muscle && (p.side === s.side || p.side === 'bilateral' || s.side === 'midline'),
    ),
  }));
  await audit(ctx.db, actor, [
    { action: 'assessment.suggestions', patientId: row.patientId, recordType: 'assessment', recordId: id },
  ]);
  return { assessmentId: id, suggestions };
}
