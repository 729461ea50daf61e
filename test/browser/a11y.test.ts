import { describe, expect, it } from 'vitest';
import { seriousViolations, browserSuite, type DemoRole, type PatientSummary } from './support.ts';

const ids = { deskPatient: '', ownPatient: '', location: '', therapist: '' };
const app = browserSuite({
  page: { width: 1280, height: 900 },
  async setup() {
    const desk = await app.api('front_desk');
    ids.deskPatient = (await desk.get<{ patients: PatientSummary[] }>('/api/patients?pageSize=1')).patients[0]!.id;
    ids.location = (await desk.get<{ locations: { id: string }[] }>('/api/locations')).locations[0]!.id;
    ids.therapist = (await desk.get<{ therapists: { id: string }[] }>('/api/therapists')).therapists[0]!.id;
    const patient = await app.api('patient');
    ids.ownPatient = (await patient.get<{ user: { patientId: string } }>('/api/auth/session')).user.patientId;
  },
});
const page = app.page;

const STAFF_PAGES = () => [
  '/patients',
  '/patients?q=a',
  `/patients/${ids.deskPatient}`,
  '/locations',
  `/locations/${ids.location}`,
  '/therapists',
  `/therapists/${ids.therapist}`,
  '/account/password',
  '/no-such-page',
];

const PAGES: Record<DemoRole, () => string[]> = {
  front_desk: () => [...STAFF_PAGES(), `/patients/${ids.deskPatient}/edit`, '/billing', '/billing/claims'],
  therapist: STAFF_PAGES,
  manager: () => [...STAFF_PAGES(), '/staff', '/billing', '/billing/claims', '/billing/reports'],
  admin: () => [...STAFF_PAGES(), '/staff', '/audit', '/billing/reports'],
  patient: () => [
    `/patients/${ids.ownPatient}`,
    `/patients/${ids.ownPatient}/edit`,
    '/locations',
    `/locations/${ids.location}`,
    '/account/password',
    '/therapists',
    `/therapists/${ids.therapist}`,
    `/patients/${ids.deskPatient}`,
    '/patients',
  ],
};

/** Visits each page, waits until it has settled (an h1 and no spinner), and collects what axe finds. */
async function auditPages(paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(app.url + path);
    await page.locator('main h1').first().waitFor();
    // Every spinner gone: a page of several panels (the money page has six) loads them side by side, and a
    // locator waiting on one would refuse to choose among them.
    await page.waitForFunction(() => document.querySelector('.loading') === null);
    for (const v of await seriousViolations(page)) {
      problems.push(`${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  return problems;
}

describe('axe-core finds no serious or critical violations', () => {
  it('on the sign-in page, empty and with errors', async () => {
    await page.goto(app.url + '/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary a').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const role of Object.keys(PAGES) as DemoRole[]) {
    it(`on every page the ${role.replace('_', ' ')} role can open`, async () => {
      await app.signIn(page, role);
      const paths = PAGES[role]();
      expect(paths.length).toBeGreaterThan(4);
      expect(await auditPages(paths)).toEqual([]);
    }, 120_000);
  }

  it('at phone width with the menu open', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await app.signIn(page, 'patient');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Our clinics' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
