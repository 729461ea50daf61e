import { createHash } from 'node:crypto';
import { z } from 'zod';
import * as fileRepo from '../../store/repos/charting-files.ts';
import * as gateRepo from '../../store/repos/charting-gate.ts';
import * as intakeRepo from '../../store/repos/charting-intake.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { requireChart } from './gate/access.ts';
import { dateIn } from '../../time/index.ts';
import { blockingKeys } from './gate/evaluate.ts';
import { treatmentGate } from './gate/gate.ts';
import { gateView } from './gate/service.ts';
import { issueFields, screeningAnswersOf } from './intake-document.ts';
import { screen } from '../../clinical/screening/index.ts';
import { checkLetter, type Letter } from './letter-file.ts';
import { IsoDate } from '../bounds.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

export { checkLetter, sniffType } from './letter-file.ts';

/** The form as sent (multipart fields, or JSON without a file); checked after authorization. */
export const ClearanceFormSchema = z.strictObject({
  physician: z.string().trim().min(1, 'Name the physician.').max(LIMIT.physician),
  clearedOn: IsoDate,
  scope: z.string().trim().min(1, 'Say what the physician cleared.').max(LIMIT.clearanceScope),
  letter: z.custom<Letter>(
    (v) => typeof v === 'object' && v !== null && (v as Letter).data instanceof Uint8Array,
    'Attach the letter: a PDF, PNG or JPEG file.',
  ),
});

/**
 * Records a physician's clearance with its letter. It covers the reasons that block treatment
 * now; open clearance tasks close when nothing is left uncovered.
 */
export async function recordClearance(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  form: unknown,
  once?: Once,
) {
  const { facts } = await requireChart(ctx.db, actor, patientId, 'clearance.record');
  const parsed = ClearanceFormSchema.safeParse(form);
  if (!parsed.success) throw new ValidationError(issueFields(parsed.error.issues));
  const input = parsed.data;
  const now = ctx.now();
  const today = dateIn(actor.orgTimeZone, now);
  if (input.clearedOn > today) throw new ValidationError({ clearedOn: 'The clearance date is in the future.' });
  const { contentType, filename } = await checkLetter(input.letter);
  const sha256 = createHash('sha256').update(input.letter.data).digest('hex');
  return createOnce(ctx, actor, once, async (tx) => {
    const intake = await intakeRepo.latestVersion(tx, actor.orgId, patientId);
    const covers = intake ? blockingKeys(screen(screeningAnswersOf(intake.answers), { today })) : [];
    const file = await fileRepo.insertFile(tx, actor.orgId, {
      patientId,
      filename,
      contentType,
      size: input.letter.data.length,
      sha256,
      data: input.letter.data,
      uploadedBy: actor.userId,
      uploadedAt: now,
    });
    const clearance = await gateRepo.insertClearance(tx, actor.orgId, {
      patientId,
      physician: input.physician,
      clearedOn: input.clearedOn,
      scope: input.scope,
      fileId: file.id,
      covers,
      intakeVersion: intake?.version ?? null,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    const gate = await treatmentGate(tx, actor.orgId, patientId, today);
    const closed = gate.treatmentAllowed
      ? await gateRepo.closeTasks(tx, actor.orgId, patientId, {
          userId: actor.userId,
          at: now,
          clearanceId: clearance.id,
        })
      : [];
    await audit(tx, actor, [
      {
        action: 'file.upload',
        patientId,
        recordType: 'file',
        recordId: file.id,
        detail: { contentType, size: file.size, sha256 },
      },
      {
        action: 'clearance.record',
        patientId,
        recordType: 'clearance',
        recordId: clearance.id,
        detail: { physician: input.physician, clearedOn: input.clearedOn, covers, closedTasks: closed },
      },
    ]);
    return {
      clearance,
      file,
      gate: gateView(
        closed.length > 0 ? await treatmentGate(tx, actor.orgId, patientId, today) : gate,
        actor,
        facts.patient,
      ),
    };
  });
}

/** A stored letter, for download: the same access as the patient's gate, and audited. */
export async function downloadFile(ctx: ServiceContext, actor: Actor, fileId: string) {
  const meta = await fileRepo.findFileMeta(ctx.db, actor.orgId, fileId);
  if (!meta) throw new NotFoundError('No such file.');
  await requireChart(ctx.db, actor, meta.patientId, 'file.read');
  const data = await fileRepo.readFileData(ctx.db, actor.orgId, fileId);
  if (!data) throw new NotFoundError('No such file.');
  await audit(ctx.db, actor, [
    { action: 'file.download', patientId: meta.patientId, recordType: 'file', recordId: fileId },
  ]);
  return { meta, data };
}
