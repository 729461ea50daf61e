import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allNoAnswers } from '../../src/clinical/screening/fixtures.ts';
import { VIEWPORTS, browserSuite, pauseClock, type PatientSummary } from './support.ts';

// Charting on a tablet whose connection drops: the kept day, the outbox, and sending on reconnect.

const app = browserSuite({ pageOptions: { touch: true } });

interface Note {
  id: string;
  version: number;
  assessment: string | null;
  steps: { id: string }[];
  reassessment: { painAfter: number } | null;
}

const KEPT = 'Today’s visits are kept on this tablet, encrypted.';

function intake(questions: Record<string, string> = {}) {
  const answers = allNoAnswers();
  return {
    answers: { ...answers, questions: { ...answers.questions, ...questions } },
    goals: ['Turn the head when driving'],
    painStory: { onset: 'gradual', durationDays: 30 },
    painMap: [{ region: 'neck-angle-right', intensity: 6 }],
  };
}

/** A demo patient of the therapist, screened, with today's note opened (so today's day holds them). */
async function patientWithNote(index: number, questions: Record<string, string> = {}) {
  const therapist = await app.api('therapist');
  const { patients } = await therapist<{ patients: PatientSummary[] }>('GET', '/api/patients?pageSize=20');
  const patient = patients[index]!;
  await therapist('POST', `/api/patients/${patient.id}/intake`, intake(questions));
  const note = await therapist<Note>('POST', `/api/patients/${patient.id}/sessions`, {
    subjective: { painToday: 6 },
    objective: {},
    cptMinutes: [],
  });
  return { therapist, patientId: patient.id, note };
}

/** Signs the tablet in on the note, and waits until the day is kept and the app shell cached. */
async function openOnTablet(patientId: string, noteId: string): Promise<Page> {
  const page = await app.open(VIEWPORTS.tablet);
  await app.signIn(page, 'therapist', `/patients/${patientId}/chart/sessions/${noteId}`);
  await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
  await page.getByText(KEPT).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return page;
}

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

/** What the tablet's IndexedDB holds: records and their bytes (ciphertext and IVs). */
function keptOnTablet(page: Page): Promise<{ records: number; bytes: number; plain: boolean }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('knotwork-offline');
        open.onerror = () => reject(new Error('cannot open'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('records')) return resolve({ records: 0, bytes: 0, plain: false });
          const all = db.transaction('records').objectStore('records').getAll();
          all.onsuccess = () => {
            const rows = all.result as { iv: Uint8Array; data: ArrayBuffer }[];
            const text = rows.map((r) => new TextDecoder().decode(r.data)).join('');
            resolve({
              records: rows.length,
              bytes: rows.reduce((n, r) => n + r.data.byteLength + r.iv.byteLength, 0),
              plain: text.includes('upper-trapezius') || text.includes('"patient"'),
            });
          };
        };
      }),
  );
}

/**
 * The demo's own day is a holiday, so what a full working day would keep is measured from the API on
 * the therapist's next day with visits: the same parts the kept day holds, as JSON (AES-GCM adds 28
 * bytes a record).
 */
async function workingDayBytes(): Promise<{ date: string; patients: number; bytes: number }> {
  const therapist = await app.api('therapist');
  const me = (await therapist<{ user: { therapistId: string } }>('GET', '/api/auth/session')).user.therapistId;
  for (let day = 1; day < 14; day++) {
    const date = app.localDate(day);
    const list = await therapist<{ appointments: { patientId: string }[] }>(
      'GET',
      `/api/appointments?therapist=${me}&from=${date}&to=${date}`,
    );
    if (list.appointments.length === 0) continue;
    let bytes = JSON.stringify(list.appointments).length + 28;
    const ids = [...new Set(list.appointments.map((a) => a.patientId))];
    for (const id of ids) {
      const base = `/api/patients/${id}`;
      const notes = await therapist<{ notes: unknown[] }>('GET', `${base}/sessions`);
      const parts = await Promise.all(['', '/gate', '/assessments', '/plans'].map((p) => therapist('GET', base + p)));
      bytes += JSON.stringify([...parts, notes.notes.slice(0, 1)]).length;
    }
    return { date, patients: ids.length, bytes };
  }
  throw new Error('the demo therapist has no visits in the next two weeks');
}

describe('charting while the connection is down', () => {
  it('steps, note and reassessment made offline survive a reload and arrive once when back online', async () => {
    const { therapist, patientId, note } = await patientWithNote(5);
    const page = await openOnTablet(patientId, note.id);
    const kept = await keptOnTablet(page);
    expect(kept.records).toBe(2);
    expect(kept.plain).toBe(false);
    const full = await workingDayBytes();
    console.log(
      `Kept on the tablet today (one walk-in note): ${kept.bytes} bytes encrypted; ` +
        `a working day of the demo (${full.date}, ${full.patients} patients): about ${full.bytes} bytes`,
    );
    expect(full.bytes).toBeLessThan(1_000_000);

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
