import { screen } from '../../clinical/screening/index.ts';
import * as gateRepo from '../../store/repos/charting-gate.ts';
import * as repo from '../../store/repos/charting-intake.ts';
import { audit, type AuditRecord } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { requireChart } from './gate/access.ts';
import { dateIn } from '../../time/index.ts';
import { blockingKeys, blocks, describeBlock, uncovered } from './gate/evaluate.ts';
import { treatmentGate } from './gate/gate.ts';
import { gateView, type GateView } from './gate/service.ts';
import { intakeRefusalMessage, unansweredFields } from './intake-unanswered.ts';
import { vitalsProblems } from './intake-vitals.ts';
import {
  flaggedMedications,
  IntakeDocumentSchema,
  IntakeDraftSchema,
  issueFields,
  screeningAnswersOf,
} from './intake-document.ts';
import { createOnce, type Once } from '../idempotency.ts';

export interface IntakeView {
  version: number | null;
  status: 'in-progress' | 'completed';
  document: Record<string, unknown>;
  /** Anticoagulants, antiplatelets, analgesics and muscle relaxants, for the therapist's eye. */
  flaggedMedications: ReturnType<typeof flaggedMedications>;
  submittedBy: { userId: string; role: string; name: string | null };
  submittedAt: Date;
}

function present(row: repo.IntakeRow): IntakeView {
  return {
    version: row.version,
    status: row.status,
    document: row.answers,
    flaggedMedications: flaggedMedications(screeningAnswersOf(row.answers)),
    submittedBy: { userId: row.submittedBy, role: row.submittedRole, name: row.submittedByName },
    submittedAt: row.submittedAt,
  };
}

/** The newest version, the draft in progress and the list of every version with its decision. */
export async function getIntake(ctx: ServiceContext, actor: Actor, patientId: string) {
  await requireChart(ctx.db, actor, patientId, 'intake.read');
  const [latest, draft, versions] = await Promise.all([
    repo.latestVersion(ctx.db, actor.orgId, patientId),
    repo.findDraft(ctx.db, actor.orgId, patientId),
    repo.listVersions(ctx.db, actor.orgId, patientId),
  ]);
  await audit(ctx.db, actor, [
    { action: 'intake.read', patientId, recordType: 'intake', recordId: latest ? String(latest.version) : patientId },
  ]);
  return { latest: latest ? present(latest) : null, draft: draft ? present(draft) : null, versions };
}

/** How a version was screened when it was submitted (the gate re-screens the newest one for today). */
export interface VersionScreening {
  decision: string;
  explanation: string[];
  screenedFor: string;
  screenedAt: Date;
}

export async function getIntakeVersion(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  version: number,
): Promise<IntakeView & { screening: VersionScreening | null }> {
  await requireChart(ctx.db, actor, patientId, 'intake.read');
  const [row, screening] = await Promise.all([
    repo.findVersion(ctx.db, actor.orgId, patientId, version),
    gateRepo.screeningFor(ctx.db, actor.orgId, patientId, version),
  ]);
  if (!row) throw new NotFoundError(`This patient has no intake version ${version}.`);
  await audit(ctx.db, actor, [{ action: 'intake.read', patientId, recordType: 'intake', recordId: String(version) }]);
  const explanation = screening?.result.explanation;
  return {
    ...present(row),
    screening: screening
      ? {
          decision: screening.decision,
          explanation: Array.isArray(explanation) ? explanation.map(String) : [],
          screenedFor: screening.screenedFor,
          screenedAt: screening.screenedAt,
        }
      : null,
  };
}

/** Autosave: what is there must be well formed, but nothing is required yet. Drafts are never screened. */
export async function saveIntakeDraft(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: unknown,
): Promise<IntakeView> {
  await requireChart(ctx.db, actor, patientId, 'intake.submit');
  const parsed = IntakeDraftSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(issueFields(parsed.error.issues));
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const row = await repo.upsertDraft(tx, actor.orgId, {
      patientId,
      answers: parsed.data,
      userId: actor.userId,
      role: actor.role,
      at: now,
    });
    await audit(tx, actor, [{ action: 'intake.draft', patientId, recordType: 'intake', recordId: row.id }]);
    return present(row);
  });
}

export interface SubmittedIntake {
  intake: IntakeView;
  screening: { decision: string; explanation: string[]; screenedFor: string };
  gate: GateView;
}

/**
 * Submits a new version (never overwriting an earlier one), screens it for today at the clinics,
 * stores the decision and, when it blocks treatment and no clearance covers it, opens a
 * physician-clearance task. All in one transaction, all audited.
 */
export async function submitIntake(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: unknown,
  once?: Once,
): Promise<SubmittedIntake> {
  const { facts } = await requireChart(ctx.db, actor, patientId, 'intake.submit');
  const parsed = IntakeDocumentSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(issueFields(parsed.error.issues));
  const now = ctx.now();
  const today = dateIn(actor.orgTimeZone, now);
  const unanswered = unansweredFields(parsed.data.answers);
  const problems = { ...unanswered, ...vitalsProblems(parsed.data.answers, today) };
  if (Object.keys(problems).length > 0) throw new ValidationError(problems, intakeRefusalMessage(unanswered, problems));
  const result = screen(parsed.data.answers, { today });
  const keys = blockingKeys(result);
  return createOnce(ctx, actor, once, async (tx) => {
    const row = await repo.insertVersion(tx, actor.orgId, {
      patientId,
      answers: parsed.data,
      userId: actor.userId,
      role: actor.role,
      at: now,
    });
    const version = row.version!;
    await gateRepo.insertScreening(tx, actor.orgId, {
      patientId,
      intakeVersion: version,
      decision: result.decision,
      result: result as unknown as Record<string, unknown>,
      blockingKeys: keys,
      screenedFor: today,
      screenedAt: now,
      screenedBy: actor.userId,
    });
    await repo.deleteDraft(tx, actor.orgId, patientId);
    const events: AuditRecord[] = [
      {
        action: 'intake.submit',
        patientId,
        recordType: 'intake',
        recordId: String(version),
        detail: { onBehalf: actor.role !== 'patient' },
      },
      {
        action: 'screening.decide',
        patientId,
        recordType: 'screening',
        recordId: String(version),
        detail: { decision: result.decision, blocking: keys, today },
      },
    ];
    if (blocks(result.decision)) {
      const clearances = (await gateRepo.listClearances(tx, actor.orgId, patientId)).filter(
        (c) => c.clearedOn <= today,
      );
      const open = await gateRepo.openTasks(tx, actor.orgId, patientId);
      if (uncovered(keys, clearances).length > 0 && open.length === 0) {
        const task = await gateRepo.insertTask(tx, actor.orgId, {
          patientId,
          reason: describeBlock(result),
          intakeVersion: version,
          createdBy: actor.userId,
          createdAt: now,
        });
        events.push({
          action: 'task.create',
          patientId,
          recordType: 'clinical_task',
          recordId: task.id,
          detail: { kind: task.kind },
        });
      }
    }
    await audit(tx, actor, events);
    const gate = gateView(await treatmentGate(tx, actor.orgId, patientId, today), actor, facts.patient);
    return {
      intake: present(row),
      screening: { decision: result.decision, explanation: result.explanation, screenedFor: today },
      gate,
    };
  });
}
