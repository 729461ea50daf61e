import { classifyChange, type ChangeClassification } from '../../clinical/measures/index.ts';
import * as baseline from '../../store/repos/sessions/baseline.ts';
import type { RangeOfMotion } from '../../store/repos/sessions/notes.ts';
import * as steps from '../../store/repos/sessions/steps.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { lockDraft, requireNote } from './session-access.ts';
import { createOnce, type Once } from '../idempotency.ts';

export interface ReassessmentInput {
  painAfter: number;
  rom: RangeOfMotion[];
}

/** Pain and range of motion after treatment; re-posting while the note is a draft replaces them. */
export async function recordReassessment(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  input: ReassessmentInput,
  once?: Once,
): Promise<steps.ReassessmentRow> {
  await requireNote(ctx.db, actor, noteId, 'session-note.write', 'reassessment.record');
  return createOnce(ctx, actor, once, async (tx) => {
    const note = await lockDraft(tx, actor.orgId, noteId);
    const row = await steps.upsertReassessment(
      tx,
      actor.orgId,
      noteId,
      { ...input, recordedBy: actor.userId },
      ctx.now(),
    );
    await audit(tx, actor, [
      { action: 'reassessment.record', patientId: note.patientId, recordType: 'session_note', recordId: noteId },
    ]);
    return row;
  });
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Reads `[{joint, motion, side?, degrees, painOnMotion?}]` out of stored jsonb, skipping anything not of that shape.
 */
export function readRom(value: unknown): RangeOfMotion[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { joint, motion, side, degrees, painOnMotion } = e as Record<string, unknown>;
    if (typeof joint !== 'string' || typeof motion !== 'string' || !isNumber(degrees)) return [];
    return [
      {
        joint,
        motion,
        side: side === 'left' || side === 'right' ? side : null,
        degrees,
        ...(typeof painOnMotion === 'boolean' ? { painOnMotion } : {}),
      },
    ];
  });
}

const romKey = (r: RangeOfMotion) => `${r.joint.toLowerCase()}|${r.motion.toLowerCase()}|${r.side ?? ''}`;
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 10) / 10);

export interface RomComparison {
  joint: string;
  motion: string;
  side: 'left' | 'right' | null;
  intake: number | null;
  before: number | null;
  after: number | null;
  /** Degrees gained in this session (after − before); positive is more motion. */
  changeInSession: number | null;
  changeSinceIntake: number | null;
  /** Whether the motion reproduced pain at each measurement; null where it was not recorded. */
  painOnMotion: { intake: boolean | null; before: boolean | null; after: boolean | null };
}

/** Lines up the three ROM sets by joint, motion and side; a motion measured only once still shows. */
export function compareRom(intake: RangeOfMotion[], before: RangeOfMotion[], after: RangeOfMotion[]): RomComparison[] {
  const rows = new Map<string, RomComparison>();
  const put = (list: RangeOfMotion[], slot: 'intake' | 'before' | 'after') => {
    for (const r of list) {
      const row = rows.get(romKey(r)) ?? {
        joint: r.joint,
        motion: r.motion,
        side: r.side ?? null,
        intake: null,
        before: null,
        after: null,
        changeInSession: null,
        changeSinceIntake: null,
        painOnMotion: { intake: null, before: null, after: null },
      };
      row[slot] = r.degrees;
      row.painOnMotion[slot] = r.painOnMotion ?? null;
      rows.set(romKey(r), row);
    }
  };
  put(intake, 'intake');
  put(before, 'before');
  put(after, 'after');
  return [...rows.values()].map((r) => ({
    ...r,
    changeInSession: diff(r.after, r.before),
    changeSinceIntake: diff(r.after, r.intake),
  }));
}

export interface SessionComparison {
  noteId: string;
  pain: {
    intake: number | null;
    /** Where the intake pain came from: the first NPRS response, else the first note's "pain today". */
    intakeSource: 'nprs' | 'first-note' | null;
    before: number | null;
    after: number | null;
    changeInSession: number | null;
    changeSinceIntake: number | null;
    /** After this session against intake, by the NPRS thresholds of the clinical core. */
    classificationSinceIntake: ChangeClassification | null;
  };
  rom: RomComparison[];
  romIntakeSource: 'assessment' | 'first-note' | null;
}

export async function compareSession(ctx: ServiceContext, actor: Actor, noteId: string): Promise<SessionComparison> {
  const { note } = await requireNote(ctx.db, actor, noteId, 'session-note.read', 'reassessment.compare');
  const [reassessment, nprs, first, assessment] = await Promise.all([
    steps.findReassessment(ctx.db, actor.orgId, noteId),
    baseline.firstNprs(ctx.db, actor.orgId, note.patientId),
    baseline.firstNote(ctx.db, actor.orgId, note.patientId),
    baseline.firstAssessmentFindings(ctx.db, actor.orgId, note.patientId),
  ]);
  const firstNotePain = isNumber(first?.subjective.painToday) ? first.subjective.painToday : null;
  const intakePain = nprs ? nprs.score : firstNotePain;
  const before = isNumber(note.subjective.painToday) ? note.subjective.painToday : null;
  const after = reassessment?.painAfter ?? null;
  const assessmentRom = readRom(assessment?.findings.rom);
  const intakeRom = assessmentRom.length > 0 ? assessmentRom : readRom(first?.objective.rom);
  await audit(ctx.db, actor, [
    { action: 'reassessment.compare', patientId: note.patientId, recordType: 'session_note', recordId: noteId },
  ]);
  return {
    noteId,
    pain: {
      intake: intakePain,
      intakeSource: nprs ? 'nprs' : firstNotePain !== null ? 'first-note' : null,
      before,
      after,
      changeInSession: diff(after, before),
      changeSinceIntake: diff(after, intakePain),
      classificationSinceIntake:
        intakePain !== null && after !== null ? classifyChange('nprs', intakePain, after) : null,
    },
    rom: compareRom(intakeRom, readRom(note.objective.rom), reassessment?.rom ?? []),
    romIntakeSource: assessmentRom.length > 0 ? 'assessment' : intakeRom.length > 0 ? 'first-note' : null,
  };
}
