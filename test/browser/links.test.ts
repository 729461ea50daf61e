import { describe, expect, it } from 'vitest';
import { listMessages } from '../../src/store/repos/outbox.ts';
import { wallClock } from '../../src/time/index.ts';
import { dayLabel, timeLabel } from './labels.ts';
import { seriousViolations, shotIfAsked, browserSuite } from './support.ts';

interface Slot {
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
}
interface Appointment {
  id: string;
  status: string;
  start: string;
  cancelReason?: string | null;
}
interface Site {
  id: string;
  name: string;
  timeZone: string;
  phone: string | null;
}
interface Linked {
  when: string;
  site: { phone: string | null };
}

const site = { id: '', name: '', zone: '', phone: '' as string | null };

const app = browserSuite({
  page: { width: 390, height: 844 },
  async setup() {
    const desk = await app.api('front_desk');
    const session = await desk<{ user: { locationIds: string[] } }>('GET', '/api/auth/session');
    const { locations } = await desk<{ locations: Site[] }>('GET', '/api/locations');
    const own = locations.find((l) => l.id === session.user.locationIds[0])!;
    Object.assign(site, { id: own.id, name: own.name, zone: own.timeZone, phone: own.phone });
  },
});
const page = app.page;

/** Books a follow-up for a new patient with an email address, and returns the link from the confirmation message. */
async function bookWithLink(
  familyName: string,
  fromDay: number,
  toDay: number,
): Promise<{ appointment: Appointment; token: string }> {
  const desk = await app.api('front_desk');
  const patient = await desk<{ id: string }>('POST', '/api/patients', {
    givenName: 'Lin',
    familyName,
    dateOfBirth: '1979-03-14',
    sexAtBirth: 'female',
    preferredLocationId: site.id,
    email: `${familyName.toLowerCase()}@example.test`,
  });
  const { slots } = await desk<{ slots: Slot[] }>(
    'GET',
    `/api/availability?service=nmt-followup-60&location=${site.id}&from=${app.localDate(fromDay)}&to=` +
      `${app.localDate(toDay)}`,
  );
  expect(slots.length).toBeGreaterThan(0);
  const slot = slots[0]!;
  const appointment = await desk<Appointment>('POST', '/api/appointments', {
    patientId: patient.id,
    serviceCode: 'nmt-followup-60',
    start: slot.start,
    therapistId: slot.therapistId,
    locationId: slot.locationId,
  });
  const confirmation = (await listMessages(app.db, { orgId: app.orgId, appointmentId: appointment.id })).find(
    (m) => m.kind === 'confirmation',
  );
  expect(confirmation, 'the booking queues a confirmation').toBeDefined();
  const token = /\/a\/(\S+)/.exec(confirmation!.text)?.[1];
  expect(token, 'the confirmation carries a self-service link').toBeDefined();
  return { appointment, token: token! };
}

/** Checks axe; with KNOTWORK_SHOTS=<dir> also keeps a full-page picture of the screen for a human look. */
async function noSeriousViolations(name?: string) {
  expect(await seriousViolations(page)).toEqual([]);
  if (name) await shotIfAsked(page, `links-${name}`);
}

describe('self-service link page', () => {
  it('opens without signing in, moves the visit to a chosen time, then cancels it', async () => {
    const { appointment, token } = await bookWithLink('Linkmover', 3, 10);
    const desk = await app.api('front_desk');
    const before = await desk<Linked>('GET', `/api/links/${token}`);

    await page.goto(`${app.url}/a/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Your appointment' }).waitFor();
    await expect.poll(() => page.locator('.lnk-summary').textContent()).toContain(before.when);
    expect(await page.locator('.lnk-summary').textContent()).toContain(site.name);
    expect(await page.getByLabel('Password').count(), 'no sign-in screen').toBe(0);
    expect(await page.locator('.lnk-policy').textContent()).toMatch(/until .* 24 hours’ notice.*late cancellation/);
    await noSeriousViolations('view');
    // Phone-first: nothing wider than the screen, and thumb-sized buttons.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const change = page.getByRole('button', { name: 'Change the time' });
    expect((await change.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    // Reschedule: the offered times are grouped by day; pick the last one offered.
    await change.click();
    await page.getByRole('heading', { level: 1, name: 'Choose a new time' }).waitFor();
    await page.locator('.sch-time-button').first().waitFor();
    await noSeriousViolations('times');
    const offered = (await desk<{ slots: Slot[] }>('GET', `/api/links/${token}/availability`)).slots.filter(
      (s) => s.start !== appointment.start,
    );
    const target = offered[offered.length - 1]!;
    const targetDate = wallClock(target.start, site.zone).date;
    // A week at a time: page on to the week of the last time offered.
    const day = page.getByRole('region', { name: dayLabel(targetDate) });
    for (let week = 0; (await day.count()) === 0; week++) {
      expect(week).toBeLessThan(5);
      await page.getByRole('button', { name: 'Later dates →' }).click();
    }
    expect(await page.getByRole('button', { name: '← Earlier dates' }).count()).toBe(1);
    await day.getByRole('button', { name: `${timeLabel(target.start, site.zone)}, ${dayLabel(targetDate)}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Move your appointment?' }).waitFor();
    await noSeriousViolations('confirm-move');
    await page.getByRole('button', { name: 'Yes, move it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your appointment has been changed' }).waitFor();
    const moved = await desk<Appointment>('GET', `/api/appointments/${appointment.id}`);
    expect(moved).toMatchObject({ status: 'booked', start: target.start });
    expect(await page.locator('.sch-confirmation-when').textContent()).toBe(
      (await desk<Linked>('GET', `/api/links/${token}`)).when,
    );

    // Cancel, with a reason.
    await page.getByRole('button', { name: 'Cancel the appointment' }).click();
    await page.getByRole('heading', { level: 1, name: /Cancel your appointment on/ }).waitFor();
    expect(await page.locator('.lnk-policy').textContent()).toContain('not a late cancellation');
    await page.getByLabel('Why are you cancelling? (optional)').fill('Feeling much better');
    await noSeriousViolations('cancel');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your appointment has been cancelled' }).waitFor();
    const cancelled = await app.db.query<{ status: string; cancel_reason: string }>(
      'SELECT status, cancel_reason FROM appointments WHERE id = $1',
      [appointment.id],
    );
    expect(cancelled[0]).toEqual({ status: 'cancelled', cancel_reason: 'Feeling much better' });

    // The used link, opened again, says the visit is cancelled and offers nothing to press.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'This appointment is cancelled' }).waitFor();
    await page.getByText('This appointment has been cancelled.').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel the appointment' }).count()).toBe(0);
    await noSeriousViolations('used');
  }, 120_000);

  it('says plainly when a link is tampered with or incomplete, instead of failing', async () => {
    const { token } = await bookWithLink('Linktamper', 3, 10);
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    const tampered = `${id}.${expiry}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    await page.goto(`${app.url}/a/${tampered}`);
    await page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/not valid.*call the clinic/);
    await noSeriousViolations('invalid');

    await page.goto(`${app.url}/a/${id}.${expiry}`);
    await page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/not complete/);
  }, 60_000);

  it('inside the cancellation policy says it is a late cancellation and gives the clinic’s number', async () => {
    const admin = await app.api('admin');
    const { cancellationPolicyHours } = await admin<{ cancellationPolicyHours: number }>(
      'GET',
      '/api/booking-settings',
    );
    await admin('PATCH', '/api/booking-settings', { cancellationPolicyHours: 14 * 24 });
    try {
      const { appointment, token } = await bookWithLink('Linklate', 2, 8);
      await page.goto(`${app.url}/a/${token}`);
      await page.getByRole('heading', { name: 'It is too late to change this online' }).waitFor();
      expect(await page.locator('.lnk-alert').textContent()).toMatch(
        /less than 336 hours away.*late cancellation.*call the clinic/,
      );
      if (site.phone)
        expect(await page.getByRole('link', { name: site.phone }).first().getAttribute('href')).toMatch(/^tel:/);
      expect(await page.getByRole('button', { name: 'Cancel the appointment' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Change the time' }).count()).toBe(0);
      await noSeriousViolations('late');
      const desk = await app.api('front_desk');
      expect((await desk<Appointment>('GET', `/api/appointments/${appointment.id}`)).status).toBe('booked');
    } finally {
      await admin('PATCH', '/api/booking-settings', { cancellationPolicyHours });
    }
  }, 60_000);
});
