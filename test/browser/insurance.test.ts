import { describe, expect, it } from 'vitest';
import { wallClock } from '../../src/time/index.ts';
import { buildAuthorization, buildCoverage, buildPayer } from '../support/billing-kit.ts';
import { DEMO_TODAY, VIEWPORTS, browserSuite, seriousViolations, shotIfAsked } from './support.ts';

const PAYER = 'Columbia Workers Comp Trust';

const app = browserSuite({
  page: VIEWPORTS.desk,
  setup: async (suite) => {
    await buildPayer(suite.db, suite.orgId, PAYER);
  },
});
const page = app.page;

/** The demo patient, who prefers Beaverton (the demo desk's site). */
async function demoPatientId(): Promise<string> {
  const patient = await app.api('patient');
  return (await patient.get<{ user: { patientId: string } }>('/api/auth/session')).user.patientId;
}

describe('insurance at the desk (1366×900)', () => {
  it("adds a workers' comp coverage, told what the claim still needs, then an authorization of 12 visits", async () => {
    const patientId = await demoPatientId();
    await app.signIn(page, 'front_desk');
    await page.goto(`${app.url}/patients/${patientId}`);
    const insurance = page.getByRole('region', { name: 'Insurance' });
    await insurance.getByRole('button', { name: 'Add a coverage' }).click();

    const form = insurance.getByRole('form', { name: 'Add a coverage' });
    await form.getByLabel('Type').selectOption({ label: 'Workers’ comp' });
    await form.getByLabel('Payer').selectOption({ label: PAYER });
    await form.getByLabel('Member id').fill('WC-889-001');
    await form.getByLabel('Employer at the time of injury').fill('Harbor Freight Lines');
    await form.getByLabel('Date of injury').fill('2026-10-02');
    await form.getByLabel('State of the claim').fill('OR');
    await form.getByLabel('Copay (US$)').fill('$25');
    await form.getByRole('button', { name: 'Save coverage' }).click();

    // The claim number was left empty: the server's words, in the summary and beside the field.
    const summary = form.getByRole('alert');
    await summary.getByText("Claim number: Enter the adjuster's claim number.").waitFor();
    const claim = form.getByLabel('Claim number');
    expect(await claim.getAttribute('aria-invalid')).toBe('true');
    await form.locator('.field-error').getByText("Enter the adjuster's claim number.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'insurance-claim-missing');

    await claim.fill('WC-2026-7781');
    await form.getByRole('button', { name: 'Save coverage' }).click();
    const coverages = insurance.getByRole('list', { name: 'Coverages' });
    await coverages.getByText(`Primary: Workers’ comp · ${PAYER}`).waitFor();
    await coverages.getByText('Member id WC-889-001 · claim WC-2026-7781 · copay $25.00').waitFor();

    await insurance.getByRole('button', { name: 'Add an authorization to this coverage' }).click();
    const auth = insurance.getByRole('form', { name: 'Add an authorization' });
    await auth.getByLabel('Authorization number').fill('AUTH-5521');
    await auth.getByLabel('How many were authorized').fill('12');
    await auth.getByLabel('Until').fill('2027-02-26');
    await auth.getByRole('button', { name: 'Save authorization' }).click();

    const line = insurance.getByRole('list', { name: 'Authorizations' }).getByRole('listitem');
    await line.getByText(/^\d+ of 12 visits left$/).waitFor();
    // What the screen shows is what the server counted from the patient's visits.
    const desk = await app.api('front_desk');
    const { authorizations } = await desk.get<{ authorizations: { reference: string; status: { label: string } }[] }>(
      `/api/patients/${patientId}/authorizations`,
    );
    const saved = authorizations.find((a) => a.reference === 'AUTH-5521')!;
    expect(await line.locator('strong').innerText()).toBe(saved.status.label);
    expect(await seriousViolations(page)).toEqual([]);
    await shotIfAsked(page, 'insurance-authorized');
  });

  it('warns the desk booking a visit after the authorization ends, and books it', async () => {
    const desk = await app.api('front_desk');
    const { user } = await desk.get<{ user: { locationIds: string[] } }>('/api/auth/session');
    const siteId = user.locationIds[0]!;
    const { locations } = await desk.get<{ locations: { id: string; timeZone: string }[] }>('/api/locations');
    const zone = locations.find((l) => l.id === siteId)!.timeZone;
    const patient = await desk<{ id: string }>('POST', '/api/patients', {
      givenName: 'Robin',
      familyName: 'Authwarn',
      dateOfBirth: '1980-04-02',
      sexAtBirth: 'female',
      preferredLocationId: siteId,
    });
    // Authorized for today only: any visit from tomorrow on is after it ends.
    const payers = await desk.get<{ payers: { id: string; name: string }[] }>('/api/payers');
    const payerId = payers.payers.find((p) => p.name === PAYER)!.id;
    const coverageId = await buildCoverage(app.db, app.orgId, patient.id, payerId);
    await buildAuthorization(app.db, app.orgId, coverageId, { startsOn: DEMO_TODAY, endsOn: DEMO_TODAY });

    const { slots } = await desk.get<{ slots: { start: string; therapistId: string }[] }>(
      `/api/availability?service=nmt-followup-60&location=${siteId}&from=${app.localDate(1)}&to=${app.localDate(14)}`,
    );
    const slot = { ...slots[0]!, ...wallClock(slots[0]!.start, zone) };
    const { therapists } = await desk.get<{ therapists: { id: string; name: string }[] }>('/api/therapists');
    const therapistName = therapists.find((t) => t.id === slot.therapistId)!.name;
    await app.signIn(page, 'front_desk', `/schedule?site=${siteId}&date=${slot.date}`);
    await page.locator('.loading').waitFor({ state: 'detached' });
    await page
      .locator(`.sch-col[aria-label="${therapistName}'s appointments"] .sch-cell[data-minutes="${slot.minutes}"]`)
      .click();
    const panel = page.getByRole('region', { name: 'Book an appointment' });
    await panel.getByLabel('Patient').fill('Authwarn');
    await panel.getByRole('button', { name: /Authwarn/ }).click();
    await panel.getByLabel('Service').selectOption('nmt-followup-60');
    await expect.poll(() => panel.getByLabel('Time').inputValue()).toBe(String(slot.minutes));
    await panel.getByRole('button', { name: 'Book appointment' }).click();

    const warning = page.locator('.alert-warning').filter({ hasText: 'Check the patient’s authorization' });
    // The demo's today is November 26.
    await warning.getByText('This visit is after the authorization ends on Nov 26.').waitFor();
    await page
      .getByRole('button', { name: /Robin Authwarn/ })
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
