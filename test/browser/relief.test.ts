import { describe, expect, it } from 'vitest';
import { scheduleReliefCheckIn } from '../../src/services/outcomes/relief.ts';
import { DEMO_START, seriousViolations, browserSuite } from './support.ts';

// The relief check-in a patient opens from the email: no sign-in, one question, an error summary for a bad answer.

const app = browserSuite();

describe('the relief check-in page', () => {
  it('asks if the relief is holding, refuses days longer than since the visit, and thanks the patient', async () => {
    const [note] = await app.db.query<{ id: string; orgId: string; patientId: string }>(
      `SELECT n.id, n.org_id AS "orgId", n.patient_id AS "patientId" FROM session_notes n JOIN patients p
        ON p.id = n.patient_id
        WHERE n.status = 'signed' AND p.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM relief_checkins r
        WHERE r.session_note_id = n.id)
        ORDER BY n.id LIMIT 1`,
    );
    const visitAt = new Date(DEMO_START - 5 * 86_400_000);
    const checkIn = await scheduleReliefCheckIn(app.db, note!.orgId, note!, visitAt, visitAt);
    const [message] = await app.db.query<{ text: string }>(`SELECT text FROM outbox_messages WHERE dedupe_key = $1`, [
      `relief-check:${checkIn!.id}`,
    ]);
    const path = message!.text.match(/\/relief\/\S+/)![0];

    const page = await app.open({ width: 390, height: 844 }, { touch: true });
    await page.goto(`${app.url}${path}`);
    await page.getByRole('heading', { name: 'Is the relief from your visit holding?' }).waitFor();
    await page.getByLabel('It has worn off').check();
    await page.getByLabel('How many days did it last?').fill('9');
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.locator('.error-summary', { hasText: '5 days ago' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('How many days did it last?').fill('3');
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await page.getByText('the relief lasted 3 days').count()).toBe(1);
    const [stored] = await app.db.query<{ days: number }>(
      `SELECT relief_days AS days FROM relief_checkins WHERE id = $1`,
      [checkIn!.id],
    );
    expect(stored!.days).toBe(3);
  }, 120_000);
});
