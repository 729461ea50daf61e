import { describe, expect, it } from 'vitest';
import { VIEWPORTS, seriousViolations, shotIfAsked, browserSuite } from './support.ts';

// The intake pain map's search on a phone: a place said in words is picked on the chart.
let patientId: string;

const app = browserSuite({
  async setup() {
    const patient = await app.api('patient');
    patientId = (await patient<{ user: { patientId: string } }>('GET', '/api/auth/session')).user.patientId;
  },
});

describe('the pain map search', () => {
  it('reads a place in English or Spanish, offers both sides when none is said, and marks the one chosen', async () => {
    const p = await app.open(VIEWPORTS.phone);
    await app.signIn(p, 'patient', `/patients/${patientId}/intake?step=pain-map`);
    await p.getByRole('heading', { name: 'Where does it hurt?' }).waitFor();
    const search = p.getByRole('searchbox', { name: 'Or type where it hurts, in your own words' });

    await search.fill('the front part of my thigh');
    const results = p.locator('.ch-place-results');
    await results.getByText('Choose the place, and which side:').waitFor();
    expect(await results.getByRole('button').allTextContents()).toEqual([
      'Front of thigh (left)',
      'Front of thigh (right)',
    ]);
    for (const v of await seriousViolations(p)) throw new Error(`${v.id}: ${v.help}`);
    await shotIfAsked(p, 'phone-pain-map-search');

    await search.fill('parte de atrás de la rodilla izquierda');
    await results.getByRole('button', { name: 'Back of knee (left)' }).click();
    await p.locator('.ch-selected-name', { hasText: 'Back of knee (left)' }).waitFor();
    await p.locator('fieldset[data-name="pain-intensity"]').getByRole('button', { name: '6', exact: true }).click();
    expect(await p.locator('.ch-pain-list').textContent()).toContain('Back of knee (left)');

    await search.fill('xyzzy');
    await results.getByText('No place matches “xyzzy”. Did you mean one of these?').waitFor();
    expect(await results.getByRole('button').count()).toBeGreaterThan(0);
  });
});
