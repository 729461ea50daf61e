import { describe, expect, it } from 'vitest';
import { wallClock } from '../../src/time/index.ts';
import { DEMO_TIME_ZONE, EMAILS, VIEWPORTS, seriousViolations, shotIfAsked, browserSuite } from './support.ts';

interface PatientRow {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  preferredLocationId: string;
}

/** The demo patient (prefers Beaverton, the demo desk's site) as the admin reads them. */
async function demoPatient(): Promise<PatientRow> {
  const patient = await app.api('patient');
  const { user } = await patient.get<{ user: { patientId: string } }>('/api/auth/session');
  return (await app.api('admin')).get<PatientRow>(`/api/patients/${user.patientId}`);
}

const app = browserSuite({ page: VIEWPORTS.desk });
const page = app.page;

async function fillRegistration(p: PatientRow) {
  await page.goto(`${app.url}/patients/new`);
  await page.getByRole('heading', { level: 1, name: 'Register a patient' }).waitFor();
  await page.getByLabel('Given name').fill(p.givenName);
  await page.getByLabel('Family name').fill(p.familyName);
  await page.getByLabel('Date of birth').fill(p.dateOfBirth);
  await page.getByLabel('Sex assigned at birth').selectOption('female');
  await page.getByRole('button', { name: 'Register patient' }).click();
}

describe('duplicate patients at the desk (1366×900)', () => {
  it("shows the match before registering, opens it or registers another person; other sites' unnamed", async () => {
    const existing = await demoPatient();
    await app.signIn(page, 'front_desk');
    await fillRegistration(existing);
    const warning = page.getByRole('region', { name: 'This patient may already be registered' });
    await warning.waitFor();
    const matches = warning.getByRole('listitem');
    await expect.poll(() => matches.count()).toBe(1);
    expect(await matches.first().innerText()).toContain(`${existing.givenName} ${existing.familyName}`);
    await warning.getByText('same name and date of birth').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'duplicate-warning');
    const desk = await app.api('front_desk');
    const before = await desk.get<{ total: number }>(`/api/patients?q=${encodeURIComponent(existing.dateOfBirth)}`);

    await warning.getByRole('link', { name: /Open this patient/ }).click();
    await page.getByRole('heading', { level: 1, name: `${existing.givenName} ${existing.familyName}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/patients/${existing.id}`);

    await fillRegistration(existing);
    await page.getByRole('button', { name: 'This is a different person — register' }).click();
    await page.getByRole('heading', { level: 1, name: `${existing.givenName} ${existing.familyName}` }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe(`/patients/${existing.id}`);
    const after = await desk.get<{ total: number }>(`/api/patients?q=${encodeURIComponent(existing.dateOfBirth)}`);
    expect(after.total).toBe(before.total + 1);

    // A patient of another clinic (Salem): the desk learns only that one may exist elsewhere.
    const admin = await app.api('admin');
    const { locations } = await admin.get<{ locations: { id: string; slug: string }[] }>('/api/locations');
    const salem = locations.find((l) => l.slug === 'salem')!;
    const { patients } = await admin.get<{ patients: PatientRow[] }>(`/api/patients?location=${salem.id}&pageSize=1`);
    const elsewhere = patients[0]!;
    await fillRegistration(elsewhere);
    await warning.waitFor();
    await warning.getByText('may already be registered at another site').waitFor();
    expect(await warning.innerText()).not.toContain(elsewhere.familyName);
    expect(await warning.getByRole('link', { name: /Open this patient/ }).count()).toBe(0);
  });

  it('a manager merges the duplicate into the first record; the merged record leads to the survivor', async () => {
    const existing = await demoPatient();
    const desk = await app.api('front_desk');
    const dupes = await desk.get<{ patients: PatientRow[] }>(
      `/api/patients?q=${encodeURIComponent(existing.dateOfBirth)}`,
    );
    const duplicate = dupes.patients.find((p) => p.id !== existing.id && p.familyName === existing.familyName)!;
    expect(duplicate).toBeDefined();

    await app.signIn(page, 'manager', `/patients/${existing.id}`);
    await page.getByRole('link', { name: 'Merge a duplicate into this record' }).click();
    await page.getByRole('heading', { level: 1, name: /^Merge a duplicate into/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('button', { name: new RegExp(`^Choose ${existing.givenName} ${existing.familyName}`) })
      .click();
    await page.getByRole('table', { name: 'The two records side by side' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'merge-confirm');
    await page
      .getByRole('button', { name: `Merge ${existing.givenName} ${existing.familyName} into this record` })
      .click();
    await page.getByText('The duplicate record was merged into this one.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/patients/${existing.id}`);

    await page.goto(`${app.url}/patients/${duplicate.id}`);
    await page.getByText('The record you opened was merged into this one.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/patients/${existing.id}`);
    const audit = await (
      await app.api('admin')
    ).get<{ events: { action: string }[] }>(`/api/audit?patient=${existing.id}&action=patient.merge`);
    expect(audit.events.length).toBeGreaterThan(0);
  });
});

describe("the patient's page as a hub (1366×900)", () => {
  it('the desk sees visits and Book but no session notes; Book opens the calendar with the patient', async () => {
    const existing = await demoPatient();
    await app.signIn(page, 'front_desk', `/patients/${existing.id}`);
    const visits = page.getByRole('region', { name: 'Visits' });
    await visits.waitFor();
    await visits.getByRole('heading', { name: 'Coming up' }).waitFor();
    expect(await page.getByRole('region', { name: 'Session notes' }).count()).toBe(0);
    expect(await visits.getByRole('link', { name: /Session note/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'hub-desk');
    await visits.getByRole('link', { name: 'Book a visit' }).click();
    await page.getByRole('heading', { name: /Book an appointment/ }).waitFor();
    await page.getByText(`${existing.givenName} ${existing.familyName}`, { exact: true }).first().waitFor();
  });

  it('a manager sees the notes; the patient, on a phone, sees their own visits and Book without notes', async () => {
    const existing = await demoPatient();
    await app.signIn(page, 'manager', `/patients/${existing.id}`);
    await page.getByRole('region', { name: 'Visits' }).waitFor();
    await page.getByRole('region', { name: 'Session notes' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The patient reads their own page on a phone.
    const own = await app.open(VIEWPORTS.phone);
    try {
      await app.signIn(own, 'patient');
      const mine = own.getByRole('region', { name: 'My visits' });
      await mine.waitFor();
      expect(await own.getByRole('region', { name: 'Session notes' }).count()).toBe(0);
      expect(await mine.getByRole('link', { name: 'Book a visit' }).getAttribute('href')).toBe('/book');
      expect(await own.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousViolations(own)).toEqual([]);
      await shotIfAsked(own, 'hub-patient-phone');
    } finally {
      await own.context().close();
    }
  });
});

describe('onboarding a therapist (1366×900)', () => {
  it('a manager adds a therapist in one form; the therapist then chooses their own password first', async () => {
    await app.signIn(page, 'manager', '/therapists');
    await page.getByRole('link', { name: 'Add a therapist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a therapist' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const manager = await app.api('manager');
    const { user } = await manager.get<{ user: { locationIds: string[] } }>('/api/auth/session');
    const { locations } = await manager.get<{ locations: { id: string; name: string }[] }>('/api/locations');
    const site = locations.find((l) => l.id === user.locationIds[0])!;

    await page.getByLabel('Given name').fill('Imani');
    await page.getByLabel('Family name').fill('Okonkwo-Reyes');
    await page.getByLabel('Contact email (optional)').fill('imani.okonkwo@demo.knotwork.test');
    await page.getByRole('checkbox', { name: site.name }).check();
    await page.getByLabel('Type, e.g. LMT (credential 1)').fill('LMT');
    await page.getByLabel('Issued by (credential 1)').fill('OR');
    // A licence that runs out in the middle of the year after next, on the demo's calendar.
    const licenceYear = Number(wallClock(app.now().getTime(), DEMO_TIME_ZONE).date.slice(0, 4)) + 2;
    await page.getByLabel('Expires (credential 1)').fill(`${licenceYear}-06-30`);
    await page.getByRole('button', { name: 'Add a shift' }).click();
    await page.getByLabel('Starts (shift 1)').fill('17:00');
    await page.getByLabel('Ends (shift 1)').fill('09:00');
    expect(await page.getByLabel('Email for signing in').inputValue()).toBe('imani.okonkwo@demo.knotwork.test');
    await page.getByLabel('First password').fill('a-long-first-password');
    await page.getByRole('button', { name: 'Add therapist' }).click();
    await page.locator('.error-summary').getByText('Shift 1 must end after it starts.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'onboarding-error');

    await page.getByLabel('Ends (shift 1)').fill('18:00');
    await page.getByRole('button', { name: 'Add therapist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imani Okonkwo-Reyes' }).waitFor();
    await page.getByText('was added with their sites, credentials, weekly shifts and sign-in').waitFor();

    const therapistPage = await app.open(VIEWPORTS.desk);
    try {
      await therapistPage.goto(app.url);
      await therapistPage.getByLabel('Email address').fill('imani.okonkwo@demo.knotwork.test');
      await therapistPage.getByLabel('Password').fill('a-long-first-password');
      await therapistPage.getByRole('button', { name: 'Sign in' }).click();
      await therapistPage.getByRole('heading', { level: 1, name: 'Choose your own password' }).waitFor();
      expect(await therapistPage.locator('#site-nav').count()).toBe(0);
      expect(await seriousViolations(therapistPage)).toEqual([]);
      await therapistPage.getByLabel('Password you were given').fill('a-long-first-password');
      await therapistPage.getByLabel('New password', { exact: true }).fill('imani-chooses-her-own');
      await therapistPage.getByLabel('Confirm new password').fill('imani-chooses-her-own');
      await therapistPage.getByRole('button', { name: 'Change password' }).click();
      await therapistPage.locator('#site-nav').waitFor({ state: 'attached' });
    } finally {
      await therapistPage.context().close();
    }
    expect(EMAILS.therapist).not.toBe('imani.okonkwo@demo.knotwork.test');
  });
});
