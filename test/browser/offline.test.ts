import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, pauseClock } from './support.ts';
import { keptOnTablet, openOnTablet as openOn, patientWithNote as withNote, type Note } from './tablet-kit.ts';

// Charting on a tablet whose connection drops: the kept day, the outbox, and sending on reconnect.

const app = browserSuite({ pageOptions: { touch: true } });
const patientWithNote = (index: number, questions?: Record<string, string>) => withNote(app, index, questions);
const openOnTablet = (patientId: string, noteId: string) => openOn(app, patientId, noteId);

async function hold(page: Page, seconds: number, pain: number): Promise<void> {
  await page.locator('path[data-region="neck-angle-right"]').first().focus();
  await page.keyboard.press('Enter');
  await page.locator('#treat-muscle').selectOption('upper-trapezius');
  await pauseClock(page);
  await page.getByRole('button', { name: 'Start hold' }).click();
  await page.clock.runFor(seconds * 1000);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByText(`Held ${seconds} s.`).waitFor();
  await page.clock.resume();
  await page
    .locator('fieldset[data-name="hold-pain"]')
    .getByRole('button', { name: String(pain), exact: true })
    .click();
}

describe('charting while the connection is down', () => {
  it('steps, note and reassessment made offline survive a reload and arrive once when back online', async () => {
    const { therapist, patientId, note } = await patientWithNote(5);
    const page = await openOnTablet(patientId, note.id);
    const kept = await keptOnTablet(page);
    expect(kept.records).toBe(2);
    expect(kept.plain).toBe(false);
    await page.context().setOffline(true);
    await hold(page, 12, 6);
    await page.getByText('Step 1 recorded').waitFor();
    await page.getByText('1 change saved on this tablet — will send when back online.').waitFor();
    await page.locator('#assessment-notes').fill('Upper trapezius eased after the hold.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.locator('.ch-saved', { hasText: 'Saved on this tablet — will send when back online.' }).waitFor();
    const reassess = page.getByRole('region', { name: 'Reassessment' });
    await reassess.locator('fieldset[data-name="pain-after"]').getByRole('button', { name: '3', exact: true }).click();
    await reassess.getByRole('button', { name: 'Save reassessment' }).click();
    await reassess.getByText(/Recorded: pain after 3\/10/).waitFor();
    await page.getByText('3 changes saved on this tablet — will send when back online.').waitFor();

    // Reloaded without a connection: the app opens from the cache, the visit from the kept day.
    await page.reload();
    await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
    expect(await page.locator('.ch-steps tbody tr').count()).toBe(1);
    expect(await page.locator('#assessment-notes').inputValue()).toBe('Upper trapezius eased after the hold.');
    await page.getByText('3 changes saved on this tablet — will send when back online.').waitFor();

    await page.context().setOffline(false);
    await page.getByText('All sent.').waitFor();
    const sent = await therapist<Note>('GET', `/api/sessions/${note.id}`);
    expect(sent.steps).toHaveLength(1);
    expect(sent.assessment).toBe('Upper trapezius eased after the hold.');
    expect(sent.reassessment?.painAfter).toBe(3);
    const steps = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM treatment_steps WHERE session_note_id = $1',
      [note.id],
    );
    expect(steps[0]!.n).toBe(1);
    const after = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM session_reassessments WHERE session_note_id = $1',
      [note.id],
    );
    expect(after[0]!.n).toBe(1);
    // Sending again (another reconnect) sends nothing twice.
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await page.reload();
    await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
    expect((await therapist<Note>('GET', `/api/sessions/${note.id}`)).steps).toHaveLength(1);
  });

  it('a note changed on another device while offline is shown with both versions; the therapist chooses', async () => {
    const { therapist, patientId, note } = await patientWithNote(6);
    const page = await openOnTablet(patientId, note.id);
    await page.context().setOffline(true);
    await page.locator('#assessment-notes').fill('Written on the tablet.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('1 change saved on this tablet — will send when back online.').waitFor();
    await therapist('PATCH', `/api/sessions/${note.id}`, { version: note.version, assessment: 'Written at the desk.' });

    await page.context().setOffline(false);
    const problem = page.locator('.tablet-problem[data-code="note_changed"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Someone else changed this note while you were offline.');
    const row = problem.getByRole('row', { name: /Assessment/ });
    expect(await row.locator('td').allTextContents()).toEqual(['Written on the tablet.', 'Written at the desk.']);
    // Nothing was overwritten before the choice.
    expect((await therapist<Note>('GET', `/api/sessions/${note.id}`)).assessment).toBe('Written at the desk.');
    await problem.getByRole('button', { name: 'Keep my version' }).click();
    await page.getByText('All sent.').waitFor();
    expect((await therapist<Note>('GET', `/api/sessions/${note.id}`)).assessment).toBe('Written on the tablet.');
  });

  it('offline, a blocked gate still refuses the step, and a note cannot be signed', async () => {
    const { patientId, note } = await patientWithNote(7, { bloodClot: 'yes' });
    const page = await openOnTablet(patientId, note.id);
    await page.context().setOffline(true);
    await hold(page, 12, 6);
    await page.locator('.ch-refused[data-code="treatment_blocked"]').waitFor();
    expect(await page.locator('.ch-steps').count()).toBe(0);
    expect(await page.getByText(/saved on this tablet/).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign and lock' }).click();
    await page.getByText('Signing needs the connection.', { exact: false }).waitFor();
    await page.context().setOffline(false);
    const therapist = await app.api('therapist');
    expect((await therapist<{ status: string }>('GET', `/api/sessions/${note.id}`)).status).toBe('draft');
  });

  it('signing out with changes not yet sent asks first, and only deletes them when the therapist says so', async () => {
    const { therapist, patientId, note } = await patientWithNote(9);
    const page = await openOnTablet(patientId, note.id);
    await page.context().setOffline(true);
    await page.locator('#assessment-notes').fill('Written while offline.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    const reassess = page.getByRole('region', { name: 'Reassessment' });
    await reassess.locator('fieldset[data-name="pain-after"]').getByRole('button', { name: '4', exact: true }).click();
    await reassess.getByRole('button', { name: 'Save reassessment' }).click();
    await page.getByText('2 changes saved on this tablet — will send when back online.').waitFor();

    const signOut = async () => {
      const menu = page.getByRole('button', { name: 'Menu' });
      if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      const warning = page.getByRole('dialog', { name: 'Changes not sent yet' });
      await warning.getByText('2 changes on this tablet have not been sent. Signing out deletes them.').waitFor();
      return warning;
    };
    await (await signOut()).getByRole('button', { name: 'Stay signed in' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Still signed in, still charting, the changes still kept (encrypted) to send later.
    expect(await page.locator('#assessment-notes').inputValue()).toBe('Written while offline.');
    expect((await keptOnTablet(page)).records).toBe(2);
    await page.getByText('2 changes saved on this tablet — will send when back online.').waitFor();

    await (await signOut()).getByRole('button', { name: 'Sign out and delete them' }).click();
    await page.getByLabel('Email address').waitFor();
    expect(await keptOnTablet(page)).toEqual({ records: 0, bytes: 0, plain: false });
    await page.context().setOffline(false);
    expect((await therapist<Note>('GET', `/api/sessions/${note.id}`)).assessment).toBeNull();
  });

  it('sign-out and the 12-hour limit leave nothing on the tablet', async () => {
    const { patientId, note } = await patientWithNote(8);
    const page = await openOnTablet(patientId, note.id);
    expect((await keptOnTablet(page)).records).toBe(2);
    // On a tablet the sign-out sits in the menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email address').waitFor();
    expect(await keptOnTablet(page)).toEqual({ records: 0, bytes: 0, plain: false });

    const again = await openOnTablet(patientId, note.id);
    expect((await keptOnTablet(again)).records).toBe(2);
    await again.clock.fastForward('12:01:00');
    await expect.poll(async () => (await keptOnTablet(again)).records).toBe(0);
  });
});
