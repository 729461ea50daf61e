import type { Page } from 'playwright-core';
import { allNoAnswers } from '../../src/clinical/screening/fixtures.ts';
import { VIEWPORTS, type BrowserSuite, type PatientSummary } from './support.ts';

// What the offline-charting tests share: a screened patient with today's note, the tablet signed in
// on that visit, and a look at what the tablet's IndexedDB holds.

export interface Note {
  id: string;
  version: number;
  assessment: string | null;
  steps: { id: string }[];
  reassessment: { painAfter: number } | null;
}

export const KEPT = 'Today’s visits are kept on this tablet, encrypted.';

function intake(questions: Record<string, string> = {}) {
  const answers = allNoAnswers();
  return {
    answers: { ...answers, questions: { ...answers.questions, ...questions } },
    goals: ['Turn the head when driving'],
    painStory: { onset: 'gradual', durationDays: 30 },
    painMap: [{ region: 'neck-angle-right', intensity: 6 }],
  };
}

/** A patient of the therapist (by id), screened, with today's note opened: a walk-in, so today's day holds them. */
export async function openTodaysNote(app: BrowserSuite, patientId: string, questions: Record<string, string> = {}) {
  const therapist = await app.api('therapist');
  await therapist('POST', `/api/patients/${patientId}/intake`, intake(questions));
  const note = await therapist<Note>('POST', `/api/patients/${patientId}/sessions`, {
    subjective: { painToday: 6 },
    objective: {},
    cptMinutes: [],
  });
  return { therapist, patientId, note };
}

/** The demo patient at `index` of the therapist's list, screened, with today's note opened. */
export async function patientWithNote(app: BrowserSuite, index: number, questions: Record<string, string> = {}) {
  const therapist = await app.api('therapist');
  const { patients } = await therapist<{ patients: PatientSummary[] }>('GET', '/api/patients?pageSize=20');
  return openTodaysNote(app, patients[index]!.id, questions);
}

/** Signs the tablet in on the note, and waits until the day is kept and the app shell cached. */
export async function openOnTablet(app: BrowserSuite, patientId: string, noteId: string): Promise<Page> {
  const page = await app.open(VIEWPORTS.tablet);
  await app.signIn(page, 'therapist', `/patients/${patientId}/chart/sessions/${noteId}`);
  await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
  await page.getByText(KEPT).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return page;
}

/** What the tablet's IndexedDB holds: records and their bytes (ciphertext and IVs). */
export function keptOnTablet(page: Page): Promise<{ records: number; bytes: number; plain: boolean }> {
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
