import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { muscleById } from '../../clinical/atlas/index.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import type { Database } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { renderHandout } from './handout-pdf.ts';
import { editForNote, generateForNote, homeCarePdf, listPatientHomeCare, sendForNote } from './homecare.ts';
import { generateHomeCare } from './homecare-content.ts';
import { signNote } from './notes.ts';
import { recordReassessment } from './session-reassessment.ts';
import { addStep } from './session-steps.ts';
import { actorOf, clearGateFor, tickingContext } from '../../../test/support/session-kit.ts';
import { createNote } from './session.ts';

describe('home-care content', () => {
  it('gives water, soreness, fatigue, when to call, and one stretch per treated muscle from the atlas', () => {
    const content = generateHomeCare({
      muscles: ['upper-trapezius', 'levator-scapulae', 'upper-trapezius'],
      painBefore: 6,
      painAfter: 4,
    });
    expect(content.hydration).toMatch(/16 to 24 oz/);
    expect(content.soreness).toMatch(/24 to 36 hours/);
    expect(content.fatigue).toMatch(/tired/);
    expect(content.callClinicIf.join(' ')).toMatch(/48 hours.*tingling.*bruising.*fever/s);
    expect(content.stretches.map((s) => s.title)).toEqual([
      muscleById('upper-trapezius')!.selfCare.title,
      muscleById('levator-scapulae')!.selfCare.title,
    ]);
    expect(content.activityChanges.length).toBeGreaterThan(0);
    expect(content.notes).toBeNull();
  });

  it('says so when pain was higher after treatment than before', () => {
    expect(generateHomeCare({ muscles: [], painBefore: 4, painAfter: 6 }).notes).toMatch(/6 of 10/);
  });
});

describe('the handout PDF', () => {
  it('is a PDF holding the name, the date and the stretch titles, compressed or not', async () => {
    const content = generateHomeCare({
      muscles: ['upper-trapezius', 'middle-trapezius'],
      painBefore: null,
      painAfter: null,
    });
    for (const compress of [true, false]) {
      const pdf = await renderHandout({ patientName: 'Alice Anders', date: '2026-11-20', content }, { compress });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
      const text = pdfText(pdf);
      expect(text).toContain('Alice Anders');
      expect(text).toContain('November 20, 2026');
      for (const s of content.stretches) expect(text).toContain(s.title);
      expect(text).toContain('16 to 24 oz');
    }
  });

  it("is in Spanish for a Spanish reader: its own words and the clinic's standard advice, the date too", async () => {
    const generated = generateHomeCare({ muscles: ['upper-trapezius', 'scalenes'], painBefore: 3, painAfter: 5 });
    // The therapist added a step of their own to the second stretch: that step stays as written.
    const [shoulder, scalene] = generated.stretches;
    const content = {
      ...generated,
      stretches: [shoulder!, { ...scalene!, steps: [...scalene!.steps, 'Use the heat pack at night.'] }],
    };
    const pdf = await renderHandout({ patientName: 'Ana Ruiz', date: '2026-11-20', content, locale: 'es' });
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
    let text = '';
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ') + ' ';
    }
    await document.destroy();
    expect(text).toContain('Sus cuidados en casa');
    expect(text).toContain('20 de noviembre de 2026');
    expect(text).toContain('Tome de 2 a 3 vasos de agua');
    expect(text).toContain('Llame a la clínica si');
    expect(text).toContain('Su dolor era de 5 sobre 10');
    expect(text).not.toContain('After today');
    expect(text).not.toContain('Drink 2 to 3');
    // The stretches from the atlas, in the Spanish written for patients.
    expect(text).toContain('Aflojar la parte de arriba del hombro');
    expect(text).toContain('Apriete la parte de arriba del hombro');
    expect(text).toContain('Estiramiento del costado del cuello');
    expect(text).not.toContain('Shoulder ridge release');
    expect(text).not.toContain('Squeeze the top of the shoulder');
    expect(text).toContain('Use the heat pack at night.');
  });
});

describe.each(BACKENDS)('home care on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let ctx: ServiceContext;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    ctx = tickingContext(db);
    await clearGateFor(db, world, world.patients.a);
  });
  afterAll(() => drop());

  it('is generated from the treated muscles, edited, sent, seen by the patient; locked once signed', async () => {
    const therapist = actorOf(world, 'therapist');
    const patient = actorOf(world, 'patient');
    const note = await createNote(ctx, therapist, world.patients.a, {
      subjective: { painToday: 6 },
      objective: {},
      cptMinutes: [],
    });
    await addStep(ctx, therapist, note.id, {
      muscle: 'upper-trapezius',
      side: 'left',
      region: 'suprascapular-left',
      technique: 'ischemic-compression-finger',
      holdSeconds: 20,
      painRating: 6,
    });
    await recordReassessment(ctx, therapist, note.id, { painAfter: 3, rom: [] });
    const plan = await generateForNote(ctx, therapist, note.id);
    expect(plan.content.stretches.map((s) => s.muscle)).toEqual(['upper-trapezius']);

    // Not sent yet: the patient neither lists it nor opens its PDF.
    expect((await listPatientHomeCare(ctx, patient, world.patients.a)).plans).toEqual([]);
    await expect(homeCarePdf(ctx, patient, note.id)).rejects.toMatchObject({ code: 'forbidden' });

    const edited = await editForNote(ctx, therapist, note.id, {
      ...plan.content,
      notes: 'Use heat, not ice, on the shoulder tonight.',
    });
    expect(edited.editedBy).toBe(world.users.therapist.id);
    await sendForNote(ctx, therapist, note.id);
    const seen = await listPatientHomeCare(ctx, patient, world.patients.a);
    expect(seen.plans.map((p) => p.content.notes)).toEqual(['Use heat, not ice, on the shoulder tonight.']);

    const pdf = await homeCarePdf(ctx, patient, note.id, { compress: false });
    const text = pdfText(pdf);
    expect(text).toContain('Alice Anders');
    expect(text).toContain(muscleById('upper-trapezius')!.selfCare.title);
    expect(text).toContain('Use heat, not ice');

    await signNote(ctx, therapist, note.id);
    await expect(editForNote(ctx, therapist, note.id, plan.content)).rejects.toMatchObject({ code: 'note_signed' });
    await expect(generateForNote(ctx, therapist, note.id)).rejects.toMatchObject({ code: 'note_signed' });
  });

  it('is not clinical reading for the front desk', async () => {
    await expect(listPatientHomeCare(ctx, actorOf(world, 'front_desk'), world.patients.a)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
