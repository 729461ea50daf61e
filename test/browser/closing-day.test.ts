import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listMessages } from '../../src/store/repos/outbox.ts';
import { wallClock } from '../../src/time/index.ts';
import { dayLabel } from './labels.ts';
import { DEMO_TIME_ZONE, VIEWPORTS, seriousViolations, shotIfAsked, browserSuite } from './support.ts';

/**
 * Closing a day that has bookings: the manager sees the booked visits before saving, then resolves
 * them (email a link, move, cancel with a message); the calendar and the patient's appointments show
 * what is still unresolved, and the patient moves their visit with the link, on a phone.
 */

interface Conflict {
  code: string;
  message: string;
  notifiedAt: string | null;
}
interface Appointment {
  id: string;
  patientId: string;
  status: string;
  start: string;
  locationId: string;
  conflict?: Conflict | null;
}
interface Slot {
  start: string;
  therapistId: string;
  locationId: string;
}

const REASON = 'Water leak';
const fixture = { site: '', siteName: '', day: '', patientId: '', patientName: '', visitId: '', affected: 0 };

const app = browserSuite({
  pageOptions: { timeout: 15_000 },
  async setup() {
    const manager = await app.api('manager');
    const patient = await app.api('patient');
    const { locations } = await manager<{ locations: { id: string; slug: string; name: string }[] }>(
      'GET',
      '/api/locations',
    );
    const beaverton = locations.find((l) => l.slug === 'beaverton')!;
    Object.assign(fixture, { site: beaverton.id, siteName: beaverton.name });
    const { user } = await patient<{ user: { patientId: string } }>('GET', '/api/auth/session');
    const record = await patient<{ givenName: string; familyName: string }>('GET', `/api/patients/${user.patientId}`);
    Object.assign(fixture, { patientId: user.patientId, patientName: `${record.givenName} ${record.familyName}` });
    // A day at least three days ahead with at least four booked visits at Beaverton, one of them the demo patient's.
    for (let offset = 3; offset < 15 && !fixture.visitId; offset++) {
      const day = app.localDate(offset);
      const { slots } = await patient<{ slots: Slot[] }>(
        'GET',
        `/api/availability?service=nmt-followup-60&location=${beaverton.id}&from=${day}&to=${day}&limit=20`,
      );
      if (slots.length === 0) continue;
      const found = await manager<{ affected: Appointment[] }>(
        'POST',
        `/api/locations/${beaverton.id}/closures/preview`,
        { startsOn: day, endsOn: day, reason: REASON },
      );
      // Enough visits to resolve each way, and none of the demo patient's yet (theirs is booked next).
      if (found.affected.length < 3 || found.affected.some((a) => a.patientId === user.patientId)) continue;
      const booked = await patient<Appointment>('POST', '/api/appointments', {
        patientId: user.patientId,
        serviceCode: 'nmt-followup-60',
        start: slots.at(-1)!.start,
        therapistId: slots.at(-1)!.therapistId,
        locationId: beaverton.id,
      });
      Object.assign(fixture, { day, visitId: booked.id, affected: found.affected.length + 1 });
    }
    expect(fixture.visitId, 'a busy day at Beaverton in the next two weeks').not.toBe('');
  },
});

async function axeClean(page: Page, where: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations.map((v) => v.id))}`).toEqual([]);
}

const closures = async () =>
  (await (await app.api('manager'))<{ closures: { reason: string }[] }>('GET', `/api/locations/${fixture.site}`))
    .closures;
const appointment = async (id: string) => (await app.api('manager'))<Appointment>('GET', `/api/appointments/${id}`);

describe('closing a day that has bookings', () => {
  it('lists the booked visits before saving, then resolves them per visit and for all (desk, 1366×900)', async () => {
    const page = await app.open(VIEWPORTS.desk);
    await app.signIn(page, 'manager', `/locations/${fixture.site}`);
    await page.getByLabel('First day closed').fill(fixture.day);
    await page.getByLabel('Reason').fill(REASON);
    await page.getByRole('button', { name: 'Add closure' }).click();

    const check = page.getByRole('region', { name: /booked visits fall on/ });
    await check.waitFor();
    expect(await check.locator('.cv-visit').count()).toBe(fixture.affected);
    expect(await check.textContent()).toContain(`The clinic is closed on ${dayLabel(fixture.day)} (${REASON}).`);
    await check.locator('.cv-visit', { hasText: fixture.patientName }).waitFor();
    expect(
      (await closures()).some((c) => c.reason === REASON),
      'nothing saved before the manager confirms',
    ).toBe(false);
    await axeClean(page, 'before saving');
    await shotIfAsked(page, 'closing-01-preview');

    await check.getByRole('button', { name: 'Close the clinic anyway' }).click();
    const resolve = page.getByRole('region', { name: 'Visits that need a new time' });
    await resolve.waitFor();
    expect((await closures()).some((c) => c.reason === REASON)).toBe(true);
    const cards = resolve.locator('.cv-visit');

    // The demo patient's visit: emailed a link to choose a new time (through the outbox).
    const mine = cards.filter({ hasText: fixture.patientName });
    await mine.getByRole('button', { name: 'Email a link to choose a new time' }).click();
    await mine.getByText('Emailed a link to choose a new time.').waitFor();
    const notice = (await listMessages(app.db, { orgId: app.orgId, appointmentId: fixture.visitId })).find(
      (m) => m.kind === 'visit-affected',
    );
    expect(notice?.text).toContain(`(${REASON})`);

    // Another visit: moved to one of the engine's alternatives.
    const others = cards.filter({ hasNotText: fixture.patientName });
    const moving = others.nth(0);
    await moving.getByRole('button', { name: 'Move to another time…' }).click();
    await moving.locator('.cv-move .sch-choice').first().click();
    await moving.getByText(/^Moved to /).waitFor();

    // Another: cancelled with the clinic's message.
    const cancelling = others.nth(1);
    await cancelling.getByRole('button', { name: 'Cancel with a message…' }).click();
    await cancelling.getByLabel('Message to the patient').fill('A water leak closed the clinic; we are very sorry.');
    await cancelling.getByRole('button', { name: 'Cancel the visit and send the message' }).click();
    await cancelling.getByText('Cancelled; the patient was sent your message.').waitFor();

    // The rest at once: every patient still to resolve gets a link (the demo patient's already has one).
    const rest = fixture.affected - 2;
    await resolve.getByRole('button', { name: `Email all ${rest} patients a link to choose a new time` }).click();
    await mine.getByText('The patient already has a link to choose a new time.').waitFor();
    await axeClean(page, 'resolving');
    await shotIfAsked(page, 'closing-02-resolved');

    const after = await (
      await app.api('manager')
    )<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?location=${fixture.site}&from=${fixture.day}&to=${fixture.day}`,
    );
    const onDay = after.appointments.filter((a) => a.status === 'booked');
    // Still booked there: only visits the patients will move themselves, each flagged and told.
    expect(onDay.length).toBe(rest);
    expect(onDay.every((a) => a.conflict?.code === 'closed' && a.conflict.notifiedAt !== null)).toBe(true);
    expect(after.appointments.filter((a) => a.status === 'cancelled').length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('the desk calendar marks what is still unresolved and offers the same actions (1366×900)', async () => {
    const page = await app.open(VIEWPORTS.desk);
    await app.signIn(page, 'manager', `/schedule?site=${fixture.site}&date=${fixture.day}&view=day`);
    await page
      .locator('.sch-conflict-note')
      .getByText(/booked visits? on this day no longer fits? the schedule/)
      .waitFor();
    const block = page.locator('.sch-appt.has-conflict', { hasText: fixture.patientName });
    expect(await block.textContent()).toContain('Needs a new time');
    await block.click();
    const panel = page.getByRole('region', { name: fixture.patientName });
    await panel.getByRole('heading', { name: 'This visit needs a new time' }).waitFor();
    expect(await panel.textContent()).toMatch(/The patient was emailed a link to choose a new time on/);
    await panel.getByRole('button', { name: 'Move to another time…' }).waitFor();
    await axeClean(page, 'calendar');
    await shotIfAsked(page, 'closing-03-calendar');
  }, 60_000);

  it('the patient sees why on My appointments and moves the visit with the link from the email (390×844)', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient', '/appointments');
    const card = page.locator('.sch-my-card', { hasText: dayLabel(fixture.day) });
    await card.getByText('This visit needs a new time').waitFor();
    expect(await card.textContent()).toContain(`The clinic is closed on ${dayLabel(fixture.day)} (${REASON}).`);
    await axeClean(page, 'my appointments');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shotIfAsked(page, 'closing-04-patient');

    const notice = (await listMessages(app.db, { orgId: app.orgId, appointmentId: fixture.visitId })).find(
      (m) => m.kind === 'visit-affected',
    )!;
    const token = /\/a\/(\S+)/.exec(notice.text)![1]!;
    await page.goto(`${app.url}/a/${token}`);
    await page.getByRole('heading', { name: 'This visit needs a new time' }).waitFor();
    await axeClean(page, 'link');
    await page.getByRole('button', { name: 'Change the time' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose a new time' }).waitFor();
    await page.locator('.sch-time-button').first().click();
    await page.getByRole('button', { name: 'Yes, move it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your appointment has been changed' }).waitFor();

    const moved = await appointment(fixture.visitId);
    expect(moved.status).toBe('booked');
    expect(wallClock(moved.start, DEMO_TIME_ZONE).date).not.toBe(fixture.day);
    expect(moved.conflict).toBeNull();
    await page.goto(`${app.url}/appointments`);
    await page.getByRole('heading', { level: 1, name: 'My appointments' }).waitFor();
    await page.locator('.sch-my-card').first().waitFor();
    expect(await page.locator('.sch-my-conflict', { hasText: REASON }).count()).toBe(0);
  }, 90_000);
});
