import { describe, expect, it } from 'vitest';
import { browserSuite, type PatientSummary } from './support.ts';

const app = browserSuite({ page: { width: 1280, height: 900 }, pageOptions: { timeout: 8000 } });
const page = app.page;

async function somePatientOfTheDesk(): Promise<PatientSummary> {
  const desk = await app.api('front_desk');
  const { patients } = await desk.get<{ patients: PatientSummary[] }>('/api/patients?pageSize=5');
  return patients[patients.length - 1]!;
}

describe('front desk', () => {
  it('signs in, searches for a patient by family name and opens the profile', async () => {
    const target = await somePatientOfTheDesk();
    await app.signIn(page, 'front_desk');
    await expect.poll(() => page.title()).toBe('Patients – Knotwork');
    await page.getByLabel('Find a patient').fill(target.familyName);
    const count = page.locator('.result-count');
    await expect.poll(() => page.url()).toContain(`q=${encodeURIComponent(target.familyName)}`);
    await expect.poll(() => count.textContent()).toMatch(/^Showing 1–\d+ of \d+ patients$/);
    expect(await count.getAttribute('aria-live')).toBe('polite');
    await page.getByRole('link', { name: `${target.familyName}, ${target.givenName}` }).click();
    await page.getByRole('heading', { level: 1, name: `${target.givenName} ${target.familyName}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/patients/${target.id}`);
    expect(await page.title()).toBe(`${target.givenName} ${target.familyName} – Knotwork`);
    // Sex at birth and gender identity are two separate labelled fields.
    expect(await page.locator('dt', { hasText: 'Sex assigned at birth' }).count()).toBe(1);
    expect(await page.locator('dt', { hasText: 'Gender identity' }).count()).toBe(1);
    // The URL survives a reload (the server falls back to index.html).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `${target.givenName} ${target.familyName}` }).waitFor();
  });

  it('shows an error summary that links to the field when the password is wrong', async () => {
    await page.goto(`${app.url}/`);
    await page.getByLabel('Email address').fill('frontdesk@demo.knotwork.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('The email address or password is not right');
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-email');
  });

  it('offers a reload when someone else saved the patient first (409)', async () => {
    const target = await somePatientOfTheDesk();
    await app.signIn(page, 'front_desk', `/patients/${target.id}/edit`);
    const pronouns = page.getByLabel('Pronouns');
    await pronouns.waitFor();
    // Someone else saves in the meantime.
    const desk = await app.api('front_desk');
    const current = await desk.get<PatientSummary>(`/api/patients/${target.id}`);
    await desk.patch(`/api/patients/${target.id}`, { version: current.version, pronouns: 'they/them' });
    await pronouns.fill('she/her');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Someone else has changed these details' }).waitFor();
    await page.getByRole('button', { name: 'Load the latest details' }).click();
    await expect.poll(() => pronouns.inputValue()).toBe('they/them');
    await pronouns.fill('she/her');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: `${target.givenName} ${target.familyName}` }).waitFor();
    expect(await page.locator('.summary-row', { hasText: 'Pronouns' }).textContent()).toContain('she/her');
  });
});

describe('patient', () => {
  it('lands on My details, has no patient list and cannot open another patient', async () => {
    const other = await somePatientOfTheDesk();
    await app.signIn(page, 'patient');
    await page.getByRole('heading', { level: 1, name: 'My details' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Patients' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'My details' }).count()).toBe(1);

    await page.goto(`${app.url}/patients/${other.id}`);
    await page.getByRole('heading', { level: 1, name: "You don't have access to this" }).waitFor();
    const html = await page.content();
    expect(html).not.toContain(other.familyName);
    expect(await page.title()).toBe('No access – Knotwork');

    await page.goto(`${app.url}/patients`);
    await page.getByRole('heading', { level: 1, name: "You don't have access to this" }).waitFor();
  });
});

describe('phone width', () => {
  it('opens the collapsed menu and follows a link with the keyboard only', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await app.signIn(page, 'front_desk');
    await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    const locationsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' });
    expect(await locationsLink.isVisible()).toBe(false);

    // A fresh load puts the keyboard at the top of the document.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Tab'); // brand
    await page.keyboard.press('Tab');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await locationsLink.isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // Patients
    await page.keyboard.press('Tab'); // Locations
    expect(await locationsLink.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Locations' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/locations');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    // Every tap target in the header is at least 44 px tall.
    const heights = await page
      .locator('.header-bar a, .header-bar button')
      .evaluateAll((els) =>
        els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.getBoundingClientRect().height),
      );
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
  });
});
