import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, shotIfAsked, browserSuite } from './support.ts';

// The charting gaps end to end: desk readings in the intake, the gate override, past versions and
// the outcome questionnaires, on a phone (the patient) and a tablet (the clinic). One server for the file.
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1024, height: 768 };

let patientId: string;
const problems: string[] = [];
const app = browserSuite({
  pageOptions: { touch: true, timeout: 15_000 },
  async setup() {
    const session = await (await app.api('patient'))<{ user: { patientId: string } }>('GET', '/api/auth/session');
    patientId = session.user.patientId;
  },
});

async function audit(page: Page, label: string): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
  for (const v of await seriousViolations(page))
    problems.push(`${label}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue' }).click();

describe.sequential('intake readings, the gate override, past versions and outcome questionnaires', () => {
  it('the patient gives a stroke date and 38.5 °C on a phone; the therapist sees the block, no Override', async () => {
    const page = await app.open(PHONE);
    await app.signIn(page, 'patient', `/patients/${patientId}/intake`);
    await page.getByRole('link', { name: 'Start now' }).click();
    await page.getByRole('heading', { name: 'Do you have any of these now?' }).waitFor();
    await page.getByLabel('None of these').check();
    await continueButton(page);
    await page.getByRole('heading', { name: 'Have you ever had any of these?' }).waitFor();
    await page.getByLabel('None of these').check();
    await page
      .getByRole('group', { name: /mini-stroke/ })
      .getByLabel('Yes')
      .check();
    // The date is asked only once the stroke box is ticked, and it is required then.
    await continueButton(page);
    await page
      .locator('.error-summary')
      .getByRole('link', { name: /date of your most recent stroke/ })
      .waitFor();
    await page.getByLabel('Date of the most recent stroke or TIA').fill('2025-03-01');
    await continueButton(page);
    await page.getByRole('heading', { name: 'Which medicines do you take?' }).waitFor();
    await continueButton(page);
    await page.getByRole('heading', { name: 'Injuries and operations' }).waitFor();
    await continueButton(page);
    await page.getByLabel('None of these').check();
    await continueButton(page);
    await page.getByLabel('Does not apply to me').check();
    await continueButton(page);

    await page.getByRole('heading', { name: 'Blood pressure and temperature' }).waitFor();
    // The demo's sites are in the US, so the thermometer reads °F unless the patient says otherwise.
    expect(await page.locator('.ch-unit').allTextContents()).toEqual(['mmHg', 'mmHg', '°F']);
    await page.getByLabel('Degrees Celsius (°C)').check();
    expect(await page.locator('.ch-unit').allTextContents()).toEqual(['mmHg', 'mmHg', '°C']);
    await page.getByLabel('Upper number (systolic)').fill('90');
    await page.getByLabel('Lower number (diastolic)').fill('95');
    await page.locator('#f-temperature').fill('385');
    await continueButton(page);
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('must be less than the upper (systolic) number');
    expect(await summary.textContent()).toContain('from 30 to 45 °C');
    await audit(page, 'phone intake vitals errors');
    await shotIfAsked(page, 'intake-vitals-errors');
    expect(await noSideScroll(page)).toBe(true);
    await page.getByLabel('Upper number (systolic)').fill('128');
    await page.getByLabel('Lower number (diastolic)').fill('82');
    await page.locator('#f-temperature').fill('38.5');
    await continueButton(page);

    await page.getByLabel('Goal 1').fill('Turn my head when driving');
    await continueButton(page);
    await page.getByLabel('Slowly, over time').check();
    await page.locator('#f-duration').fill('6');
    await continueButton(page);
    await page.getByRole('heading', { name: 'How your pain behaves' }).waitFor();
    await continueButton(page);
    await page.getByRole('heading', { name: 'Where does it hurt?' }).waitFor();
    // On a phone the chart shows one side at a time; the angle of the neck is on the back.
    await page.locator('.ch-phone-chart .ch-toggle', { hasText: 'Back' }).click();
    await page.locator('path[data-region="neck-angle-right"]').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('fieldset[data-name="pain-intensity"]').getByRole('button', { name: '6', exact: true }).click();
    await continueButton(page);
    await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
    const review = await page.locator('.ch-review').textContent();
    expect(review).toContain('38.5 °C');
    expect(review).toContain('128/82 mmHg');
    expect(review).toContain('Saturday, March 1, 2025');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you, your answers are sent' }).waitFor();

    // What was stored is what the screening rules read.
    const v1 = await (
      await app.api('therapist')
    )<{ document: { answers: Record<string, unknown> }; screening: { decision: string } }>(
      'GET',
      `/api/patients/${patientId}/intake/1`,
    );
    expect(v1.document.answers).toMatchObject({
      temperatureC: 38.5,
      bloodPressure: { systolic: 128, diastolic: 82 },
      lastStrokeOrTiaDate: '2025-03-01',
    });
    expect(v1.screening.decision).toBe('contraindicated');

    const therapist = await app.open(TABLET);
    await app.signIn(therapist, 'therapist', `/patients/${patientId}/chart`);
    const banner = therapist.locator('.ch-gate-blocked');
    await banner
      .getByRole('heading', { name: "Treatment cannot be recorded until a physician's clearance is recorded" })
      .waitFor();
    expect(await banner.textContent()).toMatch(/38\.5/);
    expect(await therapist.getByRole('button', { name: 'Override' }).count()).toBe(0);
  }, 300_000);

  it('a manager overrides with a reason; the banner shows who, when and why, and treatment is allowed', async () => {
    const page = await app.open(TABLET);
    await app.signIn(page, 'manager', `/patients/${patientId}/chart`);
    await page.locator('.ch-gate-blocked').waitFor();
    await page.getByRole('button', { name: 'Override' }).click();
    await page.getByRole('button', { name: 'Override and allow treatment' }).click();
    await page
      .locator('.error-summary')
      .getByRole('link', { name: /Say why treatment may go ahead/ })
      .waitFor();
    await audit(page, 'tablet override form');
    await shotIfAsked(page, 'intake-override-form');
    await page.getByLabel('Reason for the override').fill('Temperature re-taken at the desk: 36.9 °C');
    await page.getByRole('button', { name: 'Override and allow treatment' }).click();
    const record = page.locator('.ch-gate-override');
    await record.getByRole('heading', { name: 'Screening overridden' }).waitFor();
    const text = await record.textContent();
    expect(text).toContain('Reason: Temperature re-taken at the desk: 36.9 °C');
    expect(text).toMatch(/Overridden by .+\(Manager\) on /);
    expect(await page.locator('.ch-gate-blocked').count()).toBe(0);
    await audit(page, 'tablet chart after override');
    await shotIfAsked(page, 'intake-override-done');
    const gate = await (
      await app.api('therapist')
    )<{ treatmentAllowed: boolean; overrides: { reason: string }[] }>('GET', `/api/patients/${patientId}/gate`);
    expect(gate.treatmentAllowed).toBe(true);
    expect(gate.overrides.map((o) => o.reason)).toEqual(['Temperature re-taken at the desk: 36.9 °C']);
    // The therapist now sees the override in the banner too, after a reload.
    const therapist = await app.open(TABLET);
    await app.signIn(therapist, 'therapist', `/patients/${patientId}/chart`);
    await therapist.locator('.ch-gate-override', { hasText: 'Temperature re-taken' }).waitFor();
  }, 300_000);

  it('the patient fills the NDI on a 390 px phone: one skip allowed, score and band from the server', async () => {
    const page = await app.open(PHONE);
    await app.signIn(page, 'patient', `/patients/${patientId}`);
    const card = page.locator('.ms-card');
    await card.waitFor();
    await shotIfAsked(page, 'intake-profile-card');
    await card.getByRole('link', { name: 'Fill in the Neck Disability Index' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neck Disability Index' }).waitFor();
    expect(await page.locator('fieldset.ms-section').count()).toBe(10);
    // Statements scored 0–5 in order, then "Skip this section": Driving (8) and Sleeping (9) skipped is one too many.
    const picks = [2, 1, 2, 1, 3, 2, 1, 'skip', 'skip', 1] as const;
    for (const [i, pick] of picks.entries()) {
      const section = page.locator('fieldset.ms-section').nth(i);
      await section
        .locator('input[type="radio"]')
        .nth(pick === 'skip' ? 6 : pick)
        .check();
    }
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Skip at most one section').first().waitFor();
    await page.locator('fieldset.ms-section').nth(8).locator('input[type="radio"]').nth(2).check();
    expect(await noSideScroll(page)).toBe(true);
    await audit(page, 'phone NDI form');
    await shotIfAsked(page, 'intake-ndi-form');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    // 2+1+2+1+3+2+1+2+1 = 15 from nine sections; one missing adds their mean: 15 + 15/9 = 16.7 of 50, 33.3 %,
    // "moderate".
    const result = page.locator('.ch-confirmation');
    await result.getByRole('heading', { name: 'Thank you, your answers are sent' }).waitFor();
    expect(await result.textContent()).toContain('16.7 out of 50 (33.3%)');
    expect(await result.textContent()).toContain('moderate');
    await audit(page, 'phone NDI result');
    await shotIfAsked(page, 'intake-ndi-result');
    expect(await noSideScroll(page)).toBe(true);
  }, 300_000);

  it('the desk fills the PSFS for the patient; the therapist sees both in the chart trends', async () => {
    const page = await app.open(TABLET);
    await app.signIn(page, 'front_desk', `/patients/${patientId}`);
    await page.locator('.ms-card').getByRole('link', { name: 'Fill in the Patient-Specific Functional Scale' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patient-Specific Functional Scale' }).waitFor();
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary li').count()).toBe(6);
    // Answering an activity clears its messages, so the completed form shows none.
    const activities = [
      ['Reversing the car', 3],
      ['Sleeping on my side', 5],
      ['Carrying shopping', 7],
    ] as const;
    for (const [i, [name, score]] of activities.entries()) {
      await page.getByLabel(`Activity ${i + 1}`, { exact: true }).fill(name);
      await page
        .locator(`fieldset[data-name="activity-${i}-score"]`)
        .getByRole('button', { name: String(score), exact: true })
        .click();
    }
    expect(await page.locator('.error-summary').count()).toBe(0);
    await audit(page, 'tablet PSFS form');
    await shotIfAsked(page, 'intake-psfs-form');
    await page.getByRole('button', { name: 'Save answers' }).click();
    const result = page.locator('.ch-confirmation');
    await result.getByRole('heading', { name: 'PSFS saved' }).waitFor();
    expect(await result.textContent()).toContain('5 out of 10');

    const note = await (
      await app.api('therapist')
    )<{ id: string }>('POST', `/api/patients/${patientId}/sessions`, {
      subjective: { painToday: 5 },
      objective: {},
      cptMinutes: [],
    });
    const therapist = await app.open(TABLET);
    await app.signIn(therapist, 'therapist', `/patients/${patientId}/chart/sessions/${note.id}`);
    const trends = therapist.locator('#measures-title').locator('xpath=..').locator('.ch-trends');
    await trends.locator('svg[aria-label^="Neck Disability Index: first 16.7"]').waitFor();
    await trends.locator('svg[aria-label^="PSFS: first 5"]').waitFor();
    await shotIfAsked(therapist, 'intake-session-trends');
    // The due list links each questionnaire to its form.
    const fillIn = therapist.locator('.ch-due').getByRole('link', { name: /Fill in/ });
    expect(await fillIn.count()).toBeGreaterThan(0);
    // From the session, the questionnaire belongs to this visit and "Back" returns to it.
    expect(await fillIn.first().getAttribute('href')).toContain(`&session=${note.id}`);
    await fillIn.first().click();
    await therapist.getByRole('link', { name: 'Back', exact: true }).click();
    await therapist.waitForURL(`**/chart/sessions/${note.id}`);

    // A repeat PSFS rates the same activities: the patient's next form starts from the names given last time.
    const phone = await app.open(PHONE);
    await app.signIn(phone, 'patient', `/patients/${patientId}/measures/new?instrument=psfs`);
    await phone.getByRole('heading', { level: 1, name: 'Patient-Specific Functional Scale' }).waitFor();
    for (const [i, [name]] of activities.entries())
      expect(await phone.getByLabel(`Activity ${i + 1}`, { exact: true }).inputValue()).toBe(name);
  }, 300_000);

  it('past versions: a new version keeps version 1, which opens read-only with its screening', async () => {
    const desk = await app.api('front_desk');
    const v1 = await desk<{ document: Record<string, unknown> }>('GET', `/api/patients/${patientId}/intake/1`);
    const { temperatureC: _fever, ...answers } = (v1.document as { answers: Record<string, unknown> }).answers;
    await desk('POST', `/api/patients/${patientId}/intake`, { ...v1.document, answers });
    const page = await app.open(TABLET);
    await app.signIn(page, 'manager', `/patients/${patientId}/intake`);
    const versions = page.locator('.ch-versions');
    await versions.getByRole('heading', { name: 'Previous versions' }).waitFor();
    expect(await versions.locator('li').count()).toBe(2);
    expect(await versions.locator('li').first().textContent()).toMatch(/Version 2 sent .+ by .*Front desk/);
    await audit(page, 'tablet intake start with versions');
    await shotIfAsked(page, 'intake-versions');
    await versions.getByRole('link', { name: 'Version 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Health questionnaire, version 1' }).waitFor();
    expect(await page.locator('.ch-version-screening').textContent()).toContain('Contraindicated');
    expect(await page.locator('.ch-review').textContent()).toContain('38.5 °C');
    expect(
      await page
        .locator('.ch-review')
        .getByRole('link', { name: /^Change/ })
        .count(),
    ).toBe(0);
    await audit(page, 'tablet intake version 1');
    await shotIfAsked(page, 'intake-version-1');
    // The patient sees their own past answers, on a phone.
    const phone = await app.open(PHONE);
    await app.signIn(phone, 'patient', `/patients/${patientId}/intake/versions/1`);
    await phone.getByRole('heading', { level: 1, name: 'Health questionnaire, version 1' }).waitFor();
    expect(await phone.locator('.ch-review').textContent()).toContain('38.5 °C');
    await audit(phone, 'phone intake version 1');
    expect(await noSideScroll(phone)).toBe(true);
  }, 300_000);

  it('axe-core found no serious or critical violations on the new pages', () => {
    expect(problems).toEqual([]);
  });
});
