import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OutcomesAnswer } from '../../src/services/outcomes/index.ts';
import { outcomeRows } from '../../src/outcomes/index.ts';
import { sketchEpisode } from '../support/outcome-episodes.ts';
import { upsertOutcomeRows } from '../../src/store/repos/outcome-episodes.ts';
import { VIEWPORTS, seriousViolations, browserSuite } from './support.ts';

/**
 * The Outcomes page on the demo: a manager reads the claim card, the curve and the cuts, each with
 * its table; the page's tables hold the figures the API gives; a therapist sees only their own
 * episodes. axe finds nothing serious. The demo's own episodes are joined by two dozen of the demo
 * therapist's at the manager's first site, so both have a claim to report.
 */

const app = browserSuite({
  page: VIEWPORTS.desk,
  async setup() {
    const me = (role: 'manager' | 'therapist') =>
      app
        .api(role)
        .then((api) => api.get<{ user: { therapistId: string | null; locationIds: string[] } }>('/api/auth/session'));
    const [manager, therapist] = [(await me('manager')).user, (await me('therapist')).user];
    const [org] = await app.db.query<{ id: string }>(`SELECT id FROM organizations WHERE slug = 'demo'`);
    const [patient] = await app.db.query<{ id: string }>(
      `SELECT id FROM patients WHERE org_id = $1 ORDER BY id LIMIT 1`,
      [org!.id],
    );
    const pain = [
      [7, 4, 3],
      [7, 7, 6, 4, 3],
      [7, 7, 7, 7, 6, 6],
      [6, 6],
    ];
    const episodes = Array.from({ length: 24 }, (_, i) =>
      sketchEpisode({
        id: `browser-${i + 1}`,
        baseline: 8,
        pain: pain[i % 4]!,
        status: i % 4 === 3 ? 'lapsed' : 'discharged',
        dropOut: i % 4 === 3,
        site: manager.locationIds[0]!,
        therapist: therapist.therapistId!,
        conditionGroup: i % 2 ? 'neck' : 'low-back',
        phase: 'chronic',
        startedOn: `2026-0${1 + (i % 6)}-0${1 + (i % 9)}`,
      }),
    );
    await upsertOutcomeRows(
      app.db,
      org!.id,
      outcomeRows(episodes).map((row) => ({ patientId: patient!.id, row })),
      app.now(),
    );
  },
});
const page = app.page;

/** The cells of a table on the page, as text, row by row (dashes for missing figures). */
async function tableCells(p: Page, id: string): Promise<string[][]> {
  return p
    .locator(`details[data-table="${id}"] tbody tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}
const asShown = (rows: OutcomesAnswer['tables'][number]['rows']) =>
  rows.map((row) => row.map((cell) => (cell === null ? '—' : String(cell))));

async function openOutcomes(p: Page): Promise<void> {
  await p.getByRole('link', { name: 'Outcomes' }).click();
  await p.getByRole('heading', { level: 1, name: 'Outcomes' }).waitFor();
  await p.locator('.loading').waitFor({ state: 'detached' });
  await p.locator('#claim-heading').waitFor();
}

describe('the Outcomes page', () => {
  it('shows a manager the claim both ways, the curve with its table, and the same figures the API gives', async () => {
    const manager = await app.api('manager');
    const api = await manager.get<OutcomesAnswer>('/api/outcomes');
    expect(api.scope).toBe('sites');
    await app.signIn(page, 'manager');
    await openOutcomes(page);

    const claim = api.tables.find((t) => t.id === 'claim')!;
    expect(await tableCells(page, 'claim')).toEqual(asShown(claim.rows));
    const [allStarted, completed] = claim.rows;
    // The demo's claim is honest: reported, and not everyone got better.
    expect(allStarted![1]).toEqual(expect.any(Number));
    expect(allStarted![3]).toBeLessThan(100);
    const card = page.locator('.oc-claim');
    await expect
      .poll(() => card.locator('.oc-summary').textContent())
      .toContain(`${allStarted![1]} of ${allStarted![2]} episodes that started`);
    expect(await card.locator('.oc-summary').textContent()).toContain(
      `${completed![1]} of ${completed![2]} with at least 4 sessions`,
    );
    expect(await card.locator('.oc-aside').textContent()).toMatch(/\d+ still in care.*\d+ without a score/s);

    // The curve: a Plot chart with its summary, and its table holding the API's rows.
    const curve = page.locator('section[aria-labelledby="curve-heading"]');
    expect(await curve.locator('.oc-plot svg').count()).toBe(1);
    expect(await curve.locator('figcaption').textContent()).toMatch(
      /Half of episodes were meaningfully better by session \d+|median not reached/,
    );
    expect(await tableCells(page, 'curve')).toEqual(asShown(api.tables.find((t) => t.id === 'curve')!.rows));
    expect(await tableCells(page, 'summary')).toEqual(asShown(api.tables.find((t) => t.id === 'summary')!.rows));

    // Responder rates by site: a dot for each reported site, the rest "too few to report" in the table.
    await page.getByLabel('Compare by').selectOption('site');
    await page.getByRole('heading', { name: 'Meaningfully better by site' }).waitFor();
    const sites = api.tables.find((t) => t.id === 'site')!;
    expect(await tableCells(page, 'site')).toEqual(asShown(sites.rows));
    const reportedSites = sites.rows.filter((r) => r.at(-1) !== 'too few to report').length;
    const cut = page.locator('section[aria-labelledby="cut-heading"]');
    expect(await cut.locator('.oc-plot svg circle').count()).toBe(reportedSites);
    expect(await cut.locator('a', { hasText: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/outcomes.csv?table=site',
    );

    for (const details of await page.locator('details.oc-table').all()) await details.locator('summary').click();
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('shows a therapist only their own episodes', async () => {
    const therapist = await app.api('therapist');
    const admin = await app.api('admin');
    const own = await therapist.get<OutcomesAnswer>('/api/outcomes');
    const all = await admin.get<OutcomesAnswer>('/api/outcomes');
    const me = await therapist.get<{ user: { therapistId: string } }>('/api/auth/session');
    expect(own.scope).toBe('own');
    expect(own.report.cuts.therapist!.map((r) => r.key)).toEqual([me.user.therapistId]);
    expect(all.report.cuts.therapist!.length).toBeGreaterThan(1);

    await app.signIn(page, 'therapist');
    await openOutcomes(page);
    expect(await page.getByText('Your own episodes of care').count()).toBe(1);
    await page.getByLabel('Compare by').selectOption('therapist');
    const rows = await tableCells(page, 'therapist');
    expect(rows.map((r) => r[0])).toEqual(own.report.cuts.therapist!.map((r) => r.label));
    expect(await tableCells(page, 'claim')).toEqual(asShown(own.tables.find((t) => t.id === 'claim')!.rows));
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('tells a patient their own pain trend in plain words on their page', async () => {
    const patient = await app.api('patient');
    const { user } = await patient.get<{ user: { patientId: string } }>('/api/auth/session');
    const before = await patient.get<{ series: { measure: string; points: unknown[] }[] }>(
      `/api/patients/${user.patientId}/measures`,
    );
    expect(
      before.series.find((s) => s.measure === 'nprs')?.points ?? [],
      'the demo patient has no pain scores yet',
    ).toEqual([]);
    for (const score of [7, 3]) {
      const res = await patient.send('POST', `/api/patients/${user.patientId}/measures`, {
        measure: 'nprs',
        answers: [score],
      });
      expect(res.status).toBe(201);
    }
    await app.signIn(page, 'patient');
    const words = page.locator('.ms-trend-words', { hasText: 'Your pain score' });
    await words.waitFor();
    expect(await words.textContent()).toBe('Your pain score fell from 7 to 3 — a change most people notice.');
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('is not offered to the front desk', async () => {
    await app.signIn(page, 'front_desk');
    expect(await page.getByRole('link', { name: 'Outcomes' }).count()).toBe(0);
  });
});
