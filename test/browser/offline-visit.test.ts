import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allNoAnswers } from '../../src/clinical/screening/fixtures.ts';
import { VIEWPORTS, browserSuite, pauseClock, type PatientSummary } from './support.ts';

// A booked visit charted from My day while the tablet's connection is down: the note is started on
// the tablet, sent once on reconnect, and a visit the desk cancelled meanwhile is the therapist's call.

interface Visit {
  id: string;
  patientId: string;
  locationId: string;
  status: string;
  sessionNoteId: string | null;
}
interface Note {
  id: string;
  appointmentId: string | null;
  assessment: string | null;
  steps: { id: string }[];
  reassessment: { painAfter: number } | null;
}

const KEPT = 'Today’s visits are kept on this tablet, encrypted.';

const app = browserSuite({
  pageOptions: { touch: true },
  // The demo's today is Thanksgiving: the therapist's sites open for it, so the desk can book visits today.
  async setup(suite) {
    const manager = await suite.api('manager');
    const therapist = await suite.api('therapist');
    const me = (await therapist<{ user: { locationIds: string[] } }>('GET', '/api/auth/session')).user;
    for (const site of me.locationIds) {
      const { closures } = await manager<{ closures: { id: string; startsOn: string }[] }>(
        'GET',
        `/api/locations/${site}`,
      );
      for (const closure of closures.filter((c) => c.startsOn === suite.localDate(0)))
        await manager('DELETE', `/api/locations/${site}/closures/${closure.id}`);
    }
  },
});

/** A screened demo patient, booked at the desk (the manager) with the therapist at the first free time today. */
async function visitToday(index: number): Promise<{ visit: Visit; name: string }> {
  const therapist = await app.api('therapist');
  const desk = await app.api('manager');
  const me = (await therapist<{ user: { therapistId: string } }>('GET', '/api/auth/session')).user.therapistId;
  const { patients } = await therapist<{ patients: PatientSummary[] }>('GET', '/api/patients?pageSize=20');
  const patient = patients[index]!;
  const answers = allNoAnswers();
  await therapist('POST', `/api/patients/${patient.id}/intake`, {
    answers,
    goals: ['Turn the head when driving'],
    painStory: { onset: 'gradual', durationDays: 30 },
    painMap: [{ region: 'neck-angle-right', intensity: 6 }],
  });
  const today = app.localDate(0);
  const { slots } = await desk<{ slots: { start: string; locationId: string }[] }>(
    'GET',
    `/api/availability?service=nmt-followup-60&from=${today}&to=${today}&therapist=${me}`,
  );
  const slot = slots[0]!;
  const visit = await desk<Visit>('POST', '/api/appointments', {
    patientId: patient.id,
    serviceCode: 'nmt-followup-60',
    start: slot.start,
    therapistId: me,
    locationId: slot.locationId,
  });
  return { visit, name: `${patient.givenName} ${patient.familyName}` };
}

/**
 * The tablet signed in on My day, the day kept and the app shell cached; opened once more, as a tablet
 * in daily use is, so the cached app serves the screens the day goes on to.
 */
async function myDayOnTablet(): Promise<Page> {
  const page = await app.open(VIEWPORTS.tablet);
  await app.signIn(page, 'therapist', '/schedule/my-day');
  await page.getByText(KEPT).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
  await page.getByText(KEPT).waitFor();
  return page;
}

const visitRow = (page: Page, name: string) => page.locator('.sch-visit', { hasText: name });

/** Offline: "Start the session note" on My day opens the visit screen on a note only the tablet has. */
async function startNoteOffline(page: Page, name: string): Promise<void> {
  await page.context().setOffline(true);
  await visitRow(page, name)
    .getByRole('button', { name: `Start the session note: ${name}` })
    .click();
  await page.waitForURL(/\/chart\/sessions\/tablet-note-/);
  await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
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

async function saveAssessment(page: Page, text: string): Promise<void> {
  await page.locator('#assessment-notes').fill(text);
  await page.getByRole('button', { name: 'Save notes' }).click();
  await page.locator('.ch-saved', { hasText: 'Saved on this tablet — will send when back online.' }).waitFor();
}

const waiting = (n: number) =>
  `${n === 1 ? '1 change' : `${n} changes`} saved on this tablet — will send when back online.`;

/** Notes of the patient in the database, and what each holds. */
async function notesOf(patientId: string, since: Date) {
  return app.db.query<{ id: string; appointment_id: string | null; steps: number; after: number }>(
    `SELECT n.id, n.appointment_id,
            (SELECT count(*)::int FROM treatment_steps s WHERE s.session_note_id = n.id) AS steps,
            (SELECT count(*)::int FROM session_reassessments r WHERE r.session_note_id = n.id) AS after
       FROM session_notes n WHERE n.org_id = $1 AND n.patient_id = $2 AND n.created_at >= $3`,
    [app.orgId, patientId, since],
  );
}

describe('a visit with no note yet, charted offline', () => {
  it('My day reads from the tablet; the note started offline is created once, with every later change', async () => {
    const { visit, name } = await visitToday(10);
    const since = app.now();
    const page = await myDayOnTablet();
    const online = await visitRow(page, name).locator('.sch-visit-meta').textContent();
    const { locations } = await (
      await app.api('therapist')
    )<{ locations: { id: string; name: string }[] }>('GET', '/api/locations');
    expect(online).toContain('NMT follow-up');
    expect(online).toContain(locations.find((l) => l.id === visit.locationId)!.name);

    // Reloaded without a connection, My day names the visit, its service and site, from the tablet.
    await page.context().setOffline(true);
    await page.reload();
    await visitRow(page, name).waitFor();
    expect(await visitRow(page, name).locator('.sch-visit-meta').textContent()).toBe(online);
    // Only today is kept: another day is not answered from the tablet.
    await page.getByRole('link', { name: 'Next day →' }).click();
    await page.getByText('Could not reach Knotwork', { exact: false }).waitFor();
    await page.goBack();
    await visitRow(page, name).waitFor();

    await startNoteOffline(page, name);
    await page.getByText(waiting(1)).waitFor();
    await saveAssessment(page, 'Tight on the right.');
    await hold(page, 12, 6);
    await page.getByText('Step 1 recorded').waitFor();
    const reassess = page.getByRole('region', { name: 'Reassessment' });
    await reassess.locator('fieldset[data-name="pain-after"]').getByRole('button', { name: '3', exact: true }).click();
    await reassess.getByRole('button', { name: 'Save reassessment' }).click();
    await reassess.getByText(/Recorded: pain after 3\/10/).waitFor();
    // A later edit of the same note travels with the first.
    await saveAssessment(page, 'Upper trapezius eased after the hold.');
    await page.getByText(waiting(4)).waitFor();

    // My day, still offline, shows the visit's note as opened.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'My day', exact: true }).click();
    await visitRow(page, name)
      .getByRole('link', { name: `Open the session note: ${name}` })
      .click();
    await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
    expect(await page.locator('#assessment-notes').inputValue()).toBe('Upper trapezius eased after the hold.');

    // The first answer to the create is lost on the way back: the note is made, the tablet does not know.
    const creates: string[] = [];
    let lose = true;
    await page.context().route(`**/api/patients/${visit.patientId}/sessions`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      creates.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (!lose) return route.continue();
      lose = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.context().setOffline(false);
    await expect.poll(() => creates.length).toBe(1);
    await page.getByText(waiting(4)).waitFor();
    expect((await notesOf(visit.patientId, since)).length).toBe(1);

    // Back again: the same Idempotency-Key gets the first answer, and the rest follows in order.
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await page.getByText('All sent.').waitFor();
    expect(creates).toHaveLength(2);
    expect(creates[1]).toBe(creates[0]);
    const rows = await notesOf(visit.patientId, since);
    expect(rows).toEqual([{ id: rows[0]!.id, appointment_id: visit.id, steps: 1, after: 1 }]);
    const therapist = await app.api('therapist');
    const note = await therapist<Note>('GET', `/api/sessions/${rows[0]!.id}`);
    expect(note.assessment).toBe('Upper trapezius eased after the hold.');
    expect(note.reassessment?.painAfter).toBe(3);
    const booked = await therapist<Visit>('GET', `/api/appointments/${visit.id}`);
    expect(booked).toMatchObject({ status: 'in_session', sessionNoteId: note.id });

    // The open screen now names the server's note: a reload reads it from the server.
    expect(page.url()).toContain(`/chart/sessions/${note.id}`);
    await page.reload();
    await page.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
    expect(await page.locator('.ch-steps tbody tr').count()).toBe(1);
  });
});

describe('the desk cancels the visit while the tablet is offline', () => {
  /** A note started offline on a visit the desk then cancels; back online, the tablet holds it and asks. */
  async function cancelledUnderneath(index: number) {
    const { visit, name } = await visitToday(index);
    const since = app.now();
    const page = await myDayOnTablet();
    await startNoteOffline(page, name);
    await saveAssessment(page, 'Written on the tablet.');
    await hold(page, 12, 6);
    await page.getByText(waiting(3)).waitFor();
    await (
      await app.api('manager')
    )('POST', `/api/appointments/${visit.id}/cancel`, { reason: 'Patient unwell' });

    await page.context().setOffline(false);
    const problem = page.locator('.tablet-problem[data-code="visit_cancelled"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('The appointment was cancelled while you were offline.');
    expect(await problem.textContent()).toContain('Kept on this tablet with the 2 changes written in it, not sent.');
    await page.getByText('2 changes wait for your decision below.').waitFor();
    // Nothing went to the server, and reopening the app does not send it either.
    expect(await notesOf(visit.patientId, since)).toEqual([]);
    await page.reload();
    await problem.waitFor();
    expect(await notesOf(visit.patientId, since)).toEqual([]);
    return { page, problem, visit, since };
  }

  it('discarding the note sends nothing, now or later', async () => {
    const { page, problem, visit, since } = await cancelledUnderneath(11);
    await problem.getByRole('button', { name: 'Discard the note' }).click();
    await problem.waitFor({ state: 'detached' });
    await page.getByText(KEPT).waitFor();
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await page.reload();
    await page.getByText(KEPT).waitFor();
    expect(await notesOf(visit.patientId, since)).toEqual([]);
    const desk = await app.api('manager');
    expect((await desk<Visit>('GET', `/api/appointments/${visit.id}`)).sessionNoteId).toBeNull();
  });

  it('keeping it makes one note without the visit, with what was written; the visit stays cancelled', async () => {
    const { page, problem, visit, since } = await cancelledUnderneath(12);
    await problem.getByRole('button', { name: 'Keep it as a note without the visit' }).click();
    await page.getByText('All sent.').waitFor();
    const rows = await notesOf(visit.patientId, since);
    expect(rows).toEqual([{ id: rows[0]!.id, appointment_id: null, steps: 1, after: 0 }]);
    const therapist = await app.api('therapist');
    expect((await therapist<Note>('GET', `/api/sessions/${rows[0]!.id}`)).assessment).toBe('Written on the tablet.');
    const cancelled = await therapist<Visit>('GET', `/api/appointments/${visit.id}`);
    expect(['cancelled', 'late_cancel']).toContain(cancelled.status);
    expect(cancelled.sessionNoteId).toBeNull();
  });
});
