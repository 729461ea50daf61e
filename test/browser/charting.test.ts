import { readFile } from 'node:fs/promises';
import { QUESTION_IDS } from '../../src/clinical/screening/questions.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, shotIfAsked, pauseClock, browserSuite, type PatientSummary } from './support.ts';
import { LETTER_PDF } from '../support/pdf.ts';

// The charting screens end to end on tablet viewports: one server and one browser for the file.
const LANDSCAPE = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };

const app = browserSuite({ pageOptions: { touch: true, acceptDownloads: true } });

/** Answers every screening question "no"/"none", so only what a test adds decides the gate. */
function intakeDocument(extra: Record<string, unknown> = {}, painMap = [{ region: 'neck-angle-right', intensity: 6 }]) {
  const questions = Object.fromEntries(QUESTION_IDS.map((q) => [q, 'no']));
  return {
    questionnaire: 'knotwork-intake-v1',
    answers: {
      questions,
      medications: [],
      surgeries: [],
      localIssues: [],
      pregnancy: { status: 'not-applicable' },
      ...extra,
    },
    goals: ['Turn my head when driving'],
    painStory: { onset: 'gradual', durationDays: 42 },
    painMap,
  };
}

/** Presses a body-chart region with the keyboard (focus + Enter), as a switch or keyboard user would. */
async function pressRegion(page: Page, region: string): Promise<void> {
  const path = page.locator(`path[data-region="${region}"]`).first();
  await path.focus();
  await page.keyboard.press('Enter');
}

async function ownPatientId(): Promise<string> {
  const patient = await app.api('patient');
  return (await patient<{ user: { patientId: string } }>('GET', '/api/auth/session')).user.patientId;
}

/** Picks a region, a muscle, runs one hold of `seconds` and rates it `pain`. */
async function hold(page: Page, seconds: number, pain: number): Promise<void> {
  // The clock stands still while the hold runs, so a slow machine cannot add a second.
  await pauseClock(page);
  await page.getByRole('button', { name: 'Start hold' }).click();
  await page.clock.runFor(seconds * 1000);
  await expect.poll(() => page.getByTestId('hold-seconds').textContent()).toBe(String(seconds));
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByText(`Held ${seconds} s.`).waitFor();
  await page.clock.resume();
  await page
    .locator('fieldset[data-name="hold-pain"]')
    .getByRole('button', { name: String(pain), exact: true })
    .click();
}

describe('the visit, charted, on a tablet', () => {
  it('intake → screening → assessment → plan → session with hold timer → reassessment → sign → PDF', async () => {
    const patientId = await ownPatientId();
    const page = await app.open(LANDSCAPE);

    // 1. The patient fills the questionnaire, one question per page.
    await app.signIn(page, 'patient', `/patients/${patientId}/intake`);
    await page.getByRole('link', { name: 'Start now' }).click();
    await page.getByRole('heading', { name: 'Do you have any of these now?' }).waitFor();
    await page.getByLabel('None of these').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Have you ever had any of these?' }).waitFor();
    await page.getByLabel('None of these').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Blood thinners').check();
    await page.getByLabel('Name of the medicine (optional)').fill('apixaban');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Injuries and operations' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('None of these').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Does not apply to me').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // Blood pressure and temperature are optional (usually taken at the desk).
    await page.getByRole('heading', { name: 'Blood pressure and temperature' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Goal 1').fill('Turn my head when reversing the car');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Continuing without an answer shows the error summary, linked to the field.
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(2);
    await shotIfAsked(page, '01-intake-error-summary');
    await page.getByLabel('Slowly, over time').check();
    await page.locator('#f-duration').fill('6');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What does it stop you doing?').fill('Driving, sleeping on my side');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Where does it hurt?' }).waitFor();
    await pressRegion(page, 'neck-angle-right');
    await page.locator('fieldset[data-name="pain-intensity"]').getByRole('button', { name: '6', exact: true }).click();
    await page.locator('path[data-region="temple-right"]').click();
    await page.locator('fieldset[data-name="pain-intensity"]').getByRole('button', { name: '4', exact: true }).click();
    expect(await page.locator('.ch-pain-list li').count()).toBe(2);
    await shotIfAsked(page, '02-intake-pain-map');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
    expect(await page.locator('.ch-review').textContent()).toContain('Blood thinners: apixaban');
    await shotIfAsked(page, '03-intake-review');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you, your answers are sent' }).waitFor();

    // 2. The therapist opens the chart: screening ran on the new version.
    await page.context().clearCookies();
    await app.signIn(page, 'therapist', `/patients/${patientId}/chart`);
    await page.getByRole('heading', { level: 1, name: /Assessment/ }).waitFor();
    await page.getByRole('region', { name: 'Screening' }).waitFor();
    // The intake's pain map is the starting point; the referral engine ranks upper trapezius first.
    await page.locator('.ch-suggestion-list li').first().waitFor();
    expect(await page.locator('.ch-suggestion-list li').first().textContent()).toContain('Upper trapezius');
    await page.getByRole('button', { name: 'Place trigger point' }).click();
    await pressRegion(page, 'neck-angle-right');
    await page.getByRole('heading', { name: /Trigger point at/ }).waitFor();
    await page.getByLabel('Upper trapezius').check();
    await page.getByRole('button', { name: 'Jump sign' }).click();
    await page.locator('fieldset[data-name="tenderness"]').getByRole('button', { name: '7', exact: true }).click();
    await page.getByRole('button', { name: 'Add trigger point' }).click();
    await page.locator('.ch-suggestion-list li.is-confirmed', { hasText: 'Upper trapezius' }).waitFor();
    await page.locator('#rom-add').selectOption({ label: 'Cervical rotation (normal 60°)' });
    await page.getByLabel('Degrees, cervical rotation').fill('45');
    expect(await page.locator('.ch-rom tbody tr').first().textContent()).toContain('75%');
    await shotIfAsked(page, '04-assessment');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByText(/Assessment saved \(version \d+\)/).waitFor();

    // 3. The plan from the factors, saved and booked as a series.
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('heading', { name: /Proposal: \d+ visits/ }).waitFor();
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText(/Plan saved/).waitFor();
    await shotIfAsked(page, '05-plan');
    // Therapists do not book; a manager books the series from the saved plan.
    expect(await page.getByRole('button', { name: 'Book the series' }).count()).toBe(0);
    await page.context().clearCookies();
    await app.signIn(page, 'manager', `/patients/${patientId}/chart/plan`);
    await page.getByRole('button', { name: 'Book the series' }).click();
    // The demo schedule decides whether every visit fits; either way the answer is on screen.
    await page.locator('.ch-plan-booked .alert-success, .ch-conflicts').first().waitFor();
    expect(await page.locator('.ch-plan').textContent()).toMatch(/Booked \d+ visits|cannot be booked as wanted/);
    await shotIfAsked(page, '05b-plan-booked');
    await page.context().clearCookies();
    await app.signIn(page, 'therapist', `/patients/${patientId}/chart/plan`);

    // 4. The session: two holds on the timer, one a STOP.
    await page.getByRole('link', { name: 'Sessions', exact: true }).click();
    await page.getByRole('button', { name: "Start today's session note" }).click();
    await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
    await pressRegion(page, 'neck-angle-right');
    await page.locator('#treat-muscle').selectOption('upper-trapezius');
    await hold(page, 12, 6);
    await page.getByText('Step 1 recorded').waitFor();
    await hold(page, 15, 9);
    await page.locator('.ch-stop', { hasText: 'STOP' }).waitFor();
    // STOP shows at once; the stopped hold is then recorded as the second step.
    await page.locator('.ch-steps tbody tr').nth(1).waitFor();
    await shotIfAsked(page, '06-session-stop');
    expect(await page.locator('.ch-steps tbody tr').count()).toBe(2);

    // SOAP with CPT minutes → units by the 8-minute rule.
    await page.locator('fieldset[data-name="pain-today"]').getByRole('button', { name: '6', exact: true }).click();
    await page.locator('#cpt-min-0').fill('38');
    await expect.poll(() => page.locator('.ch-units-total').textContent()).toContain('38 min → 3 units');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('Notes saved.').waitFor();

    // 5. Reassessment and the NPRS trend.
    await page.locator('fieldset[data-name="pain-after"]').getByRole('button', { name: '3', exact: true }).click();
    // The motion measured at assessment (45°) is listed for re-measuring after treatment.
    const reassess = page.getByRole('region', { name: 'Reassessment' });
    await reassess
      .getByRole('group', { name: /Cervical rotation/ })
      .getByLabel('After, degrees')
      .fill('55');
    await page.getByRole('button', { name: 'Save reassessment' }).click();
    await page.getByText('Recorded: pain after 3/10, 1 motion re-measured.').waitFor();
    const neck = page.locator('.ch-comparison-table tbody tr', { hasText: 'Cervical rotation' }).locator('td');
    expect(await neck.allTextContents()).toEqual(['45°', '—', '55°', '—', '▲ +10° · better']);
    await page.locator('fieldset[data-name="nprs"]').getByRole('button', { name: '3', exact: true }).click();
    await page.locator('.ch-trend svg').first().waitFor();

    // 6. Home care: generated from the treated muscle, saved, sent; the PDF handout downloads.
    await page.getByRole('button', { name: 'Generate home care' }).click();
    await page.getByLabel(/Shoulder ridge release/).waitFor();
    await page.getByRole('button', { name: 'Save home care' }).click();
    await page.getByText('Home care saved.').waitFor();
    await page.getByRole('button', { name: 'Send to patient' }).click();
    await page.getByText(/Sent: the patient can read it in the app/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the handout (PDF)' }).click(),
    ]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // 7. Sign: the note locks; a correction is an amendment in the history.
    await page.getByRole('button', { name: 'Sign and lock' }).click();
    await page.getByRole('heading', { name: 'Signed and locked' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save notes' }).isDisabled()).toBe(true);
    await page.getByLabel('Reason').fill('Wrong relief days');
    await page.getByLabel('Correction').fill('Relief lasted 3 days, not 2.');
    await page.getByRole('button', { name: 'Save amendment' }).click();
    await page.locator('.ch-history li', { hasText: 'amended' }).waitFor();
    await shotIfAsked(page, '07-session-signed');
  }, 180_000);
});

/** Patients other than the demo patient's own record, for the refused paths. */
async function otherPatients(): Promise<PatientSummary[]> {
  const therapist = await app.api('therapist');
  const own = await ownPatientId();
  return (await therapist<{ patients: PatientSummary[] }>('GET', '/api/patients?pageSize=10')).patients.filter(
    (p) => p.id !== own,
  );
}

async function openNewNote(page: Page, patientId: string): Promise<void> {
  await page.goto(`${app.url}/patients/${patientId}/chart/sessions`);
  await page.getByRole('button', { name: "Start today's session note" }).click();
  await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
}

describe('the refused paths, shown on the tablet', () => {
  it('a contraindicated patient without clearance: the step is refused until a clearance is recorded', async () => {
    const [patient] = await otherPatients();
    const desk = await app.api('therapist');
    await desk(
      'POST',
      `/api/patients/${patient!.id}/intake`,
      intakeDocument({ questions: { ...intakeDocument().answers.questions, bloodClot: 'yes' } }),
    );
    const page = await app.open(PORTRAIT);
    await app.signIn(page, 'therapist', `/patients/${patient!.id}/chart/sessions`);
    await page
      .getByRole('heading', { name: "Treatment cannot be recorded until a physician's clearance is recorded" })
      .waitFor();
    await openNewNote(page, patient!.id);
    await pressRegion(page, 'neck-angle-right');
    await page.locator('#treat-muscle').selectOption('upper-trapezius');
    await hold(page, 12, 6);
    const refused = page.locator('.ch-refused[data-code="treatment_blocked"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Treatment blocked');
    expect(await page.locator('.ch-steps').count()).toBe(0);
    await shotIfAsked(page, '08-refused-blocked-portrait');

    // The clearance form: a letter that is not a PDF or image is refused before upload.
    await page.getByLabel('Physician').fill('Dr Ana Ruiz');
    await page.getByLabel('Date of clearance').fill('2026-11-20');
    await page.getByLabel('What was cleared').fill('Massage cleared; DVT treated and resolved.');
    await page
      .getByLabel('Clearance letter')
      .setInputFiles({ name: 'letter.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByRole('button', { name: 'Record clearance' }).click();
    await page.locator('.error-summary', { hasText: 'must be a PDF, PNG or JPEG' }).waitFor();
    await page
      .getByLabel('Clearance letter')
      .setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: LETTER_PDF });
    await page.getByRole('button', { name: 'Record clearance' }).click();
    await page
      .getByRole('heading', { name: "Treatment cannot be recorded until a physician's clearance is recorded" })
      .waitFor({ state: 'detached' });
    await hold(page, 12, 6);
    await page.getByText('Step 1 recorded').waitFor();
  }, 120_000);

  it('a step on a local-avoid region is refused; the region is hatched with a legend', async () => {
    const [, patient] = await otherPatients();
    const desk = await app.api('therapist');
    await desk(
      'POST',
      `/api/patients/${patient!.id}/intake`,
      intakeDocument({ localIssues: [{ kind: 'varicose-veins', regions: ['calf-left'] }] }),
    );
    const page = await app.open(LANDSCAPE);
    await app.signIn(page, 'therapist', `/patients/${patient!.id}/chart`);
    await page.getByRole('heading', { name: 'Do not treat these places' }).waitFor();
    expect(await page.locator('path[data-region="calf-left"]').first().getAttribute('fill')).toMatch(/^url\(#ch-hatch/);
    expect(await page.locator('path[data-region="calf-left"]').first().getAttribute('aria-label')).toContain(
      'do not treat',
    );
    await openNewNote(page, patient!.id);
    await pressRegion(page, 'calf-left');
    await page.getByText('Screening says do not treat here.').waitFor();
    await page.locator('#treat-muscle').selectOption({ index: 1 });
    await hold(page, 12, 5);
    await page.locator('.ch-refused[data-code="region_avoided"]').waitFor();
    await shotIfAsked(page, '09-refused-region');
  }, 120_000);

  it('editing a signed note is refused and says to amend instead', async () => {
    const [, , patient] = await otherPatients();
    const therapist = await app.api('therapist');
    const note = await therapist<{ id: string }>('POST', `/api/patients/${patient!.id}/sessions`, {
      subjective: {},
      objective: {},
      cptMinutes: [],
    });
    const page = await app.open(LANDSCAPE);
    await app.signIn(page, 'therapist', `/patients/${patient!.id}/chart/sessions/${note.id}`);
    await page.getByRole('heading', { name: 'Sign the note' }).waitFor();
    // Signed elsewhere (another tablet) while this screen still shows the draft.
    await therapist('POST', `/api/sessions/${note.id}/sign`, {});
    await page.locator('fieldset[data-name="pain-today"]').getByRole('button', { name: '5', exact: true }).click();
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.locator('.ch-refused', { hasText: 'This note is signed and locked' }).waitFor();
    await page.getByRole('heading', { name: 'Signed and locked' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save notes' }).isDisabled()).toBe(true);
  }, 120_000);
});

describe('axe-core finds no serious or critical violations on the charting screens', () => {
  // One patient with an intake and an open note serves both orientations, made once.
  let sweepPatient: Promise<{ patient: { id: string }; note: { id: string } }> | undefined;
  const sweepSetup = async () => {
    const [, , , patient] = await otherPatients();
    const therapist = await app.api('therapist');
    await therapist(
      'POST',
      `/api/patients/${patient!.id}/intake`,
      intakeDocument({ localIssues: [{ kind: 'bruise', regions: ['calf-right'] }] }),
    );
    const note = await therapist<{ id: string }>('POST', `/api/patients/${patient!.id}/sessions`, {
      subjective: { painToday: 5 },
      objective: {},
      cptMinutes: [],
    });
    return { patient: patient!, note };
  };

  // Each orientation is its own test: the sweep runs axe on ~15 screens, too long for one timeout on a busy machine.
  it.each([
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
  ])(
    'intake pages (with an error summary) and chart, plan and session screens, %s',
    async (_name, viewport) => {
      const { patient, note } = await (sweepPatient ??= sweepSetup());
      const problems: string[] = [];
      const audit = async (page: Page, label: string) => {
        await page.locator('main h1').first().waitFor();
        await page.locator('.loading').waitFor({ state: 'detached' });
        for (const v of await seriousViolations(page))
          problems.push(
            `${label}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
      };
      const page = await app.open(viewport);
      await app.signIn(page, 'front_desk', `/patients/${patient!.id}/intake`);
      for (const step of [
        '',
        'health-now',
        'medicines',
        'injuries',
        'body-issues',
        'pregnancy',
        'vitals',
        'pain-start',
        'pain-map',
        'review',
      ]) {
        await page.goto(`${app.url}/patients/${patient!.id}/intake${step ? `?step=${step}` : ''}`);
        await audit(page, `${viewport.width} intake ${step || 'start'}`);
      }
      await page.goto(`${app.url}/patients/${patient!.id}/intake?step=injuries`);
      await page.getByRole('button', { name: 'Add an operation' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.error-summary').waitFor();
      await audit(page, `${viewport.width} intake error summary`);
      await page.context().close();
      const clinician = await app.open(viewport);
      await app.signIn(clinician, 'therapist', `/patients/${patient!.id}/chart`);
      for (const path of ['chart', 'chart/plan', 'chart/sessions', `chart/sessions/${note.id}`]) {
        await clinician.goto(`${app.url}/patients/${patient!.id}/${path}`);
        await audit(clinician, `${viewport.width} ${path}`);
      }
      // The states a tap opens: the palpation panel, and the timer asking for the pain rating.
      await clinician.goto(`${app.url}/patients/${patient!.id}/chart`);
      await clinician.getByRole('button', { name: 'Place trigger point' }).click();
      await pressRegion(clinician, 'neck-angle-right');
      await clinician.getByLabel('Upper trapezius').check();
      await audit(clinician, `${viewport.width} palpation panel`);
      await clinician.goto(`${app.url}/patients/${patient!.id}/chart/sessions/${note.id}`);
      await pressRegion(clinician, 'neck-angle-right');
      await clinician.locator('#treat-muscle').selectOption('upper-trapezius');
      await clinician.getByRole('button', { name: 'Start hold' }).click();
      await clinician.clock.fastForward(3000);
      await clinician.getByRole('button', { name: 'Stop' }).click();
      await audit(clinician, `${viewport.width} hold rating`);
      await clinician.context().close();
      expect(problems).toEqual([]);
    },
    180_000,
  );
});
