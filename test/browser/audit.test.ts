import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWPORTS, seriousViolations, browserSuite, type PatientSummary } from './support.ts';

/** An administrator at the desk (1366×900) looks up who read a patient's record, by names alone. */

const app = browserSuite({ page: VIEWPORTS.desk });
const page = app.page;

const rows = (p: Page) => p.locator('table tbody tr');

async function filter(p: Page, values: { who?: string; patient?: string; action?: string }): Promise<void> {
  await p.getByLabel('Who').fill(values.who ?? '');
  await p.getByLabel('Patient', { exact: true }).fill(values.patient ?? '');
  await p.getByLabel('Action').fill(values.action ?? '');
  await p.getByRole('button', { name: 'Apply filters' }).click();
}

describe('the audit log', () => {
  it('finds what a person did to a patient by their names, and shows a search as one row with its count', async () => {
    const desk = await app.api('front_desk');
    const me = await desk.get<{ user: { displayName: string } }>('/api/auth/session');
    const { patients } = await desk.get<{ patients: PatientSummary[] }>('/api/patients?pageSize=1');
    const patient = patients[0]!;
    await desk.get(`/api/patients/${patient.id}`);
    const search = await desk.get<{ total: number }>(`/api/patients?q=${encodeURIComponent(patient.familyName)}`);

    await app.signIn(page, 'admin', '/audit');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const deskFirstName = me.user.displayName.split(' ')[0]!;
    const fullName = `${patient.givenName} ${patient.familyName}`;

    await filter(page, { who: deskFirstName.toLowerCase(), patient: patient.familyName, action: 'patient.read' });
    await page.getByText(/\d+ events? shown/).waitFor();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    for (const text of await rows(page).allInnerTexts()) {
      expect(text).toContain(me.user.displayName);
      expect(text).toContain(fullName);
    }
    expect(await seriousViolations(page)).toEqual([]);

    // Each search is one row, found under the patients it listed, with what it found: the desk listed
    // this patient twice (the first page of all patients, then the search by name).
    await filter(page, { who: me.user.displayName, patient: fullName, action: 'patient.search' });
    const found = search.total === 1 ? '1 patient found' : `${search.total} patients found`;
    await rows(page).filter({ hasText: found }).first().waitFor();
    expect(await rows(page).count()).toBe(2);
  });

  it('says plainly when a name finds nobody, and shows a filter it cannot use at its field', async () => {
    await app.signIn(page, 'admin', '/audit');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await filter(page, { who: 'Nobody-by-this-name' });
    await page.getByText('No events match these filters.').waitFor();
    expect(await rows(page).count()).toBe(0);

    await filter(page, { patient: '02/31/1980' });
    await page
      .locator('.error-summary')
      .getByRole('link', { name: 'Patient: That date of birth is not a real date.' })
      .waitFor();
    await page
      .locator('.field-error', { has: page.getByLabel('Patient', { exact: true }) })
      .locator('.error-message')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
