import type { Page } from 'playwright-core';
import { QUESTION_IDS } from '../../src/clinical/screening/questions.ts';
import { describe, expect, it } from 'vitest';
import { muscleById } from '../../src/clinical/atlas/index.ts';
import { listMessages } from '../../src/store/repos/outbox.ts';
import { instantAt } from '../../src/time/index.ts';
import { dayLabel } from './labels.ts';
import { DEMO_TIME_ZONE, VIEWPORTS, seriousViolations, shotIfAsked, browserSuite } from './support.ts';

/** Home care reaches the patient: the therapist sends it, the patient reads it on a phone and gets it by email. */

const STRETCH = muscleById('upper-trapezius')!.selfCare.title;
const visit = { noteId: '', appointmentId: '', day: '', email: '' };

/** Every screening answer "no", so the gate is clear and treatment may go ahead. */
function clearIntake() {
  const questions = Object.fromEntries(QUESTION_IDS.map((q) => [q, 'no']));
  return {
    questionnaire: 'knotwork-intake-v1',
    answers: { questions, medications: [], surgeries: [], localIssues: [], pregnancy: { status: 'not-applicable' } },
    goals: ['Carry the shopping'],
    painMap: [{ region: 'neck-angle-right', intensity: 6 }],
  };
}

const app = browserSuite({
  pageOptions: { timeout: 15_000 },
  async setup() {
    const therapist = await app.api('therapist');
    const patient = await app.api('patient');
    const { user } = await patient<{ user: { patientId: string } }>('GET', '/api/auth/session');
    visit.email = (await patient<{ email: string }>('GET', `/api/patients/${user.patientId}`)).email;
    const me = await therapist<{ user: { therapistId: string; locationIds: string[] } }>('GET', '/api/auth/session');
    // The day before the demo's today, 06:00 at the therapist's first site: before opening, so it meets no demo
    // booking.
    visit.day = app.localDate(-1);
    const start = new Date(instantAt(visit.day, 6 * 60, DEMO_TIME_ZONE));
    const [row] = await app.db.query<{ id: string }>(
      `INSERT INTO appointments (org_id, patient_id, therapist_id, location_id, service_code, during, blocks, status)
       VALUES ($1, $2, $3, (SELECT location_id FROM therapist_locations WHERE org_id = $1 AND therapist_id = $3
       ORDER BY location_id LIMIT 1),
               'nmt-followup-60', tstzrange($4, $5), tstzrange($4, $5), 'completed') RETURNING id`,
      [app.orgId, user.patientId, me.user.therapistId, start, new Date(start.getTime() + 3_600_000)],
    );
    visit.appointmentId = row!.id;
    await therapist('POST', `/api/patients/${user.patientId}/intake`, clearIntake());
    const note = await therapist<{ id: string }>('POST', `/api/patients/${user.patientId}/sessions`, {
      appointmentId: visit.appointmentId,
      subjective: { painToday: 6 },
      objective: {},
      cptMinutes: [],
    });
    visit.noteId = note.id;
    await therapist('POST', `/api/sessions/${note.id}/steps`, {
      muscle: 'upper-trapezius',
      side: 'right',
      region: 'suprascapular-right',
      technique: 'ischemic-compression-finger',
      holdSeconds: 20,
      painRating: 6,
    });
    await therapist('POST', `/api/sessions/${note.id}/home-care/generate`);
    const sent = await therapist<{ email: string; sentAt: string | null }>(
      'POST',
      `/api/sessions/${note.id}/home-care/send`,
    );
    expect(sent).toMatchObject({ email: 'queued', sentAt: expect.any(String) });
  },
});

async function expectReadableOnPhone(page: Page, where: string) {
  expect(await seriousViolations(page), where).toEqual([]);
  // Nothing wider than the phone: no sideways scrolling to read it.
  expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(390);
}

describe('home care on the patient’s phone', () => {
  it('appears on My appointments after the visit and reads in full on Home care, with the PDF to print', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient', '/appointments');
    await page.getByRole('heading', { level: 1, name: 'My appointments' }).waitFor();
    const card = page.getByRole('region', { name: 'Your home care' });
    await card.waitFor();
    expect(await card.textContent()).toContain(`From your visit on ${dayLabel(visit.day)}`);
    // The visit itself, under "Earlier", links to its home care too.
    await page
      .locator('.sch-my-past li', { hasText: dayLabel(visit.day) })
      .getByRole('link', { name: /^Home care/ })
      .waitFor();
    await expectReadableOnPhone(page, 'My appointments');
    await shotIfAsked(page, 'home-care-01-my-appointments');

    await card.getByRole('link', { name: 'Read your home care' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home care' }).waitFor();
    const plan = page.getByRole('article', { name: `From your visit on ${dayLabel(visit.day)}` });
    await plan.waitFor();
    for (const words of ['After today', 'Your stretches', STRETCH, 'Call the clinic if', '16 to 24 oz'])
      expect(await plan.textContent()).toContain(words);
    // Text large enough to read without zooming.
    expect(
      await plan
        .locator('li')
        .first()
        .evaluate((li) => parseFloat(getComputedStyle(li).fontSize)),
    ).toBeGreaterThanOrEqual(16);
    await expectReadableOnPhone(page, 'Home care');
    await shotIfAsked(page, 'home-care-02-page');

    const pdf = await page.request.get(
      app.url + (await plan.getByRole('link', { name: /Download to print/ }).getAttribute('href'))!,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The menu names the page, so the patient finds it again.
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Home care' })
        .getAttribute('aria-current'),
    ).toBe('page');
  }, 60_000);

  it('is emailed to the patient with the handout attached', async () => {
    const mail = (await listMessages(app.db, { orgId: app.orgId })).filter((m) => m.kind === 'home-care');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.toAddress).toBe(visit.email);
    expect(mail[0]!.text).toContain('/home-care');
    expect(mail[0]!.attachments.map((a) => a.filename)).toEqual(['home-care.pdf']);
    expect(Buffer.from(mail[0]!.attachments[0]!.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
