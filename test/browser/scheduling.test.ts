import { describe, expect, it } from 'vitest';
import { wallClock, weekdayOfDate } from '../../src/time/index.ts';
import { timeLabel, WEEKDAY_NAMES } from './labels.ts';
import { seriousViolations, browserSuite } from './support.ts';

interface Slot {
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
}
interface Appointment {
  id: string;
  patientId: string;
  therapistId: string;
  status: string;
  start: string;
  serviceCode: string;
}
interface Site {
  id: string;
  name: string;
  timeZone: string;
}

/** Arranges data through the API with a bearer token (no cookie, no CSRF). */

const ids = { site: '', siteName: '', zone: '', ownPatient: '', signedInTherapistId: '' };

const app = browserSuite({
  page: { width: 1280, height: 900 },
  async setup() {
    const desk = await app.api('front_desk');
    const session = await desk<{ user: { locationIds: string[] } }>('GET', '/api/auth/session');
    const { locations } = await desk<{ locations: Site[] }>('GET', '/api/locations');
    const site = locations.find((l) => l.id === session.user.locationIds[0])!;
    Object.assign(ids, { site: site.id, siteName: site.name, zone: site.timeZone });
    ids.ownPatient = (
      await (
        await app.api('patient')
      )<{ user: { patientId: string } }>('GET', '/api/auth/session')
    ).user.patientId;
    ids.signedInTherapistId = (
      await (
        await app.api('therapist')
      )<{ user: { therapistId: string } }>('GET', '/api/auth/session')
    ).user.therapistId;
  },
});
const page = app.page;

/** A new patient at the desk's site, so nothing they already have can collide with the test's bookings. */
async function newPatient(familyName: string): Promise<{ id: string; name: string }> {
  const desk = await app.api('front_desk');
  const p = await desk<{ id: string; givenName: string; familyName: string }>('POST', '/api/patients', {
    givenName: 'Robin',
    familyName,
    dateOfBirth: '1980-04-02',
    sexAtBirth: 'female',
    preferredLocationId: ids.site,
  });
  return { id: p.id, name: `${p.givenName} ${p.familyName}` };
}

/** The first free 60-minute follow-up at the desk's site from tomorrow on. */
async function freeSlot(): Promise<Slot & { date: string; minutes: number }> {
  const desk = await app.api('front_desk');
  const { slots } = await desk<{ slots: Slot[] }>(
    'GET',
    `/api/availability?service=nmt-followup-60&location=${ids.site}&from=${app.localDate(1)}&to=${app.localDate(14)}`,
  );
  expect(slots.length).toBeGreaterThan(0);
  const slot = slots[0]!;
  return { ...slot, ...wallClock(slot.start, ids.zone) };
}

async function bookFromGrid(
  slot: { therapistId: string; date: string; minutes: number },
  patient: { name: string },
  familyName: string,
) {
  const { therapists } = await (
    await app.api('front_desk')
  )<{ therapists: { id: string; name: string }[] }>('GET', '/api/therapists');
  const therapistName = therapists.find((p) => p.id === slot.therapistId)!.name;
  await page
    .locator(`.sch-col[aria-label="${therapistName}'s appointments"] .sch-cell[data-minutes="${slot.minutes}"]`)
    .click();
  const panel = page.getByRole('region', { name: 'Book an appointment' });
  await panel.getByLabel('Patient').fill(familyName);
  await panel.getByRole('button', { name: new RegExp(familyName) }).click();
  await panel.getByLabel('Service').selectOption('nmt-followup-60');
  await expect.poll(() => panel.getByLabel('Time').inputValue()).toBe(String(slot.minutes));
  await panel.getByRole('button', { name: 'Book appointment' }).click();
  return { therapistName, patient };
}

describe('front desk calendar', () => {
  it('books a free slot from the day calendar, sees it appear, then records arrival and the session', async () => {
    const slot = await freeSlot();
    const patient = await newPatient('Calendarbook');
    await app.signIn(page, 'front_desk', `/schedule?site=${ids.site}&date=${slot.date}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(ids.siteName) }).waitFor();
    await page.locator('.loading').waitFor({ state: 'detached' });
    await bookFromGrid(slot, patient, 'Calendarbook');

    // The new visit is on the grid, in the therapist's column, and its details are open.
    const block = page.getByRole('button', { name: new RegExp(`${patient.name}.*Follow-up · 60 min`) });
    await block.waitFor();
    expect(await page.locator('.sch-message').textContent()).toContain(`Booked ${patient.name}`);
    const details = page.getByRole('region', { name: patient.name });
    await details.getByText('Booked', { exact: true }).waitFor();

    const desk = await app.api('front_desk');
    const { appointments } = await desk<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?patient=${patient.id}&from=${slot.date}&to=${slot.date}`,
    );
    expect(appointments).toHaveLength(1);
    expect(appointments[0]).toMatchObject({
      therapistId: slot.therapistId,
      start: slot.start,
      serviceCode: 'nmt-followup-60',
      status: 'booked',
    });

    await details.getByRole('button', { name: 'Mark arrived' }).click();
    await details.getByText('Arrived', { exact: true }).waitFor();
    await details.getByRole('button', { name: 'Start session' }).click();
    await details.getByText('In session', { exact: true }).waitFor();
    expect((await desk<Appointment>('GET', `/api/appointments/${appointments[0]!.id}`)).status).toBe('in_session');
    // The block on the grid says so too, without a reload.
    await page.getByRole('button', { name: new RegExp(`${patient.name}.*In session`) }).waitFor();
  }, 60_000);

  it('offers the nearest free times when the slot was just taken (409), and books the one picked', async () => {
    const slot = await freeSlot();
    const first = await newPatient('Firstcomer');
    const second = await newPatient('Secondcomer');
    await app.signIn(page, 'front_desk', `/schedule?site=${ids.site}&date=${slot.date}`);
    await page.locator('.loading').waitFor({ state: 'detached' });
    // Someone else books the therapist's slot while the desk is looking at the calendar.
    const desk = await app.api('front_desk');
    await desk('POST', '/api/appointments', {
      patientId: first.id,
      serviceCode: 'nmt-followup-60',
      start: slot.start,
      therapistId: slot.therapistId,
      locationId: ids.site,
    });
    await bookFromGrid(slot, second, 'Secondcomer');
    const refusal = page.getByRole('alert').filter({ hasText: 'That time is not free' });
    await refusal.waitFor();
    const choices = refusal.getByRole('button');
    expect(await choices.count()).toBeGreaterThan(0);
    const picked = (await choices.first().textContent())!;
    await choices.first().click();
    await page.getByRole('region', { name: second.name }).waitFor();
    const { appointments } = await desk<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?patient=${second.id}&from=${app.localDate(0)}&to=${app.localDate(20)}`,
    );
    expect(appointments).toHaveLength(1);
    expect(appointments[0]!.start).not.toBe(slot.start);
    expect(picked).toContain(` at ${timeLabel(appointments[0]!.start, ids.zone)} with `);
  }, 60_000);

  it('moves a visit by picking a free time in the panel (click-to-move works from the keyboard list too)', async () => {
    const slot = await freeSlot();
    const patient = await newPatient('Mover');
    const desk = await app.api('front_desk');
    const booked = await desk<Appointment>('POST', '/api/appointments', {
      patientId: patient.id,
      serviceCode: 'nmt-followup-60',
      start: slot.start,
      therapistId: slot.therapistId,
      locationId: ids.site,
    });
    await app.signIn(page, 'front_desk', `/schedule?site=${ids.site}&date=${slot.date}`);
    await page.getByRole('button', { name: new RegExp(patient.name) }).click();
    const details = page.getByRole('region', { name: patient.name });
    await details.getByRole('button', { name: 'Reschedule' }).click();
    const choice = details.locator('.sch-choice').nth(1);
    await choice.waitFor();
    await choice.click();
    await details.getByRole('button', { name: 'Move appointment' }).click();
    await expect.poll(() => page.locator('.sch-message').textContent()).toMatch(/^Moved to /);
    const moved = await desk<Appointment>('GET', `/api/appointments/${booked.id}`);
    expect(moved.start).not.toBe(booked.start);
    expect(moved.status).toBe('booked');
  }, 60_000);
});

describe('calendar keyboard shortcuts', () => {
  it('← / → change the day, w and d switch views, t returns to today; typing in a field is no shortcut', async () => {
    const date = app.localDate(2);
    await app.signIn(page, 'front_desk', `/schedule?site=${ids.site}&date=${date}&view=day`);
    await page.locator('.loading').waitFor({ state: 'detached' });
    const param = (name: string) => new URL(page.url()).searchParams.get(name);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => param('date')).toBe(app.localDate(3));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => param('date')).toBe(app.localDate(1));
    await page.keyboard.press('w');
    await expect.poll(() => param('view')).toBe('week');
    await page.getByRole('table').waitFor();
    await page.keyboard.press('d');
    await expect.poll(() => param('view')).toBe('day');
    await page.keyboard.press('t');
    await expect.poll(() => param('date')).toBe(app.localDate(0));
    await page.getByRole('button', { name: 'Book an appointment' }).click();
    await page.getByRole('region', { name: 'Book an appointment' }).getByLabel('Patient').fill('tw');
    expect(param('view')).toBe('day');
    expect(param('date')).toBe(app.localDate(0));
    // The shortcuts are documented in the help popover, which Escape closes.
    const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await help.click();
    expect(await page.locator('#sch-help-popover').textContent()).toContain('Week view');
    await page.keyboard.press('Escape');
    expect(await help.getAttribute('aria-expanded')).toBe('false');
  }, 60_000);
});

describe('series booking', () => {
  it("previews a plan's dates, shows each conflict with alternatives, books all once they are resolved", async () => {
    const slot = await freeSlot();
    const blocker = await newPatient('Blocker');
    const patient = await newPatient('Seriesone');
    const desk = await app.api('front_desk');
    // The therapist is taken at the series' first wanted time.
    await desk('POST', '/api/appointments', {
      patientId: blocker.id,
      serviceCode: 'nmt-followup-60',
      start: slot.start,
      therapistId: slot.therapistId,
      locationId: ids.site,
    });
    const { therapists } = await desk<{ therapists: { id: string; name: string }[] }>('GET', '/api/therapists');
    await app.signIn(page, 'front_desk', '/schedule/series');
    await page.getByRole('heading', { level: 1, name: 'Book a series of visits' }).waitFor();
    await page.getByLabel('Patient').fill('Seriesone');
    await page.getByRole('button', { name: /Seriesone, Robin/ }).click();
    await page.getByLabel('Therapist').selectOption(slot.therapistId);
    await page.getByLabel('Service').selectOption('nmt-followup-60');
    await page.getByLabel('First date').fill(slot.date);
    await page.getByLabel('Visits a week').selectOption('1');
    await page.getByLabel('Number of visits').fill('3');
    await page
      .getByLabel('Time', { exact: true })
      .fill(`${String(Math.floor(slot.minutes / 60)).padStart(2, '0')}:${String(slot.minutes % 60).padStart(2, '0')}`);
    const weekday = WEEKDAY_NAMES[weekdayOfDate(slot.date)]!;
    for (const day of ['Monday', 'Thursday'])
      await page.getByRole('checkbox', { name: day }).setChecked(day === weekday);
    await page.getByRole('checkbox', { name: weekday }).check();
    await page.getByRole('button', { name: 'Preview the dates' }).click();
    await page
      .getByRole('heading', { name: `3 visits with ${therapists.find((p) => p.id === slot.therapistId)!.name}` })
      .waitFor();
    await page.getByRole('button', { name: 'Book all 3 visits' }).click();

    await page.getByRole('heading', { name: /of 3 visits need another time/ }).waitFor();
    const rows = page.locator('.sch-series-conflict');
    expect(await rows.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await rows.count()); i++) {
      const alternatives = rows.nth(i).locator('.sch-alt-row button');
      await alternatives.first().click(); // the nearest alternative, or "Leave this visit out" when there is none
    }
    await page.getByRole('button', { name: /^Book all \d visits with the new times$/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Booked \d visits for Robin Seriesone$/ }).waitFor();
    const { appointments } = await desk<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?patient=${patient.id}&from=${app.localDate(0)}&to=${app.localDate(40)}`,
    );
    expect(appointments.length).toBeGreaterThanOrEqual(2);
    expect(appointments.every((a) => a.therapistId === slot.therapistId && a.start !== slot.start)).toBe(true);
  }, 60_000);
});

describe('patient self-booking', () => {
  it('books their own first visit end to end, sees the first-visit advice, finds it in My appointments', async () => {
    await app.signIn(page, 'patient', '/book');
    await page.getByRole('heading', { level: 1, name: 'What kind of visit do you need?' }).waitFor();
    // Continuing without an answer shows the error summary linked to the question.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Choose one of the options.' }).waitFor();
    await page.getByLabel('Initial NMT consultation with assessment (60 min)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Which clinic would you like to go to?' }).waitFor();
    await page.getByLabel('Any clinic').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who would you like to see?' }).waitFor();
    await page.getByLabel('Any qualified therapist').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose a day and time' }).waitFor();
    expect(await page.locator('.sch-zone').textContent()).toMatch(
      /clinic’s local time: Pacific (Standard|Daylight) Time/,
    );
    // Tomorrow's first time, so minimum notice never bites.
    const tomorrow = page.locator(`section[aria-labelledby="day-${app.localDate(1)}"]`);
    const time = tomorrow.locator('.sch-time-button').first();
    const chosen = (await time.textContent())!;
    await time.click();

    await page.getByRole('heading', { level: 1, name: 'Check your booking' }).waitFor();
    expect(await page.locator('.sch-check').textContent()).toContain(chosen);
    const advice = page.getByRole('region', { name: 'Before your first visit' });
    expect(await advice.textContent()).toMatch(/15 minutes early[\s\S]*clothes[\s\S]*caffeine[\s\S]*health history/);
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'no longer free' });
    await Promise.race([
      page.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor(),
      refused.waitFor(),
    ]);
    if (await refused.isVisible()) {
      // The patient already had a visit then (demo data): take the nearest alternative and confirm it.
      await refused.getByRole('button').first().click();
      await page.getByRole('button', { name: 'Confirm booking' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor();
    const when = (await page.locator('.sch-confirmation-when').textContent())!;
    const ics = page.getByRole('link', { name: 'Add to my calendar' });
    const icsResponse = await page.request.get(app.url + (await ics.getAttribute('href'))!);
    expect(icsResponse.status()).toBe(200);
    expect(icsResponse.headers()['content-type']).toContain('text/calendar');
    expect(await icsResponse.text()).toContain('BEGIN:VEVENT');

    await page.getByRole('link', { name: 'See all my appointments' }).click();
    await page.getByRole('heading', { level: 1, name: 'My appointments' }).waitFor();
    await page.locator('.sch-my-card', { hasText: when }).waitFor();
    const patient = await app.api('patient');
    const { appointments } = await patient<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?patient=${ids.ownPatient}&from=${app.localDate(0)}&to=${app.localDate(20)}`,
    );
    expect(appointments.some((a) => a.serviceCode === 'nmt-initial-60' && a.status === 'booked')).toBe(true);
  }, 90_000);

  it('cancels one of their appointments from My appointments', async () => {
    const patient = await app.api('patient');
    const { slots } = await patient<{ slots: Slot[] }>(
      'GET',
      `/api/availability?service=nmt-followup-30&location=${ids.site}&from=${app.localDate(5)}&to=${app.localDate(12)}`,
    );
    let booked: Appointment | null = null;
    // The patient may already be busy at some of these times (demo data): take the first that books.
    for (const slot of slots.slice(-5).reverse()) {
      booked = await patient<Appointment>('POST', '/api/appointments', {
        patientId: ids.ownPatient,
        serviceCode: 'nmt-followup-30',
        start: slot.start,
        therapistId: slot.therapistId,
        locationId: slot.locationId,
      }).catch(() => null);
      if (booked) break;
    }
    if (!booked) throw new Error('no bookable slot for the cancel test');
    await app.signIn(page, 'patient', `/appointments/${booked.id}/cancel`);
    await page.getByRole('heading', { level: 1, name: /^Cancel your appointment on / }).waitFor();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('Your appointment has been cancelled.').waitFor();
    expect((await patient<Appointment>('GET', `/api/appointments/${booked.id}`)).status).toBe('cancelled');
  }, 60_000);
});

describe('axe-core finds no serious or critical violations on the scheduling pages', () => {
  async function audit(path: string, prepare?: () => Promise<void>): Promise<string[]> {
    await page.goto(app.url + path);
    await page.locator('main h1').first().waitFor();
    await page.locator('.loading').waitFor({ state: 'detached' });
    await prepare?.();
    return (await seriousViolations(page)).map(
      (v) => `${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }

  it('for the front desk: day, week, booking panel, appointment panel, series with preview', async () => {
    const date = app.localDate(1);
    await app.signIn(page, 'front_desk');
    const problems = [
      ...(await audit(`/schedule?site=${ids.site}&date=${date}&view=day`)),
      ...(await audit(`/schedule?site=${ids.site}&date=${date}&view=week`)),
      ...(await audit(`/schedule?site=${ids.site}&date=${date}`, async () => {
        await page.getByRole('button', { name: 'Book an appointment' }).click();
        await page
          .getByRole('region', { name: 'Book an appointment' })
          .getByRole('button', { name: 'Book appointment' })
          .click();
        await page.locator('.error-summary').waitFor();
      })),
      ...(await audit(`/schedule?site=${ids.site}&date=${date}`, async () => {
        await page.locator('.sch-appt').first().click();
        await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      })),
      ...(await audit('/schedule/series', async () => {
        await page.getByRole('button', { name: 'Preview the dates' }).click();
        await page.locator('.error-summary').waitFor();
      })),
    ];
    expect(problems).toEqual([]);
  }, 120_000);

  it('for the therapist: My day, and its status buttons work', async () => {
    const therapist = await app.api('therapist');
    let date = app.localDate(0);
    for (let i = 0; i < 14; i++) {
      const { appointments } = await therapist<{ appointments: Appointment[] }>(
        'GET',
        `/api/appointments?therapist=${ids.signedInTherapistId}&from=${app.localDate(i)}&to=${app.localDate(i)}`,
      );
      if (appointments.some((a) => a.status === 'booked')) {
        date = app.localDate(i);
        break;
      }
    }
    await app.signIn(page, 'therapist', `/schedule/my-day?date=${date}`);
    await page.locator('.loading').waitFor({ state: 'detached' });
    expect(await audit(`/schedule/my-day?date=${date}`)).toEqual([]);
    const arrive = page.getByRole('button', { name: /^Mark arrived: / }).first();
    await arrive.click();
    await expect.poll(() => page.locator('.sch-message').textContent()).toMatch(/arrived\.$/);
  }, 60_000);

  it('for the patient: every step of self-booking, done, My appointments and cancel, at phone width', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await app.signIn(page, 'patient');
    const q = `service=nmt-initial-60&site=${ids.site}&therapist=any`;
    const slot = (
      await (
        await app.api('patient')
      )<{ slots: Slot[] }>(
        'GET',
        `/api/availability?service=nmt-initial-60&location=${ids.site}&from=${app.localDate(3)}&to=` +
          `${app.localDate(10)}`,
      )
    ).slots[0]!;
    const own = await (
      await app.api('patient')
    )<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?patient=${ids.ownPatient}&from=${app.localDate(-10)}&to=${app.localDate(40)}`,
    );
    const problems = [
      ...(await audit('/book')),
      ...(await audit('/book/site?service=nmt-initial-60')),
      ...(await audit(`/book/therapist?service=nmt-initial-60&site=${ids.site}`)),
      ...(await audit(`/book/time?${q}`)),
      ...(await audit(
        `/book/confirm?${q}&start=${encodeURIComponent(slot.start)}&with=${slot.therapistId}&at=${slot.locationId}`,
      )),
      ...(await audit('/appointments')),
      ...(own.appointments[0] ? await audit(`/book/done?id=${own.appointments[0].id}`) : []),
      ...(own.appointments[0] ? await audit(`/appointments/${own.appointments[0].id}/cancel`) : []),
    ];
    expect(problems).toEqual([]);
    // Large targets: every time button on the time page is at least 44 px tall.
    await page.goto(`${app.url}/book/time?${q}&from=${wallClock(slot.start, ids.zone).date}`);
    await page.locator('.sch-time-button').first().waitFor();
    const heights = await page
      .locator('.sch-time-button')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
  }, 120_000);
});
