import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allNoAnswers } from '../../src/clinical/screening/fixtures.ts';
import { musclesForRegion } from '../../web/src/pages/chart/assessment/palpation.ts';
import { wallClock } from '../../src/time/index.ts';
import { DEMO_TIME_ZONE, VIEWPORTS, seriousViolations, shotIfAsked, browserSuite } from './support.ts';

// The therapist's day on a tablet (820×1180): My day first, each visit opening the visit screen.

interface Appointment {
  id: string;
  patientId: string;
  status: string;
  start: string;
}

const app = browserSuite();

async function noSeriousViolations(p: Page): Promise<void> {
  await p.locator('.loading').waitFor({ state: 'detached' });
  expect(
    (await seriousViolations(p)).map(
      (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

/**
 * The demo therapist's next working day with visits (the demo's day itself may be a holiday), and
 * its visits in order.
 */
async function nextVisits(): Promise<{ date: string; visits: Appointment[] }> {
  const therapist = await app.api('therapist');
  const me = (await therapist<{ user: { therapistId: string } }>('GET', '/api/auth/session')).user.therapistId;
  for (let day = 0; day < 14; day++) {
    const date = wallClock(app.now().getTime() + day * 86_400_000, DEMO_TIME_ZONE).date;
    const { appointments } = await therapist<{ appointments: Appointment[] }>(
      'GET',
      `/api/appointments?therapist=${me}&from=${date}&to=${date}`,
    );
    if (appointments.length > 0) return { date, visits: appointments.sort((a, b) => a.start.localeCompare(b.start)) };
  }
  throw new Error('the demo therapist has no visits in the next two weeks');
}

describe("the therapist's day on a tablet", () => {
  it('starts at My day, and a visit opens the visit screen (gate, chart, sessions), not the demographics', async () => {
    const { date, visits } = await nextVisits();
    const page = await app.open(VIEWPORTS.tablet);
    await app.signIn(page, 'therapist', '/');
    await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/schedule/my-day');
    expect(await page.locator('#site-nav a').first().textContent()).toBe('My day');
    await noSeriousViolations(page);
    await page.goto(`${app.url}/schedule/my-day?date=${date}`);
    await page.locator('.sch-visit').first().waitFor();
    expect(await page.locator('.sch-visit').count()).toBe(visits.length);
    await noSeriousViolations(page);
    await shotIfAsked(page, 'tablet-my-day');

    await page.locator('.sch-visit-name a').first().click();
    await page.waitForURL(`**/patients/${visits[0]!.patientId}/chart`);
    await page.getByRole('region', { name: 'Screening' }).waitFor();
    await page.getByRole('group', { name: 'Body chart: mark pain', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Sessions', exact: true }).count()).toBe(1);
    await noSeriousViolations(page);
  });

  it('the treatment chart shows the trigger points found at assessment; a tapped spot lists referrers', async () => {
    const [visit] = (await nextVisits()).visits;
    const patientId = visit!.patientId;
    const therapist = await app.api('therapist');
    await therapist('POST', `/api/patients/${patientId}/intake`, {
      answers: allNoAnswers(),
      goals: ['Read without a headache'],
      painStory: { onset: 'gradual', durationDays: 30 },
      painMap: [{ region: 'temple-right', intensity: 6 }],
    });
    const point = {
      side: 'right',
      kind: 'active',
      tautBand: true,
      localTwitch: false,
      jumpSign: true,
      referralReproduced: true,
      referralRegions: [],
      tenderness: 7,
    };
    await therapist('POST', `/api/patients/${patientId}/assessments`, {
      findings: {
        painMap: [{ region: 'temple-right', intensity: 6 }],
        posture: { findings: [] },
        rom: [],
        strength: [],
        fiveElements: {},
        triggerPoints: [
          { ...point, muscle: 'upper-trapezius', note: 'Found at: Angle of the neck (right)' },
          { ...point, muscle: 'temporalis', kind: 'latent', note: 'Found at: Temple (right)' },
        ],
      },
    });

    const page = await app.open(VIEWPORTS.tablet);
    await app.signIn(page, 'therapist', `/patients/${patientId}/chart/sessions`);
    await page.getByRole('button', { name: "Start today's session note" }).click();
    const treatment = page.locator('.ch-treat');
    await treatment.getByRole('heading', { name: 'Treatment', exact: true }).waitFor();
    // Drawn in each view that shows the place (the angle of the neck shows front and back).
    expect(await treatment.locator('svg .ch-marker-active').count()).toBe(1);
    expect(await treatment.locator('svg .ch-marker-latent').count()).toBe(1);
    expect(await treatment.locator('.ch-marker-active text').first().textContent()).toBe('A');
    const neck = treatment.locator('path[data-region="neck-angle-right"]').first();
    expect(await neck.getAttribute('aria-label')).toContain(
      'active trigger point, Upper trapezius, found at assessment',
    );
    await noSeriousViolations(page);
    await shotIfAsked(page, 'tablet-treatment-found-points');

    // A tap on the temple: the found point's muscle first, then the muscles that refer to the temple, ranked for it.
    await treatment.locator('path[data-region="temple-right"]').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#treat-muscle').inputValue()).toBe('temporalis');
    const options = (await page.locator('#treat-muscle option').allTextContents())
      .slice(1)
      .map((t) => t.replace(' (palpated)', ''));
    // The two found at assessment, then the temple's next referrers.
    expect(options.slice(0, 4)).toEqual(['Temporalis', 'Upper trapezius', 'Semispinalis capitis', 'Suboccipitals']);

    // The assessment's palpation list is ranked for the spot too.
    await page.getByRole('link', { name: 'Assessment', exact: true }).click();
    await page.getByRole('button', { name: 'Place trigger point' }).click();
    await page.locator('.ch-visit-chart path[data-region="temple-right"]').first().focus();
    await page.keyboard.press('Enter');
    const first = page.locator('.ch-muscle').first();
    expect(await first.locator('.ch-muscle-name').textContent()).toBe('Temporalis');
    expect(await first.textContent()).toContain('Refers here');
    await noSeriousViolations(page);
  });
});

describe('the muscle list for a tapped spot', () => {
  it('puts muscles referring to the spot first (primary before spillover, own area first), despite the map', () => {
    const temple = musclesForRegion('temple-right', []);
    expect(temple[0]!.muscle.id).toBe('temporalis');
    expect(temple.slice(0, 4).every((c) => c.refersHere === 'primary')).toBe(true);
    const firstSpill = temple.findIndex((c) => c.refersHere === 'spillover');
    expect(temple.slice(0, firstSpill).every((c) => c.refersHere === 'primary')).toBe(true);
    // A pain map pointing at the calf does not push calf muscles above the temple's own referrers.
    const calf = musclesForRegion('temple-right', [
      {
        muscle: 'gastrocnemius',
        name: 'Gastrocnemius',
        side: 'right',
        score: 0.9,
        reasons: [],
        therapistText: '',
        patientText: '',
      },
    ]);
    expect(calf[0]!.muscle.id).toBe('temporalis');
    const neck = musclesForRegion('neck-angle-right', [])
      .slice(0, 3)
      .map((c) => c.muscle.id)
      .sort();
    expect(neck).toEqual(['levator-scapulae', 'splenius-cervicis', 'upper-trapezius']);
  });
});
