import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.ts';
import { DEMO_PASSWORD, EMAILS, VIEWPORTS, WEB_ROOT, browserSuite, pauseClock } from './support.ts';
import { KEPT, patientWithNote } from './tablet-kit.ts';

// A new version of the app arrives while a visit is being charted: the tablet says so, and reloads
// only when the therapist chooses. The new version is the built app with a changed sw.js, served
// from a copy of the build by a second server on the same database and clock.

const app = browserSuite({ pageOptions: { touch: true } });

const READY = 'A new version of Knotwork is ready. Nothing changes until you reload.';
const NOTES = 'Trapezius softer after the second hold; ask about sleep next time.';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** The app served from its own copy of the build, which the test can change as a new release would. */
async function servedFromCopy(): Promise<{ url: string; root: string }> {
  const root = mkdtempSync(join(tmpdir(), 'knotwork-web-'));
  cpSync(WEB_ROOT, root, { recursive: true });
  const served = await startApp(app.db, { port: 0, webRoot: root, now: () => app.now() });
  stops.push(async () => {
    await served.stop();
    rmSync(root, { recursive: true, force: true });
  });
  return { url: served.url, root };
}

const registration = (page: Page) =>
  page.evaluate(async () => {
    const found = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(found?.waiting), controlled: navigator.serviceWorker.controller !== null };
  });

describe('a new version while a visit is open', () => {
  it('is offered, never forced: the visit keeps what was typed until the therapist reloads', async () => {
    const { patientId, note } = await patientWithNote(app, 4);
    const { url, root } = await servedFromCopy();
    const page = await app.open(VIEWPORTS.tablet);
    await page.goto(`${url}/patients/${patientId}/chart/sessions/${note.id}`);
    await page.getByLabel('Email address').fill(EMAILS.therapist);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(KEPT).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The worker controls pages opened after it is installed: the visit as a therapist opens it the next time.
    await page.reload();
    await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
    expect(await registration(page)).toEqual({ waiting: false, controlled: true });

    await page.locator('#assessment-notes').fill(NOTES);
    await page.evaluate(() => Object.assign(window, { visitMarker: 'this page was never reloaded' }));
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await pauseClock(page);

    // The release: a changed sw.js, found when the browser checks for an update.
    appendFileSync(join(root, 'sw.js'), '\n// the next release\n');
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect.poll(async () => (await registration(page)).waiting, { timeout: 15_000 }).toBe(true);
    // Workbox says "waiting" on a timer once the worker has installed: the page's clock runs it.
    await expect
      .poll(async () => {
        await page.clock.runFor(250);
        return page.getByText(READY).count();
      })
      .toBe(1);

    // An hour of charting later the new version still waits, and nothing was lost or reloaded.
    await page.clock.runFor('01:00:00');
    expect(await registration(page)).toEqual({ waiting: true, controlled: true });
    expect(await page.locator('#assessment-notes').inputValue()).toBe(NOTES);
    expect(await page.evaluate(() => (window as { visitMarker?: string }).visitMarker)).toBe(
      'this page was never reloaded',
    );
    expect(navigations).toBe(0);

    // The therapist chooses to reload; the page's timers run again for the new start.
    await page.clock.resume();
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload now' }).click();
    await reloaded;
    expect(navigations).toBe(1);
    expect(await page.evaluate(() => 'visitMarker' in window)).toBe(false);
    await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
    expect(await registration(page)).toEqual({ waiting: false, controlled: true });
    expect(await page.getByText(READY).count()).toBe(0);
  });
});
