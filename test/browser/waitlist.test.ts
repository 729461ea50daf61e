import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wallClock } from '../../src/time/index.ts';
import { dayLabel, timeLabel } from './labels.ts';
import { VIEWPORTS, seriousViolations, shotIfAsked, browserSuite } from './support.ts';

interface Slot {
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
}
interface Appointment {
  id: string;
  patientId: string;
  status: string;
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
}
interface Entry {
  id: string;
  patientId: string;
  status: string;
  offer: { id: string; start: string; expiresAt: string } | null;
}
interface Site {
  id: string;
  name: string;
  timeZone: string;
}

const ids = { site: '', zone: '', patient: '', patientName: '' };

const app = browserSuite({
  page: { width: 1280, height: 900 },
  async setup() {
    const desk = await app.api('front_desk');
    const session = await desk<{ user: { locationIds: string[] } }>('GET', '/api/auth/session');
    const { locations } = await desk<{ locations: Site[] }>('GET', '/api/locations');
    const site = locations.find((l) => l.id === session.user.locationIds[0])!;
    const patient = await app.api('patient');
    const me = (await patient<{ user: { patientId: string; displayName: string } }>('GET', '/api/auth/session')).user;
    Object.assign(ids, { site: site.id, zone: site.timeZone, patient: me.patientId, patientName: me.displayName });
  },
});
const page = app.page;

async function noSeriousViolations(name: string, on: Page = page) {
  expect(await seriousViolations(on)).toEqual([]);
  await shotIfAsked(on, `waitlist-${name}`);
}

/**
 * Fills a day at the desk's site with another patient's follow-up at a time the demo patient is
 * free, so cancelling it later frees exactly that slot.
 */
async function takenSlot(): Promise<{ date: string; blocker: Appointment }> {
  const desk = await app.api('front_desk');
  const from = app.localDate(3);
  const to = app.localDate(12);
  const { appointments: mine } = await desk<{ appointments: Appointment[] }>(
    'GET',
    `/api/appointments?patient=${ids.patient}&from=${from}&to=${to}`,
  );
  const { slots } = await desk<{ slots: Slot[] }>(
    'GET',
    `/api/availability?service=nmt-followup-60&location=${ids.site}&from=${from}&to=${to}`,
  );
  // A day on which the demo patient has nothing booked, so nothing of theirs can clash.
  const busyDays = new Set(mine.map((a) => wallClock(a.start, ids.zone).date));
  const slot = slots.find((s) => !busyDays.has(wallClock(s.start, ids.zone).date));
  expect(slot, 'a free slot on a day the demo patient is free').toBeDefined();
  const other = await desk<{ id: string }>('POST', '/api/patients', {
    givenName: 'Blake',
    familyName: 'Slotholder',
    dateOfBirth: '1975-06-01',
    sexAtBirth: 'male',
    preferredLocationId: ids.site,
  });
  const blocker = await desk<Appointment>('POST', '/api/appointments', {
    patientId: other.id,
    serviceCode: 'nmt-followup-60',
    start: slot!.start,
    therapistId: slot!.therapistId,
    locationId: slot!.locationId,
  });
  return { date: wallClock(slot!.start, ids.zone).date, blocker };
}

describe('waitlist', () => {
  it('the desk adds a patient, a cancellation frees a slot, the patient sees the hold and accepts it', async () => {
    const { date, blocker } = await takenSlot();
    const familyName = ids.patientName.split(' ').slice(-1)[0]!;

    await app.signIn(page, 'front_desk', `/waitlist?site=${ids.site}`);
    await page.getByRole('heading', { level: 1, name: /^Waitlist/ }).waitFor();
    const form = page.getByRole('region', { name: 'Add a patient to the waitlist' });
    await form.getByLabel('Patient').fill(familyName);
    const [given, family] = [ids.patientName.split(' ')[0]!, familyName];
    await form.getByRole('button', { name: new RegExp(`${family}, ${given}`) }).click();
    await form.getByLabel('Service').selectOption('nmt-followup-60');
    await form.getByLabel('From').fill(date);
    await form.getByLabel('Until').fill(date);
    await noSeriousViolations('desk-form');
    await form.getByRole('button', { name: 'Add to the waitlist' }).click();
    await page.getByText(`Added ${ids.patientName} to the waitlist.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: ids.patientName });
    await row.getByText('Waiting', { exact: true }).waitFor();
    expect(await row.textContent()).toContain(dayLabel(date, 'short'));

    // The other patient cancels: the freed slot is held for the first patient waiting for it.
    const desk = await app.api('front_desk');
    await desk('POST', `/api/appointments/${blocker.id}/cancel`, { reason: 'Called to cancel' });
    const { entries } = await desk<{ entries: Entry[] }>('GET', '/api/waitlist');
    const entry = entries.find((e) => e.patientId === ids.patient)!;
    expect(entry).toMatchObject({ status: 'offered', offer: { start: blocker.start } });

    await page.getByRole('button', { name: 'Refresh' }).click();
    await row.getByText('Offered', { exact: true }).waitFor();
    expect(await row.textContent()).toMatch(/held until/);
    await noSeriousViolations('desk-offered');

    // The patient sees the hold on "My appointments" and accepts it.
    const patientPage = await app.open(VIEWPORTS.phone);
    await app.signIn(patientPage, 'patient', '/appointments');
    const offer = patientPage.getByRole('region', { name: 'A time is held for you' });
    await offer.waitFor();
    expect(await offer.textContent()).toContain(`${dayLabel(date)} at ${timeLabel(blocker.start, ids.zone)}`);
    expect(await offer.textContent()).toContain(`until ${timeLabel(entry.offer!.expiresAt, ids.zone)}`);
    await noSeriousViolations('patient-offer', patientPage);
    await offer.getByRole('button', { name: 'Accept this time' }).click();
    await patientPage.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor();
    const { appointments } = await desk<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?patient=${ids.patient}&from=${date}&to=${date}`,
    );
    expect(appointments.filter((a) => a.status === 'booked')).toEqual([
      expect.objectContaining({ start: blocker.start, therapistId: blocker.therapistId, locationId: ids.site }),
    ]);
    // The entry is done: off the open list; the desk sees it as booked.
    expect(
      (await desk<{ entries: Entry[] }>('GET', '/api/waitlist')).entries.find((e) => e.id === entry.id),
    ).toBeUndefined();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await row.getByText('Booked', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /Remove/ }).count()).toBe(0);
  }, 120_000);

  it('a patient joins the waitlist themselves and can leave it again', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await app.signIn(page, 'patient', '/appointments');
    await page.getByRole('link', { name: 'Join the waitlist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Join the waitlist' }).waitFor();
    const until = app.localDate(20);
    await page.getByLabel('Service').selectOption('nmt-followup-60');
    await page.getByLabel('Until').fill(until);
    await page.getByLabel('Time of day').selectOption('evening');
    // No clinic chosen yet: the form says so and sends nothing.
    await page.getByRole('button', { name: 'Join the waitlist' }).click();
    await page.getByRole('alert').getByText('Choose at least one clinic.').waitFor();
    await noSeriousViolations('patient-join-error');
    await page.getByRole('group', { name: 'Clinics' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Join the waitlist' }).click();
    await page.getByText('You are on the waitlist.').waitFor();
    const item = page.locator('.wl-waiting li').filter({ hasText: dayLabel(until, 'short') });
    expect(await item.textContent()).toContain('Evenings');
    await noSeriousViolations('patient-waiting');

    const patient = await app.api('patient');
    const mine = (await patient<{ entries: Entry[] }>('GET', '/api/waitlist')).entries;
    expect(mine.some((e) => e.patientId === ids.patient && e.status === 'waiting')).toBe(true);
    await item.getByRole('button', { name: /Leave the waitlist/ }).click();
    await page.getByText('You have left the waitlist.').waitFor();
    expect(await item.count()).toBe(0);
  }, 90_000);
});
