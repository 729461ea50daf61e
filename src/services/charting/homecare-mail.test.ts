import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { muscleById } from '../../clinical/atlas/index.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import type { Database } from '../../store/database.ts';
import { listMessages } from '../../store/repos/outbox.ts';
import type { ServiceContext } from '../context.ts';
import { EmlTransport, emlFileName, runDueMessages } from '../notify/index.ts';
import { editForNote, generateForNote, listPatientHomeCare, sendForNote } from './homecare.ts';
import { addStep } from './session-steps.ts';
import { actorOf, clearGateFor, tickingContext } from '../../../test/support/session-kit.ts';
import { createNote } from './session.ts';
import { buildAppointment, buildService } from '../../../test/support/factories.ts';

const STEP = {
  muscle: 'upper-trapezius',
  side: 'left',
  region: 'suprascapular-left',
  technique: 'ischemic-compression-finger',
  holdSeconds: 20,
  painRating: 6,
} as const;

describe.each(BACKENDS)('home care sent to the patient by email on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;
  let dir: string;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
    await clearGateFor(db, world, world.patients.a);
    dir = await mkdtemp(join(tmpdir(), 'knotwork-homecare-'));
    await buildService(db, world.orgId);
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  let visits = 0;
  /**
   * A completed visit of patient A at 09:00 Los Angeles time (a day apart each), charted and its home care generated.
   */
  async function treatedVisit(): Promise<string> {
    const therapist = actorOf(world, 'therapist');
    const start = new Date(Date.UTC(2026, 10, 10 + visits++, 17));
    const appointment = await buildAppointment(db, world.orgId, {
      patientId: world.patients.a,
      therapistId: world.therapists.a,
      locationId: world.sites.a,
      start,
      status: 'completed',
    });
    const note = await createNote(ctx, therapist, world.patients.a, {
      subjective: { painToday: 6 },
      objective: {},
      cptMinutes: [],
      appointmentId: appointment,
    });
    await addStep(ctx, therapist, note.id, STEP);
    await generateForNote(ctx, therapist, note.id);
    return note.id;
  }

  it('queues one email with the handout and a link to Home care, and lists the plan with its visit', async () => {
    const noteId = await treatedVisit();
    const sent = await sendForNote(ctx, actorOf(world, 'therapist'), noteId);
    expect(sent.email).toBe('queued');

    const mail = (await listMessages(db, { orgId: world.orgId })).filter((m) => m.kind === 'home-care');
    expect(mail).toHaveLength(1);
    const message = mail[0]!;
    expect(message).toMatchObject({ toAddress: 'alice@example.test', patientId: world.patients.a, status: 'pending' });
    expect(message.subject).toBe('Your home care from your visit on Tuesday, November 10, 2026');
    expect(message.text).toContain('Avery Therapist has sent you your home care');
    expect(message.text).toContain('/home-care');
    // The body names no muscle or treatment: that is in the attachment only.
    expect(message.text).not.toMatch(/trapezius/i);
    expect(message.attachments).toHaveLength(1);
    const pdf = Buffer.from(message.attachments[0]!.base64, 'base64');
    expect(message.attachments[0]).toMatchObject({ filename: 'home-care.pdf', contentType: 'application/pdf' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // The patient's list carries the visit it came from.
    const { plans } = await listPatientHomeCare(ctx, actorOf(world, 'patient'), world.patients.a);
    expect(plans[0]).toMatchObject({
      sessionNoteId: noteId,
      therapistName: 'Avery Therapist',
      visitOn: '2026-11-10',
      appointmentId: expect.any(String),
    });

    // The worker sends it as a MIME message with the PDF as an attachment.
    await runDueMessages({ db, now: () => new Date('2026-11-21T00:00:00Z') }, new EmlTransport(dir));
    const eml = await readFile(join(dir, emlFileName(message.messageId)), 'latin1');
    expect(eml).toMatch(/Content-Type: application\/pdf; name=home-care\.pdf/);
    expect(eml).toMatch(/Content-Disposition: attachment; filename=home-care\.pdf/);
    expect((await readdir(dir)).length).toBe(1);
  });

  it('the attached handout holds the patient, the stretches and the therapist’s own words', async () => {
    const noteId = await treatedVisit();
    const therapist = actorOf(world, 'therapist');
    const plan = await generateForNote(ctx, therapist, noteId);
    await editForNote(ctx, therapist, noteId, { ...plan.content, notes: 'Heat, not ice, on the shoulder tonight.' });
    await sendForNote(ctx, therapist, noteId);
    const mail = (await listMessages(db, { orgId: world.orgId })).filter((m) => m.kind === 'home-care').at(-1)!;
    const text = pdfText(Buffer.from(mail.attachments[0]!.base64, 'base64'));
    expect(text).toContain('Alice Anders');
    expect(text).toContain(muscleById('upper-trapezius')!.selfCare.title);
    expect(text).toContain('Heat, not ice');
  });

  it('sending unchanged words again emails nothing more; an edited plan sent again is emailed again', async () => {
    const noteId = await treatedVisit();
    const therapist = actorOf(world, 'therapist');
    const count = async () =>
      (await listMessages(db, { orgId: world.orgId })).filter((m) => m.kind === 'home-care').length;
    const before = await count();
    expect((await sendForNote(ctx, therapist, noteId)).email).toBe('queued');
    expect((await sendForNote(ctx, therapist, noteId)).email).toBe('already-sent');
    expect(await count()).toBe(before + 1);
    const plan = await generateForNote(ctx, therapist, noteId);
    await editForNote(ctx, therapist, noteId, {
      ...plan.content,
      activityChanges: ['Carry the bag on the other shoulder.'],
    });
    expect((await sendForNote(ctx, therapist, noteId)).email).toBe('queued');
    expect(await count()).toBe(before + 2);
  });

  it('a patient who declined email still sees it in the app; the skip is audited', async () => {
    await db.query(`UPDATE patients SET communication = communication || '{"email": false}'::jsonb WHERE id = $1`, [
      world.patients.a,
    ]);
    try {
      const noteId = await treatedVisit();
      const before = (await listMessages(db, { orgId: world.orgId })).length;
      const sent = await sendForNote(ctx, actorOf(world, 'therapist'), noteId);
      expect(sent.email).toBe('email-declined');
      expect((await listMessages(db, { orgId: world.orgId })).length).toBe(before);
      const skips = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1 AND action = 'notification.skipped'
          AND record_id = $2 AND detail->>'reason' = 'email-declined'`,
        [world.orgId, sent.id],
      );
      expect(skips[0]!.n).toBe(1);
      expect(
        (await listPatientHomeCare(ctx, actorOf(world, 'patient'), world.patients.a)).plans.some(
          (p) => p.id === sent.id,
        ),
      ).toBe(true);
    } finally {
      await db.query(`UPDATE patients SET communication = communication || '{"email": true}'::jsonb WHERE id = $1`, [
        world.patients.a,
      ]);
    }
  });
});
