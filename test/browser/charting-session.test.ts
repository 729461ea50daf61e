import type { Page } from 'playwright-core';
import { QUESTION_IDS } from '../../src/clinical/screening/questions.ts';
import { describe, expect, it } from 'vitest';
import { wallClock } from '../../src/time/index.ts';
import { monthDay } from './labels.ts';
import { seriousViolations, shotIfAsked, browserSuite, type PatientSummary } from './support.ts';

// Reassessment after treatment and booking a plan's series, on a tablet held both ways.
const PORTRAIT = { width: 820, height: 1180 };
const LANDSCAPE = { width: 1180, height: 820 };

const app = browserSuite({ pageOptions: { touch: true } });

interface Slot {
  start: string;
  therapistId: string;
  locationId: string;
}
interface Appointment {
  id: string;
  patientId: string;
  therapistId: string;
  locationId: string;
  start: string;
  status: string;
  seriesId: string | null;
}
interface Site {
  id: string;
  name: string;
  timeZone: string;
}
interface RomComparison {
  joint: string;
  motion: string;
  side: string | null;
  intake: number | null;
  before: number | null;
  after: number | null;
  changeInSession: number | null;
  changeSinceIntake: number | null;
}
interface Comparison {
  pain: {
    intake: number | null;
    before: number | null;
    after: number | null;
    changeInSession: number | null;
    changeSinceIntake: number | null;
  };
  rom: RomComparison[];
}

/** Every screening answer "no", so the gate is clear and treatment may go ahead. */
function clearIntake() {
  const questions = Object.fromEntries(QUESTION_IDS.map((q) => [q, 'no']));
  return {
    questionnaire: 'knotwork-intake-v1',
    answers: { questions, medications: [], surgeries: [], localIssues: [], pregnancy: { status: 'not-applicable' } },
    goals: ['Reach the top shelf'],
    painStory: { onset: 'gradual', durationDays: 30 },
    painMap: [{ region: 'neck-angle-right', intensity: 6 }],
  };
}

async function axeClean(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations.map((v) => v.id))}`).toEqual([]);
}

/** The text of each cell in the comparison table's row for `measure`. */
async function comparisonRow(page: Page, measure: string): Promise<string[]> {
  const row = page.locator('.ch-comparison-table tbody tr', { has: page.getByRole('rowheader', { name: measure }) });
  return row.locator('td').allTextContents();
}

describe('reassessment after treatment', () => {
  it("re-measures the assessment's motions, then compares pain and ROM with before and with intake", async () => {
    const therapist = await app.api('therapist');
    const { patients } = await therapist<{ patients: PatientSummary[] }>('GET', '/api/patients?pageSize=10');
    const patient = patients[3]!;
    await therapist('POST', `/api/patients/${patient.id}/intake`, clearIntake());
    await therapist('POST', `/api/patients/${patient.id}/assessments`, {
      findings: {
        rom: [
          { joint: 'cervical', motion: 'rotation', side: 'left', degrees: 40 },
          { joint: 'shoulder', motion: 'flexion', side: 'right', degrees: 120, painOnMotion: true },
        ],
      },
    });
    const note = await therapist<{ id: string }>('POST', `/api/patients/${patient.id}/sessions`, {
      subjective: { painToday: 6 },
      objective: { rom: [{ joint: 'cervical', motion: 'rotation', side: 'left', degrees: 50 }] },
      cptMinutes: [],
    });

    const page = await app.open(PORTRAIT);
    await app.signIn(page, 'therapist', `/patients/${patient.id}/chart/sessions/${note.id}`);
    const reassess = page.getByRole('region', { name: 'Reassessment' });
    await reassess.waitFor();
    // The assessment's motions are listed; "before" comes from this note's objective ROM.
    const neck = reassess.getByRole('group', { name: 'Cervical rotation (left)' });
    const shoulder = reassess.getByRole('group', { name: 'Shoulder flexion (right)' });
    expect(await neck.getByLabel('Before, degrees').inputValue()).toBe('50');
    expect(await shoulder.getByLabel('Before, degrees').inputValue()).toBe('');

    // A typo is named at the field, nothing is saved.
    await page.locator('fieldset[data-name="pain-after"]').getByRole('button', { name: '2', exact: true }).click();
    await neck.getByLabel('After, degrees').fill('400');
    await reassess.getByRole('button', { name: 'Save reassessment' }).click();
    await neck.getByText('Enter degrees from 0 to 360, or leave it empty.').waitFor();
    expect(await neck.getByLabel('After, degrees').getAttribute('aria-invalid')).toBe('true');

    await neck.getByLabel('After, degrees').fill('62');
    await shoulder.getByLabel('Before, degrees').fill('125');
    await shoulder.getByLabel('After, degrees').fill('140');
    await shoulder.getByLabel('Pain on motion after').check();
    await reassess.getByRole('button', { name: 'Save reassessment' }).click();
    await reassess.getByText('Recorded: pain after 2/10, 2 motions re-measured.').waitFor();
    await page.locator('.ch-comparison-table').waitFor();

    // The table shows what the API computes, and the numbers are the ones entered.
    const comparison = await therapist<Comparison>('GET', `/api/sessions/${note.id}/comparison`);
    const pain = await comparisonRow(page, 'Pain (NPRS 0–10, lower is better)');
    const show = (n: number | null) => (n === null ? '—' : String(n));
    expect(pain.slice(0, 3)).toEqual([show(comparison.pain.intake), '6', '2']);
    expect(comparison.pain).toMatchObject({ before: 6, after: 2, changeInSession: -4 });
    expect(pain[3]).toBe('▼ −4 pts · better');
    const neckApi = comparison.rom.find((r) => r.joint === 'cervical')!;
    expect(neckApi).toMatchObject({ intake: 40, before: 50, after: 62, changeInSession: 12, changeSinceIntake: 22 });
    expect(await comparisonRow(page, 'Cervical rotation (left), degrees')).toEqual([
      '40°',
      '50°',
      '62°',
      '▲ +12° · better',
      '▲ +22° · better',
    ]);
    const shoulderApi = comparison.rom.find((r) => r.joint === 'shoulder')!;
    expect(shoulderApi).toMatchObject({
      intake: 120,
      before: 125,
      after: 140,
      changeInSession: 15,
      changeSinceIntake: 20,
    });
    expect(await comparisonRow(page, 'Shoulder flexion (right), degrees')).toEqual([
      '120° · pain on motion',
      '125°',
      '140° · pain on motion',
      '▲ +15° · better',
      '▲ +20° · better',
    ]);
    // "Before" went into the note itself.
    const saved = await therapist<{
      objective: { rom: { joint: string; degrees: number }[] };
      reassessment: { rom: { joint: string; painOnMotion?: boolean }[] };
    }>('GET', `/api/sessions/${note.id}`);
    expect(saved.objective.rom.map((r) => [r.joint, r.degrees])).toEqual([
      ['cervical', 50],
      ['shoulder', 125],
    ]);
    expect(saved.reassessment.rom.find((r) => r.joint === 'shoulder')?.painOnMotion).toBe(true);

    await axeClean(page, 'reassessment, portrait');
    await shotIfAsked(page, 'session-reassess-portrait');
    await page.setViewportSize(LANDSCAPE);
    await axeClean(page, 'reassessment, landscape');
    const box = await reassess.getByRole('button', { name: 'Save reassessment' }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await shotIfAsked(page, 'session-reassess-landscape');
    // On a phone the fields stack and the comparison scrolls inside its frame, not the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await axeClean(page, 'reassessment, phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shotIfAsked(page, 'session-reassess-phone');
  }, 120_000);
});

/** The manager's site, its zone, and the therapist whose plans are booked there. */
async function bookingSetup() {
  const manager = await app.api('manager');
  const signedInTherapistId = (
    await (
      await app.api('therapist')
    )<{ user: { therapistId: string } }>('GET', '/api/auth/session')
  ).user.therapistId;
  const { therapists } = await manager<{ therapists: { id: string; name: string; locationIds: string[] }[] }>(
    'GET',
    '/api/therapists',
  );
  const therapist = therapists.find((p) => p.id === signedInTherapistId)!;
  const { locations } = await manager<{ locations: Site[] }>('GET', '/api/locations');
  const site = locations.find((l) => l.id === therapist.locationIds[0])!;
  return { manager, therapist, site };
}

/** A demo patient the therapist treats, with a clear screening. */
async function treatedPatient(index: number): Promise<string> {
  const therapist = await app.api('therapist');
  const { patients } = await therapist<{ patients: PatientSummary[] }>('GET', '/api/patients?pageSize=20');
  const patient = patients[index]!;
  await therapist('POST', `/api/patients/${patient.id}/intake`, clearIntake());
  return patient.id;
}

/**
 * A weekday and time the therapist is free in `weeks` weeks running from about `daysAhead` on, on
 * days the patient has nothing booked, so a weekly plan of that many visits fits as planned.
 */
async function weeklyFreeTime(
  setup: Awaited<ReturnType<typeof bookingSetup>>,
  patientId: string,
  daysAhead: number,
  weeks: number,
) {
  const from = wallClock(app.now().getTime() + daysAhead * 86_400_000, setup.site.timeZone).date;
  const to = wallClock(app.now().getTime() + (daysAhead + 7 * weeks + 6) * 86_400_000, setup.site.timeZone).date;
  const { slots } = await setup.manager<{ slots: Slot[] }>(
    'GET',
    `/api/availability?service=nmt-followup-60&location=${setup.site.id}&therapist=${setup.therapist.id}&from=${from}` +
      `&to=${to}`,
  );
  const patientDays = new Set(
    (await appointmentsOf(setup, patientId, from)).map((a) => wallClock(a.start, setup.site.timeZone).date),
  );
  const local = slots
    .map((s) => {
      const clock = wallClock(s.start, setup.site.timeZone);
      return {
        ...s,
        date: clock.date,
        time:
          `${String(Math.floor(clock.minutes / 60)).padStart(2, '0')}:` +
          `${String(clock.minutes % 60).padStart(2, '0')}`,
      };
    })
    .filter((s) => !patientDays.has(s.date));
  const free = new Set(local.map((s) => `${s.date} ${s.time}`));
  const plusWeeks = (date: string, n: number) =>
    new Date(Date.parse(`${date}T12:00:00Z`) + n * 7 * 86_400_000).toISOString().slice(0, 10);
  const first = local.find(
    (s) =>
      s.time >= '09:00' &&
      Array.from({ length: weeks }, (_, n) => free.has(`${plusWeeks(s.date, n)} ${s.time}`)).every(Boolean),
  );
  expect(first, 'a weekly free time for the plan').toBeDefined();
  const starts = Array.from(
    { length: weeks },
    (_, n) => local.find((s) => s.date === plusWeeks(first!.date, n) && s.time === first!.time)!.start,
  );
  return { date: first!.date, time: first!.time, weekday: new Date(`${first!.date}T12:00:00Z`).getUTCDay(), starts };
}

/** The therapist saves a weekly plan of `visits` visits at that weekday and time. */
async function savePlan(
  setup: Awaited<ReturnType<typeof bookingSetup>>,
  patientId: string,
  at: { date: string; time: string; weekday: number },
  visits: number,
): Promise<string> {
  const therapist = await app.api('therapist');
  const plan = await therapist<{ id: string }>('POST', `/api/patients/${patientId}/plans`, {
    phase: 'chronic',
    stages: [{ phase: 'chronic', label: 'Weekly', visitsPerWeek: 1, visits }],
    totalVisits: visits,
    reassessmentAtVisits: [visits],
    goals: [{ kind: 'nprs', target: 3 }],
    integration: [],
    startDate: at.date,
    preferredDays: [at.weekday],
    preferredTime: at.time,
    therapistId: setup.therapist.id,
    locationId: setup.site.id,
    serviceCode: 'nmt-followup-60',
  });
  return plan.id;
}

async function appointmentsOf(
  setup: Awaited<ReturnType<typeof bookingSetup>>,
  patientId: string,
  from: string,
): Promise<Appointment[]> {
  const to = new Date(Date.parse(`${from}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return (
    await setup.manager<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?patient=${patientId}&from=${from}&to=${to}`,
    )
  ).appointments;
}

describe("booking a plan's series from the plan screen", () => {
  it('books every visit in one action and lists them with the calendar a link away', async () => {
    const setup = await bookingSetup();
    const patientId = await treatedPatient(5);
    const at = await weeklyFreeTime(setup, patientId, 21, 2);
    const planId = await savePlan(setup, patientId, at, 2);

    const page = await app.open(LANDSCAPE);
    await app.signIn(page, 'manager', `/patients/${patientId}/chart/plan`);
    await page.getByRole('button', { name: 'Book the series' }).click();
    const booked = page.locator('.ch-plan-booked');
    await booked.getByRole('heading', { name: 'Booked 2 visits.' }).waitFor();

    const plans = await setup.manager<{ plans: { id: string; status: string; seriesId: string | null }[] }>(
      'GET',
      `/api/patients/${patientId}/plans`,
    );
    const plan = plans.plans.find((p) => p.id === planId)!;
    expect(plan).toMatchObject({ status: 'active', seriesId: expect.any(String) });
    const appointments = (await appointmentsOf(setup, patientId, at.date)).filter((a) => a.seriesId === plan.seriesId);
    expect(appointments.map((a) => a.start).sort()).toEqual(at.starts.map((s) => new Date(s).toISOString()));
    expect(
      appointments.every(
        (a) => a.status === 'booked' && a.therapistId === setup.therapist.id && a.locationId === setup.site.id,
      ),
    ).toBe(true);
    const rows = await booked.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toContain(setup.site.name);
    for (const row of rows) expect(row).toContain(setup.therapist.name);
    await axeClean(page, 'plan booked, landscape');
    await shotIfAsked(page, 'session-plan-booked');

    await booked.getByRole('link', { name: 'Open the calendar' }).click();
    await page.waitForURL(new RegExp(`/schedule\\?.*date=${at.date}`));
  }, 120_000);

  it('shows a taken visit with its alternatives; the one chosen is booked with the rest, all at once', async () => {
    const setup = await bookingSetup();
    const patientId = await treatedPatient(6);
    const at = await weeklyFreeTime(setup, patientId, 35, 3);
    const planId = await savePlan(setup, patientId, at, 3);
    const before = await appointmentsOf(setup, patientId, at.date);
    // Another patient takes the plan's second visit first.
    const other = await setup.manager<{ id: string }>('POST', '/api/patients', {
      givenName: 'Alex',
      familyName: 'Firstcomer',
      dateOfBirth: '1990-01-02',
      sexAtBirth: 'male',
      preferredLocationId: setup.site.id,
    });
    await setup.manager('POST', '/api/appointments', {
      patientId: other.id,
      serviceCode: 'nmt-followup-60',
      start: at.starts[1],
      therapistId: setup.therapist.id,
      locationId: setup.site.id,
    });

    const page = await app.open(PORTRAIT);
    await app.signIn(page, 'manager', `/patients/${patientId}/chart/plan`);
    await page.getByRole('button', { name: 'Book the series' }).click();
    const conflicts = page.getByRole('region', { name: '1 visit needs another time' });
    await conflicts.waitFor();
    expect(await conflicts.textContent()).toContain('nothing was booked');
    expect(await appointmentsOf(setup, patientId, at.date)).toEqual(before);
    const choices = conflicts.getByRole('group', { name: 'Other times for visit 2' });
    const retry = conflicts.getByRole('button', { name: 'Book the series with these times' });
    expect(await retry.isDisabled()).toBe(true);
    await axeClean(page, 'plan conflict, portrait');
    await shotIfAsked(page, 'session-plan-conflict');
    await page.setViewportSize(LANDSCAPE);
    await axeClean(page, 'plan conflict, landscape');

    const first = choices.getByRole('button').first();
    const label = (await first.textContent())!;
    expect(label).not.toBe('Leave this visit out');
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    await retry.click();
    await page.locator('.ch-plan-booked').getByRole('heading', { name: 'Booked 3 visits.' }).waitFor();

    const { plans } = await setup.manager<{ plans: { id: string; seriesId: string | null }[] }>(
      'GET',
      `/api/patients/${patientId}/plans`,
    );
    const seriesId = plans.find((p) => p.id === planId)!.seriesId;
    expect(seriesId).not.toBeNull();
    const appointments = (await appointmentsOf(setup, patientId, at.date))
      .filter((a) => a.seriesId === seriesId)
      .sort((a, b) => a.start.localeCompare(b.start));
    expect(appointments).toHaveLength(3);
    expect(appointments[0]!.start).toBe(new Date(at.starts[0]!).toISOString());
    expect(appointments[2]!.start).toBe(new Date(at.starts[2]!).toISOString());
    // The middle visit moved to the alternative picked: the button showed its day and time.
    const moved = appointments[1]!.start;
    expect(moved).not.toBe(new Date(at.starts[1]!).toISOString());
    const clock = wallClock(moved, setup.site.timeZone);
    expect(label).toContain(monthDay(clock.date));
    await axeClean(page, 'plan booked after conflict, landscape');
  }, 120_000);
});
