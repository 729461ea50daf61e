import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, browserSuite, type PatientSummary } from './support.ts';

// The diagnosis picker on the assessment page: search by words or code, chips to remove, saved with the assessment.

const app = browserSuite();

const chips = (page: Page) => page.getByRole('list', { name: 'Chosen diagnoses' }).getByRole('listitem');

async function addFromSearch(page: Page, query: string, code: string): Promise<void> {
  await page.getByLabel('Find a diagnosis').fill(query);
  const add = page
    .getByRole('list', { name: 'Matching diagnoses' })
    .getByRole('button', { name: new RegExp(`\\(${code.replace('.', '\\.')}\\)`) });
  await add.click();
  await chips(page).filter({ hasText: code }).waitFor();
}

describe('the diagnosis picker', () => {
  it('finds codes by words and code, shows plain names as removable chips, saves with the assessment', async () => {
    const therapist = await app.api('therapist');
    const { patients } = await therapist.get<{ patients: PatientSummary[] }>('/api/patients?pageSize=5');
    const patientId = patients[0]!.id;
    const page = await app.open({ width: 1024, height: 768 }, { touch: true });
    await app.signIn(page, 'therapist', `/patients/${patientId}/chart`);
    await page.getByRole('heading', { name: 'Diagnoses' }).waitFor();
    // Start from an empty list whatever the demo charted before.
    while ((await page.getByRole('list', { name: 'Chosen diagnoses' }).count()) > 0)
      await chips(page)
        .first()
        .getByRole('button', { name: /Remove/ })
        .click();

    await addFromSearch(page, 'whiplash', 'S13.4XXA');
    expect(await chips(page).first().textContent()).toContain('Neck sprain (whiplash)');
    await addFromSearch(page, 'm542', 'M54.2');
    expect(await chips(page).count()).toBe(2);
    expect(await chips(page).first().textContent()).toContain('primary');

    await chips(page)
      .filter({ hasText: 'S13.4XXA' })
      .getByRole('button', { name: /Remove/ })
      .click();
    expect(await chips(page).count()).toBe(1);
    await addFromSearch(page, 'low back', 'M54.50');

    await page.getByLabel('Find a diagnosis').fill('zzzz');
    await page.getByText("No code on the clinic's list matches “zzzz”.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByText(/Assessment saved \(version \d+\)/).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Diagnoses' }).waitFor();
    await chips(page).first().waitFor();
    expect(await chips(page).locator('.ch-chip-code').allTextContents()).toEqual(['M54.2', 'M54.50']);
  }, 120_000);
});
