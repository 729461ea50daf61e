import * as repo from '../../store/repos/sessions/homecare.ts';
import { findReassessment, treatedMuscles } from '../../store/repos/sessions/steps.ts';
import { findPatient } from '../../store/repos/patients.ts';
import type { Queryable } from '../../store/database.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { dateIn } from '../../time/index.ts';
import { queueHomeCareMail, type HomeCareMailOutcome } from '../notify/home-care.ts';
import { messageLocale } from '../notify/compose.ts';
import type { Locale } from '../../words/locales.ts';
import { renderHandout } from './handout-pdf.ts';
import { generateHomeCare } from './homecare-content.ts';
import { lockDraft, refuse, requireNote, requirePatient, type NoteAccess } from './session-access.ts';
import { createOnce, type Once } from '../idempotency.ts';

export type HomeCarePlan = repo.HomeCareRow;
export type HomeCareContent = repo.HomeCareContent;
/** A plan as its patient's pages list it: with the visit it came from. */
export type HomeCareListed = HomeCarePlan & repo.HomeCareVisit & { visitOn: string };

/** The visit's calendar date where it happened (the organisation's zone for a walk-in). */
function visitOn(visit: repo.HomeCareVisit, orgTimeZone: string): string {
  return dateIn(visit.timeZone ?? orgTimeZone, visit.visitAt);
}

function longDay(isoDate: string, locale: Locale = 'en'): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString(locale === 'es' ? 'es-US' : 'en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

async function handoutFor(
  db: Queryable,
  actor: Actor,
  plan: HomeCarePlan,
  patient: { givenName: string; familyName: string; preferredName: string | null; language?: string },
  options: { compress?: boolean } = {},
) {
  const visit = (await repo.findVisitOfNote(db, actor.orgId, plan.sessionNoteId))!;
  const date = visitOn(visit, actor.orgTimeZone);
  const pdf = await renderHandout(
    {
      patientName: `${patient.preferredName ?? patient.givenName} ${patient.familyName}`,
      date,
      content: plan.content,
      locale: messageLocale({ language: patient.language }),
    },
    options,
  );
  return { pdf, visit, date };
}

const record = (row: { id: string }) => ({ recordType: 'home_care_plan', recordId: row.id });

/** Builds the after-care from the muscles treated and the pain before and after; replaces an earlier draft. */
export async function generateForNote(ctx: ServiceContext, actor: Actor, noteId: string): Promise<HomeCarePlan> {
  await requireNote(ctx.db, actor, noteId, 'session-note.write', 'home-care.generate');
  return ctx.db.transaction(async (tx) => {
    const note = await lockDraft(tx, actor.orgId, noteId);
    const muscles = await treatedMuscles(tx, actor.orgId, noteId);
    const reassessment = await findReassessment(tx, actor.orgId, noteId);
    const painToday = note.subjective.painToday;
    const content = generateHomeCare({
      muscles,
      painBefore: typeof painToday === 'number' ? painToday : null,
      painAfter: reassessment?.painAfter ?? null,
    });
    const row = await repo.upsertGenerated(
      tx,
      actor.orgId,
      { sessionNoteId: noteId, patientId: note.patientId, content, generatedBy: actor.userId },
      ctx.now(),
    );
    await audit(tx, actor, [{ action: 'home-care.generate', patientId: note.patientId, ...record(row) }]);
    return row;
  });
}

/** The therapist's edits before sending; locked with the note once it is signed. */
export async function editForNote(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  content: HomeCareContent,
): Promise<HomeCarePlan> {
  await requireNote(ctx.db, actor, noteId, 'session-note.write', 'home-care.edit');
  return ctx.db.transaction(async (tx) => {
    const note = await lockDraft(tx, actor.orgId, noteId);
    const row = await repo.updateContent(tx, actor.orgId, noteId, content, actor.userId, ctx.now());
    if (!row) throw new NotFoundError('Generate the home care for this session first.');
    await audit(tx, actor, [{ action: 'home-care.edit', patientId: note.patientId, ...record(row) }]);
    return row;
  });
}

/**
 * Makes the plan visible to the patient and emails it to them with the handout attached, in one
 * transaction (the email is queued in the outbox). Sending changes no content, so a signed note may
 * still send; sending again after an edit emails the new version, sending unchanged words does not.
 */
export async function sendForNote(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  once?: Once,
): Promise<HomeCarePlan & { email: HomeCareMailOutcome }> {
  const { note } = await requireNote(ctx.db, actor, noteId, 'session-note.write', 'home-care.send');
  return createOnce(ctx, actor, once, async (tx) => {
    const now = ctx.now();
    const row = await repo.markSent(tx, actor.orgId, noteId, actor.userId, now);
    if (!row) throw new NotFoundError('Generate the home care for this session first.');
    const patient = (await findPatient(tx, actor.orgId, note.patientId))!;
    const { pdf, visit, date } = await handoutFor(tx, actor, row, {
      ...patient,
      language: patient.communication.language,
    });
    const email = await queueHomeCareMail(
      tx,
      {
        orgId: actor.orgId,
        planId: row.id,
        patient,
        therapistName: visit.therapistName,
        visitDay: longDay(date, messageLocale(patient.communication)),
        content: row.content,
        pdf,
      },
      now,
    );
    await audit(tx, actor, [
      { action: 'home-care.send', patientId: note.patientId, ...record(row), detail: { email } },
    ]);
    return { ...row, email };
  });
}

/** A patient's plans, latest first: the patient sees sent ones; clinicians see drafts too. */
export async function listPatientHomeCare(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<{ plans: HomeCareListed[] }> {
  await requirePatient(ctx.db, actor, patientId, 'home-care.read', 'home-care.read');
  const plans = (await repo.listForPatient(ctx.db, actor.orgId, patientId, actor.role === 'patient')).map((p) => ({
    ...p,
    visitOn: visitOn(p, actor.orgTimeZone),
  }));
  await audit(
    ctx.db,
    actor,
    plans.length > 0
      ? plans.map((p) => ({ action: 'home-care.read', patientId, ...record(p) }))
      : [{ action: 'home-care.read', patientId, recordType: 'patient', recordId: patientId }],
  );
  return { plans };
}

/** Clinicians read any plan of a note they may read; the patient only once it was sent. */
async function readablePlan(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
): Promise<{ access: NoteAccess; plan: HomeCarePlan }> {
  const access = await requireNote(ctx.db, actor, noteId, 'home-care.read', 'home-care.read');
  const plan = await repo.findForNote(ctx.db, actor.orgId, noteId);
  if (!plan) throw new NotFoundError('No home care for this session yet.');
  if (actor.role === 'patient' && plan.sentAt === null)
    await refuse(ctx.db, actor, 'home-care.read', access.note.patientId, { type: 'home_care_plan', id: plan.id });
  return { access, plan };
}

/** The handout as a PDF: the patient's name, the date, the stretches and the advice. */
export async function homeCarePdf(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const { access, plan } = await readablePlan(ctx, actor, noteId);
  const { patient, note } = access;
  const { pdf } = await handoutFor(ctx.db, actor, plan, patient, options);
  await audit(ctx.db, actor, [{ action: 'home-care.pdf', patientId: note.patientId, ...record(plan) }]);
  return pdf;
}
