import { describe, expect, it } from 'vitest';
import { VIEWPORTS, seriousViolations, browserSuite, type PatientSummary } from './support.ts';

const app = browserSuite();

describe('one tap, one record', () => {
  it('double-tapping "Start today\'s session note" opens one note, and the button waits while it is made', async () => {
    const therapist = await app.api('therapist');
    const own = (await (await app.api('patient')).get<{ user: { patientId: string } }>('/api/auth/session')).user
      .patientId;
    const patient = (await therapist.get<{ patients: PatientSummary[] }>('/api/patients?pageSize=10')).patients.find(
      (p) => p.id !== own,
    )!;
    const notesBefore = (await therapist.get<{ notes: unknown[] }>(`/api/patients/${patient.id}/sessions`)).notes
      .length;

    const page = await app.open(VIEWPORTS.tablet);
    await app.signIn(page, 'therapist', `/patients/${patient.id}/chart/sessions`);
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
