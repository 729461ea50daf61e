import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildCoverage, buildPayer } from '../support/billing-kit.ts';
import { browserSuite, seriousViolations, shotIfAsked, type PatientSummary } from './support.ts';

// Getting paid at the desk (1280×800): a booked visit whose note the therapist signed becomes proposed
// charges, posted; checkout takes the copay; the claim goes out in an 837P file with its CMS-1500; the
// payer's payment and contractual adjustment bring every balance to zero.
const DESK = { width: 1280, height: 800 };
const PAYER = 'Cascade Health Plan';
const fixture = { patientId: '', patientName: '', visitId: '', payerId: '' };

const app = browserSuite({
  page: DESK,
  pageOptions: { acceptDownloads: true, timeout: 15_000 },
  async setup() {
    const [admin, desk, therapist] = await Promise.all([app.api('admin'), app.api('front_desk'), app.api('therapist')]);
    const { user: me } = await therapist.get<{ user: { therapistId: string } }>('/api/auth/session');
    // Who bills: the clinic's billing details, the therapist's NPI, the payer's fee schedule.
    await admin('PUT', '/api/billing/profile', {
      name: 'Knotwork NMT',
      npi: '1245319599',
      taxId: '123456789',
      addressLine1: '400 State St',
      city: 'Portland',
      state: 'OR',
      postalCode: '97205',
      phone: '503-555-0100',
      submitterId: 'KNOTWORK01',
      contactName: 'Billing Desk',
      receiverId: 'CLEARHOUSE',
      receiverName: 'Clearing House',
    });
    await admin('PUT', `/api/therapists/${me.therapistId}/npi`, { npi: '1234567893' });
    fixture.payerId = await buildPayer(app.db, app.orgId, PAYER);
    for (const [code, feeCents] of [
      ['97140', 4500],
      ['97112', 5000],
    ] as const) {
      await admin('POST', `/api/payers/${fixture.payerId}/fees`, { code, feeCents, effectiveFrom: '2026-01-01' });
    }

    // A patient of the desk's site in the therapist's care, insured by the plan, assessed with two diagnoses.
    const mine = (await therapist.get<{ patients: PatientSummary[] }>('/api/patients?pageSize=50')).patients;
    const deskSees = new Set(
      (await desk.get<{ patients: PatientSummary[] }>('/api/patients?pageSize=100')).patients.map((p) => p.id),
    );
    // One without a coverage yet (the demo gives a few patients theirs), so the plan below is their primary.
    const covered = new Set(
      (
        await app.db.query<{ patientId: string }>(
          'SELECT patient_id AS "patientId" FROM coverages WHERE org_id = $1 AND ended_at IS NULL',
          [app.orgId],
        )
      ).map((c) => c.patientId),
    );
    const patient = mine.find((p) => deskSees.has(p.id) && !covered.has(p.id))!;
    Object.assign(fixture, { patientId: patient.id, patientName: `${patient.givenName} ${patient.familyName}` });
    await app.db.query(`UPDATE patients SET address = $2 WHERE id = $1`, [
      patient.id,
      JSON.stringify({ line1: '12 Elm St', city: 'Portland', state: 'OR', postalCode: '97205' }),
    ]);
    await buildCoverage(app.db, app.orgId, patient.id, fixture.payerId);
    await app.db.query(
      `INSERT INTO assessments (org_id, patient_id, assessed_on, therapist_id, findings, diagnoses, created_by,
         created_at, updated_by, updated_at)
       SELECT $1, $2, $3::date - 1, $4, '{}', '{M54.2,M62.838}', u.id, now(), u.id, now()
         FROM users u WHERE u.org_id = $1 AND u.email = 'admin@demo.knotwork.test'`,
      [app.orgId, patient.id, app.localDate(), me.therapistId],
    );

    // Booking: the desk books the therapist's first free hour; the therapist writes and signs the visit's note.
    const { locations } = await desk.get<{ locations: { id: string }[] }>('/api/locations');
    let appointmentId = '';
    for (const site of locations) {
      const { slots } = await desk.get<{ slots: { start: string }[] }>(
        `/api/availability?service=nmt-followup-60&location=${site.id}&from=${app.localDate()}` +
          `&to=${app.localDate(14)}&therapist=${me.therapistId}`,
      );
      // The first hour the patient is free too (the demo books them already); another site's desk may not book.
      for (const slot of slots) {
        const booked = await desk.send<{ id: string }>('POST', '/api/appointments', {
          patientId: patient.id,
          serviceCode: 'nmt-followup-60',
          start: slot.start,
          therapistId: me.therapistId,
          locationId: site.id,
        });
        if (booked.status === 201) appointmentId = booked.body.id;
        if (booked.status !== 409) break;
      }
      if (appointmentId) break;
    }
    expect(appointmentId, 'a free hour of the therapist in the next two weeks').not.toBe('');
    const note = await therapist<{ id: string }>('POST', `/api/patients/${patient.id}/sessions`, {
      appointmentId,
      subjective: { painToday: 6 },
      objective: {},
      assessment: 'Active trigger points, upper trapezius',
      cptMinutes: [
        { code: '97140', minutes: 24 },
        { code: '97112', minutes: 23 },
      ],
    });
    await therapist('POST', `/api/sessions/${note.id}/sign`, {});
    fixture.visitId = note.id;
  },
});
const page = app.page;

async function axeClean(where: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations.map((v) => [v.id, v.nodes]))}`).toEqual([]);
}

/** A link's file, fetched with the page's own session. */
async function fileAt(target: Page, selector: ReturnType<Page['getByRole']>) {
  const href = (await selector.getAttribute('href'))!;
  const response = await target.request.get(app.url + href);
  return { status: response.status(), type: response.headers()['content-type'] ?? '', body: await response.body() };
}

interface Balance {
  dueNow: number;
  patient: number;
  payers: { payerId: string; balance: number }[];
}

describe('getting paid at the desk (1280×800)', () => {
  it('signed note → charges posted → checkout with copay → claim, 837P, CMS-1500 → payer paid → zero', async () => {
    await app.signIn(page, 'front_desk', '/billing');
    const review = page.getByRole('link', { name: `Review the charges of ${fixture.patientName}` });
    await review.waitFor();
    await axeClean('charges to review');
    await review.click();

    // The proposed lines, as the server priced them from the signed note.
    await page.getByRole('heading', { name: 'Charges and checkout' }).waitFor();
    const lines = page.getByRole('table', { name: 'Charge lines of this visit' });
    await lines.getByRole('rowheader', { name: '97140' }).waitFor();
    const row = lines.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '97112' }) });
    await row.getByText('GP, 59').waitFor();
    await row.getByText('A M54.2, B M62.838').waitFor();
    await row.getByText('NPI 1234567893').waitFor();
    await axeClean('proposed charges');
    await shotIfAsked(page, 'paid-proposed');

    // A pointer to a diagnosis the visit lacks is refused, naming the field; then both lines are posted.
    await page.getByRole('button', { name: 'Change 97112' }).click();
    const change = page.getByRole('form', { name: 'Change line 97112' });
    await change.getByLabel('Diagnosis pointers').fill('A, E');
    await change.getByRole('button', { name: 'Save line' }).click();
    await change
      .getByRole('alert')
      .getByText(/Diagnosis pointers: Pointer E points at no diagnosis/)
      .waitFor();
    await axeClean('a refused change');
    // The desk also bills the line from the patient's home at the plan's fee for it.
    await change.getByLabel('Diagnosis pointers').fill('B');
    await change.getByLabel('Place of service').fill('12');
    await change.getByLabel('Fee per unit').fill('55.00');
    await change.getByRole('button', { name: 'Save line' }).click();
    await row.getByText('B M62.838').waitFor();
    await row.getByText('Place of service 12').waitFor();
    for (const code of ['97140', '97112']) {
      await page.getByRole('button', { name: `Post ${code}` }).click();
      await page.getByRole('button', { name: `Reverse ${code}` }).waitFor();
    }

    const desk = await app.api('front_desk');
    const visit = await desk.get<{
      charges: { amountCents: number; status: string; placeOfService: string; feeCents: number }[];
    }>(`/api/visits/${fixture.visitId}/charges`);
    expect(visit.charges.map((c) => c.status)).toEqual(['posted', 'posted']);
    expect(visit.charges.map((c) => [c.placeOfService, c.feeCents])).toEqual([
      ['11', 4500],
      ['12', 5500],
    ]);
    const billed = visit.charges.reduce((sum, c) => sum + c.amountCents, 0);

    // Checkout: a $25 copay is due now, paid by card; the receipt opens as a PDF.
    const checkout = page.getByRole('region', { name: 'Checkout' });
    await checkout.getByLabel('Copay').fill('25.00');
    await checkout.getByRole('button', { name: 'Check out' }).click();
    await expect.poll(() => checkout.getByTestId('due-now').textContent()).toBe('$25.00');
    const pay = checkout.getByRole('form', { name: 'Record a payment' });
    expect(await pay.getByLabel('Amount paid').inputValue()).toBe('25.00');
    await pay.getByLabel('How it was paid').selectOption('card');
    await pay.getByLabel('Card terminal reference or check number').fill('T-7781');
    await axeClean('checkout');
    await pay.getByRole('button', { name: 'Record payment' }).click();
    await checkout.getByText('Checkout done: nothing is due now.').waitFor();
    const receipt = await fileAt(page, checkout.getByRole('link', { name: 'Open the receipt (PDF)' }));
    expect([receipt.status, receipt.type, receipt.body.subarray(0, 5).toString()]).toEqual([
      200,
      'application/pdf',
      '%PDF-',
    ]);
    const next = checkout.getByRole('link', { name: 'Book the next visit' });
    expect(await next.getAttribute('href')).toContain(`patient=${fixture.patientId}`);
    await shotIfAsked(page, 'paid-checked-out');

    // The claim of the posted lines.
    const claimCard = page.getByRole('region', { name: 'Claim', exact: true });
    await claimCard.getByRole('button', { name: 'Make the claim' }).click();
    await claimCard.getByText(/: ready to send\./).waitFor();
    const control = (await claimCard.locator('strong').innerText()).trim();

    // The booking flow opens with the patient chosen.
    await next.click();
    await page.waitForURL(/\/schedule\?/);
    expect(new URL(page.url()).searchParams.get('patient')).toBe(fixture.patientId);

    // Claims: send it in an 837P file, download the file and the CMS-1500.
    await page.goto(`${app.url}/billing/claims`);
    await page.getByRole('checkbox', { name: `Send claim ${control}` }).check();
    await axeClean('claims');
    await page.getByRole('button', { name: 'Make the 837P file of 1 chosen' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the 837P file' }).click();
    const file = await readFile((await (await downloading).path())!, 'utf8');
    expect(file.startsWith('ISA*')).toBe(true);
    expect(file).toContain(`CLM*${control}*${billed / 100}*`);
    expect(file.trimEnd().split('\n').at(-1)).toMatch(/^IEA\*1\*/);
    const claimRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: control }) });
    await claimRow.getByText('sent, awaiting payment').waitFor();
    const form = await fileAt(page, claimRow.getByRole('link', { name: `CMS-1500 of claim ${control} (PDF)` }));
    expect([form.status, form.type, form.body.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const batches = page.getByRole('table', { name: '837P files, newest first' });
    await batches.getByRole('link', { name: /^Download file \d+$/ }).waitFor();

    // The payer pays all but $25, which it reduces by contract.
    const owed = (await desk.get<Balance>(`/api/patients/${fixture.patientId}/balance`)).payers[0]!.balance;
    expect(owed).toBe(billed - 2500);
    await claimRow.getByRole('button', { name: `Post payment of claim ${control}` }).click();
    const remit = page.getByRole('form', { name: `Post the payment of claim ${control}` });
    await remit.getByLabel('Amount the payer paid').fill(((owed - 2500) / 100).toFixed(2));
    await remit.getByLabel('Contractual adjustment').fill('25');
    await remit.getByLabel('Check or EFT number').fill('EFT-5531');
    await remit.getByLabel("Payer's claim number").fill('2026123000417');
    await axeClean('payer payment');
    await remit.getByRole('button', { name: 'Post payment' }).click();
    await claimRow.getByText('paid', { exact: true }).waitFor();
    await claimRow.getByRole('cell', { name: '2026123000417' }).waitFor();
    await shotIfAsked(page, 'paid-claims');

    // The visit's notes are corrected: a corrected claim (replacement) quoting the payer's number goes out.
    await claimRow.getByRole('button', { name: `Send a corrected claim for ${control}` }).click();
    const fix = page.getByRole('form', { name: `Send a corrected claim: claim ${control}` });
    await expect.poll(() => fix.getByLabel("Payer's claim number").inputValue()).toBe('2026123000417');
    await fix.getByLabel('What was wrong').fill('Diagnosis order corrected');
    await axeClean('corrected claim');
    await fix.getByRole('button', { name: 'Make the corrected claim' }).click();
    const replacement = `${control}-R1`;
    await page.getByText(`Claim ${replacement} is ready: choose it for the next 837P file.`).waitFor();
    await claimRow.getByText(`Corrected by ${replacement}`).waitFor();
    expect(await claimRow.getByRole('button', { name: `Send a corrected claim for ${control}` }).count()).toBe(0);
    const fixRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: replacement }) });
    await fixRow.getByText(`Corrected claim of ${control}`).waitFor();
    await page.getByRole('checkbox', { name: `Send claim ${replacement}` }).check();
    await page.getByRole('button', { name: 'Make the 837P file of 1 chosen' }).click();
    await fixRow.getByText('sent, awaiting payment').waitFor();
    await shotIfAsked(page, 'corrected-claim');
    const resending = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the 837P file' }).click();
    const corrected = (await readFile((await (await resending).path())!, 'utf8')).split('\n');
    expect(corrected.find((s) => s.startsWith('CLM*'))).toMatch(
      new RegExp(`^CLM\\*${replacement}\\*[0-9.]+\\*\\*\\*11:B:7\\*`),
    );
    expect(corrected).toContain('REF*F8*2026123000417~');

    // Zero for everyone: on the patient's page, through the API and in the ledger itself.
    await page.goto(`${app.url}/patients/${fixture.patientId}`);
    const balance = page.getByRole('region', { name: 'Balance' });
    await balance.getByRole('table', { name: 'Ledger entries, oldest first' }).waitFor();
    expect(await balance.locator('dd').allInnerTexts()).toEqual(['$0.00', '$0.00', '$0.00']);
    await axeClean('patient balance');
    const after = await desk.get<Balance>(`/api/patients/${fixture.patientId}/balance`);
    expect(after).toMatchObject({ dueNow: 0, patient: 0, payers: [{ payerId: fixture.payerId, balance: 0 }] });
    expect(await desk.get(`/api/payers/${fixture.payerId}/balance`)).toEqual({ payerId: fixture.payerId, balance: 0 });
    const owes = await app.db.query<{ account: string; owed: number }>(
      `SELECT account, sum(CASE WHEN side = 'debit' THEN amount_cents ELSE -amount_cents END)::int AS owed
         FROM ledger_lines WHERE org_id = $1 AND patient_id = $2 AND account IN ('patient', 'payer')
        GROUP BY account ORDER BY account`,
      [app.orgId, fixture.patientId],
    );
    expect(owes).toEqual([
      { account: 'patient', owed: 0 },
      { account: 'payer', owed: 0 },
    ]);
  }, 180_000);

  it('the manager reads the billing reports, each with a CSV download', async () => {
    await app.signIn(page, 'manager', '/billing/reports');
    await page.getByRole('heading', { name: 'Billing reports' }).waitFor();
    for (const title of [
      'A/R aging by payer',
      'Unbilled signed visits',
      'Authorizations running out',
      'Revenue by site',
      'Revenue by therapist',
      'Revenue by service',
    ]) {
      await page.getByRole('region', { name: title }).waitFor();
    }
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    await axeClean('reports');
    const csv = await fileAt(page, page.getByRole('link', { name: 'Download as CSV (A/R aging by payer)' }));
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.body.toString('utf8').split('\n')[0]).toMatch(/payer/i);
  }, 60_000);
});
