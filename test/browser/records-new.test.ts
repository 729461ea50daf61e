import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seriousViolations, browserSuite, type PatientSummary } from './support.ts';

const app = browserSuite({ page: { width: 1280, height: 900 } });
const page = app.page;

describe('registering a patient', () => {
  it('the front desk registers a walk-in: field errors first, then the profile opens and search finds it', async () => {
    await app.signIn(page, 'front_desk');
    await page.getByRole('link', { name: 'Register a patient' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register a patient' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Given name').fill('Marisol');
    await page.getByLabel('Family name').fill('Quintero-Vale');
    await page.getByLabel('Date of birth').fill('31/02/1980');
    await page.getByRole('button', { name: 'Register patient' }).click();
    // The server names the field; the message sits beside it and in the summary, and nothing is saved.
    const dobField = page.locator('.field-error', { has: page.getByLabel('Date of birth') });
    await dobField.locator('.error-message').waitFor();
    await page
      .locator('.error-summary')
      .getByRole('link', { name: /date of birth/i })
      .waitFor();
    const desk = await app.api('front_desk');
    const none = await desk.get<{ total: number }>('/api/patients?q=Quintero-Vale');
    expect(none.total).toBe(0);

    await page.getByLabel('Date of birth').fill('1980-02-29');
    await page.getByLabel('Sex assigned at birth').selectOption('female');
    // An area code no demo patient has: a shared number would (rightly) ask whether this is a duplicate.
    await page.getByLabel('Phone', { exact: true }).fill('541-555-0199');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marisol Quintero-Vale' }).waitFor();

    const found = await desk.get<{ total: number; patients: (PatientSummary & { preferredLocationId: string })[] }>(
      '/api/patients?q=Quintero-Vale',
    );
    expect(found.total).toBe(1);
    const session = await desk.get<{ user: { locationIds: string[] } }>('/api/auth/session');
    // The desk's own clinic is the default preferred site, so the new patient is in the desk's scope.
    expect(found.patients[0]!.preferredLocationId).toBe(session.user.locationIds[0]);
    expect(new URL(page.url()).pathname).toBe(`/patients/${found.patients[0]!.id}`);
  });

  it('a therapist has no register button and the page refuses them', async () => {
    // A therapist starts at My day; the patient list is one click away.
    await app.signIn(page, 'therapist', '/patients');
    await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    expect(await page.getByRole('link', { name: 'Register a patient' }).count()).toBe(0);
    await page.goto(`${app.url}/patients/new`);
    await page.getByRole('heading', { level: 1, name: "You don't have access to this" }).waitFor();
  });
});

describe('adding a staff account', () => {
  it('a manager adds a front-desk account at their site, who can sign in; managers cannot add admins', async () => {
    await app.signIn(page, 'manager', '/staff');
    await page.getByRole('link', { name: 'Add a staff account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a staff account' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const roles = await page.getByLabel('Role').locator('option').allTextContents();
    expect(roles).not.toContain('Administrator');
    expect(roles).not.toContain('Manager');

    await page.getByLabel('Full name').fill('Dana Okafor');
    await page.getByLabel('Email address').fill('dana.okafor@demo.knotwork.test');
    await page.getByLabel('First password').fill('a-long-first-password');
    await page.getByRole('button', { name: 'Add account' }).click();
    // No site chosen: the server's message is shown for the sites.
    await page.getByText('Choose at least one site.').first().waitFor();

    const manager = await app.api('manager');
    const session = await manager.get<{ user: { locationIds: string[] } }>('/api/auth/session');
    const { locations } = await manager.get<{ locations: { id: string; name: string }[] }>('/api/locations');
    const site = locations.find((l) => l.id === session.user.locationIds[0])!;
    await page.getByRole('checkbox', { name: site.name }).check();
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await page.getByRole('rowheader', { name: 'Dana Okafor' }).waitFor();

    const { staff } = await manager.get<{ staff: { email: string; role: string; locationIds: string[] }[] }>(
      '/api/staff',
    );
    const dana = staff.find((s) => s.email === 'dana.okafor@demo.knotwork.test')!;
    expect(dana).toMatchObject({ role: 'front_desk', locationIds: [site.id] });
    const login = await fetch(`${app.url}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dana.okafor@demo.knotwork.test', password: 'a-long-first-password' }),
    });
    expect(login.status).toBe(200);
    expect(DEMO_PASSWORD).not.toBe('a-long-first-password');
  });
});
