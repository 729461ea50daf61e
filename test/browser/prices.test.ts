import { describe, expect, it } from 'vitest';
import { listMessages } from '../../src/store/repos/outbox.ts';

import { VIEWPORTS, seriousViolations, shotIfAsked, browserSuite } from './support.ts';

/**
 * Services have prices: a manager sets one on the Services page (desk size), the patient sees it
 * while booking and on the confirmation (phone), and a renamed service reads with its new name.
 */

interface Service {
  id: string;
  code: string;
  name: string;
  priceCents: number | null;
  currency: string;
}
interface Slot {
  start: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
}
interface Appointment {
  id: string;
  serviceName: string;
  status: string;
}

const NEW_NAME = 'Short follow-up treatment (30 min)';

const app = browserSuite({ pageOptions: { timeout: 15_000 } });

async function followUp30(): Promise<Service> {
  const { services } = await (await app.api('manager'))<{ services: Service[] }>('GET', '/api/services');
  return services.find((s) => s.code === 'nmt-followup-30')!;
}

describe('service prices', () => {
  it('a manager sets a price and a new name on the Services page; a mistyped price is named at its field', async () => {
    const service = await followUp30();
    const page = await app.open(VIEWPORTS.desk);
    await app.signIn(page, 'manager', '/admin/services');
    const row = page.getByRole('row', { name: new RegExp(service.name.replace(/[()]/g, '\\$&')) });
    expect(await row.textContent()).toContain('$65.00');
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('link', { name: service.name }).click();

    await page.getByLabel('Price').fill('seventy');
    await page.getByRole('button', { name: 'Save service' }).click();
    await page
      .locator('#f-priceCents-error')
      .getByText(/Enter the price as a number/)
      .waitFor();
    expect((await followUp30()).priceCents).toBe(6500);

    await page.getByLabel('Price').fill('72.50');
    await page.getByLabel('Name').fill(NEW_NAME);
    await page.getByRole('button', { name: 'Save service' }).click();
    await page.getByText('Service saved.').waitFor();
    expect(await followUp30()).toMatchObject({ name: NEW_NAME, priceCents: 7250, currency: 'USD' });
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'prices-01-service-form');
  }, 60_000);

  it('the patient sees the price and the new name while booking, on the confirmation and in the email', async () => {
    const patient = await app.api('patient');
    const { user } = await patient<{ user: { patientId: string } }>('GET', '/api/auth/session');
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient', '/book');
    const choice = page.getByLabel(NEW_NAME);
    await choice.waitFor();
    const hint = await page.locator(`#${await choice.getAttribute('aria-describedby')}`).textContent();
    expect(hint).toContain('30 minutes · $72.50');
    expect(await seriousViolations(page)).toEqual([]);
    await choice.check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Which clinic would you like to go to?' }).waitFor();

    // A free time the patient is not already busy at, from the availability the time step shows.
    const { slots } = await patient<{ slots: Slot[] }>(
      'GET',
      `/api/availability?service=nmt-followup-30&from=${app.localDate(3)}&to=${app.localDate(9)}&limit=50`,
    );
    const slot = slots.at(-1)!;
    const confirm =
      `/book/confirm?service=nmt-followup-30&site=${slot.locationId}&therapist=any&start=` +
      `${encodeURIComponent(slot.start)}&with=${slot.therapistId}&at=${slot.locationId}`;
    await page.goto(app.url + confirm);
    await page.getByRole('heading', { level: 1, name: 'Check your booking' }).waitFor();
    const check = page.locator('.sch-check');
    expect(await check.locator('.summary-row', { hasText: 'Visit' }).textContent()).toContain(NEW_NAME);
    expect(await check.locator('.summary-row', { hasText: 'Price' }).textContent()).toContain('$72.50');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor();
    expect(await page.locator('.summary-list').textContent()).toMatch(
      /Short follow-up treatment \(30 min\)[\s\S]*\$72\.50/,
    );
    await shotIfAsked(page, 'prices-02-booked');

    const { appointments } = await patient<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?patient=${user.patientId}&from=${app.localDate(3)}&to=${app.localDate(9)}`,
    );
    const booked = appointments.find((a) => a.serviceName === NEW_NAME && a.status === 'booked')!;
    const confirmation = (await listMessages(app.db, { orgId: app.orgId, appointmentId: booked.id })).find(
      (m) => m.kind === 'confirmation',
    )!;
    expect(confirmation.subject).toContain(NEW_NAME);
    expect(confirmation.text).toContain('Price: $72.50');

    // Renamed once more: My appointments reads the name the clinic uses now.
    const manager = await app.api('manager');
    await manager('PATCH', `/api/services/${(await followUp30()).id}`, { name: 'Quick follow-up (30 min)' });
    await page.goto(`${app.url}/appointments`);
    await page.locator('.sch-my-card', { hasText: 'Quick follow-up (30 min)' }).first().waitFor();
    expect(await page.locator('.sch-my-list').textContent()).not.toContain(NEW_NAME);
  }, 90_000);
});
