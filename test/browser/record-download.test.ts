import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../support/pdf-read.ts';
import { DEMO_TIME_ZONE, VIEWPORTS, browserSuite, seriousViolations, shotIfAsked } from './support.ts';

/**
 * A patient on a phone, reading Spanish, downloads their own record from their page: a PDF in Spanish,
 * dated by the clinic's clock, named without their name, and the download is in the audit log.
 */
const app = browserSuite({ pageOptions: { timeout: 15_000, acceptDownloads: true } });

describe('the record download', () => {
  it('downloads "Descargar mi expediente" as a Spanish PDF on a phone', async () => {
    const page = await app.open(VIEWPORTS.phone);
    await app.signIn(page, 'patient');
    await page.getByRole('button', { name: 'Español' }).click();
    const link = page.getByRole('link', { name: 'Descargar mi expediente (PDF)' });
    await link.scrollIntoViewIfNeeded();
    const box = (await link.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    expect(await page.getByRole('heading', { name: 'Mi expediente de salud' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'record-download-es');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^health-record-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await readPdfText(await readFile((await download.path())!));
    const today = app.now().toLocaleDateString('es-US', {
      timeZone: DEMO_TIME_ZONE,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    expect(text).toContain('Su expediente de salud');
    expect(text).toContain(`Preparado el ${today}`);
    expect(text).toContain('Visitas');
    expect(text).not.toContain('Your health record');

    const admin = await app.api('admin');
    const { events } = await admin<{ events: Array<{ action: string; detail: { format?: string } | null }> }>(
      'GET',
      '/api/audit?action=record.download',
    );
    expect(events.some((e) => e.detail?.format === 'pdf')).toBe(true);
  }, 120_000);
});
