import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, seriousViolations, signIn, startDemoServer, type DemoServer, type PatientSummary } from './support.ts';

// The therapist's tablet, held upright.
const TABLET = { width: 820, height: 1180 };

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

async function tablet(): Promise<Page> {
  context = await browser.newContext({ viewport: TABLET, hasTouch: true, bypassCSP: true });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

describe('one tap, one record', () => {
  it('double-tapping "Start today\'s session note" opens one note, and the button waits while it is made', async () => {
    const therapist = await apiAs(server.url, 'therapist');
    const own = (await (await apiAs(server.url, 'patient')).get<{ user: { patientId: string } }>('/api/auth/session')).user.patientId;
    const patient = (await therapist.get<{ patients: PatientSummary[] }>('/api/patients?pageSize=10')).patients.find((p) => p.id !== own)!;
    const notesBefore = (await therapist.get<{ notes: unknown[] }>(`/api/patients/${patient.id}/sessions`)).notes.length;

    const page = await tablet();
    await signIn(page, server.url, 'therapist', `/patients/${patient.id}/chart/sessions`);
    // Hold the answer back a moment, as a slow network would, and note every create the page sends.
    const keys: (string | undefined)[] = [];
    await page.route(`**/api/patients/${patient.id}/sessions`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      await new Promise((resolve) => setTimeout(resolve, 400));
      return route.continue();
    });
    const start = page.getByRole('button', { name: "Start today's session note" });
    await start.dblclick();
    await expect.poll(() => page.getByRole('button', { name: 'Starting the note…' }).isDisabled()).toBe(true);
    await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();

    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{16,200}$/);
    const notesAfter = (await therapist.get<{ notes: unknown[] }>(`/api/patients/${patient.id}/sessions`)).notes.length;
    expect(notesAfter).toBe(notesBefore + 1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
