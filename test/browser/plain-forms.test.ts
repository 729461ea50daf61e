/**
 * What people read when a form is refused, and how much they can type. Every form below is sent
 * with bad input the browser cannot stop (its request altered on the way: text turned into numbers,
 * then text far over the limit), and every message on screen afterwards is checked for names the
 * code uses (schema paths, ids, validator wording, file names). Every text field carries a maxlength.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { internalNames } from '../support/internal-names.ts';
import { VIEWPORTS, browserSuite, type DemoRole, type Viewport, type PatientSummary } from './support.ts';

const { desk: DESK, tablet: TABLET, phone: PHONE } = VIEWPORTS;

const ids = { patient: '', ownPatient: '', site: '', therapist: '', note: '' };

const app = browserSuite({
  async setup() {
    const desk = await app.api('front_desk');
    ids.site = (await desk.get<{ user: { locationIds: string[] } }>('/api/auth/session')).user.locationIds[0]!;
    const therapist = await app.api('therapist');
    ids.therapist = (await therapist.get<{ user: { therapistId: string } }>('/api/auth/session')).user.therapistId;
    ids.ownPatient = (
      await (await app.api('patient')).get<{ user: { patientId: string } }>('/api/auth/session')
    ).user.patientId;
    // A patient of the desk's own site whom the demo therapist treats: every role below may open them.
    const treated = (
      await therapist.get<{ patients: (PatientSummary & { preferredLocationId: string | null })[] }>(
        '/api/patients?pageSize=50',
      )
    ).patients;
    ids.patient = treated.find((p) => p.id !== ids.ownPatient && p.preferredLocationId === ids.site)!.id;
  },
});

type Mangle = 'numbers' | 'too-long';

/** Turns every text in a JSON body into a number, or into text far over any limit. */
function mangle(value: unknown, how: Mangle): unknown {
  if (typeof value === 'string') return how === 'numbers' ? 12345 : 'x'.repeat(9000);
  if (Array.isArray(value)) return value.map((v) => mangle(v, how));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mangle(v, how)]));
  return value;
}

async function alterWrites(page: Page, how: Mangle): Promise<void> {
  await page.unroute('**/api/**');
  await page.route('**/api/**', async (route: Route) => {
    const request = route.request();
    const json =
      request.method() === 'GET' || request.url().includes('/api/auth/') ? null : (request.postDataJSON() as unknown);
    if (json === null || json === undefined) return route.continue();
    return route.continue({ postData: JSON.stringify(mangle(json, how)) });
  });
}

/** Each text field on screen without a maxlength (dates, times and numbers have their own form). */
async function unboundedFields(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const textTypes = new Set(['text', 'email', 'tel', 'search', 'password', 'url', '']);
    return [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
      .filter(
        (el) =>
          (el instanceof HTMLTextAreaElement || textTypes.has(el.getAttribute('type') ?? '')) &&
          el.offsetParent !== null,
      )
      .filter((el) => !(el.maxLength > 0))
      .map((el) => `${el.tagName.toLowerCase()}#${el.id || el.getAttribute('name') || el.getAttribute('aria-label')}`);
  });
}

/** Empty text fields get a word, so the browser's own checks let the form go. */
async function fillEmptyText(page: Page): Promise<void> {
  const fields = page.locator(
    'input[type="text"]:visible, input:not([type]):visible, input[type="email"]:visible, ' +
      'input[type="password"]:visible, textarea:visible',
  );
  for (let i = 0; i < (await fields.count()); i++) {
    const field = fields.nth(i);
    if ((await field.isEditable()) && (await field.inputValue()) === '')
      await field.fill((await field.getAttribute('type')) === 'email' ? 'someone@example.test' : 'Plain words');
  }
}

const MESSAGES =
  '.error-summary, .error-message, [role="alert"], .alert, .adm-outcome, .ch-autosave, .sch-message, .ch-refused';

async function visibleMessages(page: Page): Promise<string[]> {
  const texts = await page
    .locator(MESSAGES)
    .evaluateAll((els) =>
      els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => (el as HTMLElement).innerText),
    );
  return texts.map((t) => t.trim()).filter(Boolean);
}

interface FormCase {
  role: DemoRole;
  viewport: Viewport;
  path: () => string;
  /** The buttons that send the form, by name. */
  send: RegExp[];
}

const FORMS: FormCase[] = [
  { role: 'front_desk', viewport: DESK, path: () => '/patients/new', send: [/^Register patient$/] },
  { role: 'front_desk', viewport: DESK, path: () => `/patients/${ids.patient}/edit`, send: [/^Save changes$/] },
  { role: 'front_desk', viewport: DESK, path: () => '/waitlist', send: [/^Add to the waitlist$/] },
  { role: 'manager', viewport: DESK, path: () => '/staff/new', send: [/^Add account$/] },
  { role: 'front_desk', viewport: DESK, path: () => '/account/password', send: [/^Change password$/] },
  {
    role: 'manager',
    viewport: DESK,
    path: () => `/locations/${ids.site}`,
    send: [/^Save opening hours$/, /^Add closure$/, /^Add room$/],
  },
  {
    role: 'manager',
    viewport: DESK,
    path: () => `/therapists/${ids.therapist}`,
    send: [/^Save weekly schedule$/, /^Add$/],
  },
  { role: 'manager', viewport: DESK, path: () => '/admin/services/new', send: [/^Create service$/] },
  { role: 'admin', viewport: DESK, path: () => '/admin/booking-settings', send: [/^Save booking settings$/] },
  { role: 'therapist', viewport: TABLET, path: () => `/patients/${ids.patient}/chart`, send: [/^Save assessment$/] },
  {
    role: 'therapist',
    viewport: TABLET,
    path: () => `/patients/${ids.patient}/chart/sessions/${ids.note}`,
    send: [/^Save notes$/],
  },
  { role: 'therapist', viewport: TABLET, path: () => `/patients/${ids.patient}/chart/plan`, send: [/^Save plan$/] },
  {
    role: 'patient',
    viewport: PHONE,
    path: () => `/patients/${ids.ownPatient}/measures/new?instrument=ndi`,
    send: [/^Send my answers$/],
  },
  { role: 'patient', viewport: PHONE, path: () => '/waitlist/join', send: [/^Join the waitlist$/] },
  { role: 'manager', viewport: DESK, path: () => '/therapists/new', send: [/^Add therapist$/] },
  { role: 'front_desk', viewport: DESK, path: () => '/patients/find', send: [/^Find$/] },
];

describe('forms say what is wrong in plain words, and take no more text than the server keeps', () => {
  for (const form of FORMS) {
    it(`${form.role} at ${form.viewport.width} px: ${form.path.toString().replace(/^\(\) => /, '')}`, async () => {
      if (!ids.note) {
        const note = (
          await (
            await app.api('therapist')
          ).send('POST', `/api/patients/${ids.patient}/sessions`, { subjective: {}, objective: {}, cptMinutes: [] })
        ).body;
        ids.note = (note as { id: string }).id;
      }
      const page = await app.open(form.viewport);
      await app.signIn(page, form.role, form.path());
      await page.locator('.loading').first().waitFor({ state: 'detached' });
      await page.getByRole('button', { name: form.send[0] }).first().waitFor();
      expect(await unboundedFields(page)).toEqual([]);

      const problems: string[] = [];
      for (const how of ['numbers', 'too-long'] as const) {
        await alterWrites(page, how);
        for (const name of form.send) {
          await fillEmptyText(page);
          const button = page.getByRole('button', { name }).first();
          // Some forms check first and send nothing; their own messages are read all the same.
          const answered = page
            .waitForResponse((r) => r.url().includes('/api/') && r.request().method() !== 'GET' && r.status() >= 400, {
              timeout: 4000,
            })
            .catch(() => null);
          await button.click();
          await answered;
          await expect.poll(() => visibleMessages(page).then((m) => m.length)).toBeGreaterThan(0);
          for (const message of await visibleMessages(page)) {
            for (const found of internalNames(message))
              problems.push(`${how}, ${name}: ${found} in “${message.slice(0, 160)}”`);
          }
        }
      }
      expect(problems).toEqual([]);
    }, 60_000);
  }
});
