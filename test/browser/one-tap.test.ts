import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  launchBrowser,
  newPage,
  seriousViolations,
  signIn,
  startDemoServer,
  VIEWPORTS,
  type DemoServer,
  type PatientSummary,
} from './support.ts';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** The therapist's tablet, held upright. */
async function tablet(): Promise<Page> {
  const page = await newPage(browser, server, VIEWPORTS.tablet);
  context = page.context();
  return page;
}

describe('one tap, one record', () => {
  it('double-tapping "Start today\'s session note" opens one note, and the button waits while it is made', async () => {
    const therapist = await apiAs(server.url, 'therapist');
    const own = (await (await apiAs(server.url, 'patient')).get<{ user: { patientId: string } }>('/api/auth/session'))
      .user.patientId;
    const patient = (await therapist.get<{ patients: PatientSummary[] }>('/api/patients?pageSize=10')).patients.find(
      (p) => p.id !== own,
    )!;
    const notesBefore = (await therapist.get<{ notes: unknown[] }>(`/api/patients/${patient.id}/sessions`)).notes
      .length;

    const page = await tablet();
    await signIn(page, server.url, 'therapist', `/patients/${patient.id}/chart/sessions`);
    // Hold every create back until the button has been seen waiting, as a slow network would, and note each one sent.
    const keys: (string | undefined)[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/patients/${patient.id}/sessions`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      await held;
      return route.continue();
    });
    const start = page.getByRole('button', { name: "Start today's session note" });
    await start.dblclick();
    await expect.poll(() => page.getByRole('button', { name: 'Starting the note…' }).isDisabled()).toBe(true);
    release();
    await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();

    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{16,200}$/);
    const notesAfter = (await therapist.get<{ notes: unknown[] }>(`/api/patients/${patient.id}/sessions`)).notes.length;
    expect(notesAfter).toBe(notesBefore + 1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
