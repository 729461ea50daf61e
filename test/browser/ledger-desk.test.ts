import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/billing/index.ts';
import type { Actor } from '../../src/services/context.ts';
import { postForPatient } from '../../src/services/billing/ledger.ts';
import {
  DEMO_PASSWORD,
  DEMO_TODAY,
  EMAILS,
  VIEWPORTS,
  browserSuite,
  seriousViolations,
  shotIfAsked,
} from './support.ts';

// The desk corrects a patient's account from the Balance card (1280×800): a contractual adjustment off
// the health plan's balance, a write-off, a refund of a credit (more than the credit is refused beside
// the amount) and a reversal, each confirmed with its amount; every figure is checked through the API.
// Then the patient reads their own balance in Spanish on a phone.
const DESK = { width: 1280, height: 800 };
const PLAN = 'Willamette Valley Health Plan';
const fixture = { patientId: '', payerId: '' };

const app = browserSuite({
  page: DESK,
  pageOptions: { timeout: 15_000 },
  async setup() {
    const [patient, desk] = await Promise.all([app.api('patient'), app.api('front_desk')]);
    fixture.patientId = (await patient.get<{ user: { patientId: string } }>('/api/auth/session')).user.patientId;
    // The demo's payer directory has the health plan.
    const { payers } = await desk.get<{ payers: { id: string; name: string }[] }>('/api/payers');
    fixture.payerId = payers.find((p) => p.name === PLAN)!.id;
    // A visit's charges, as posted: $120 the patient owes, $80 the plan owes.
    const [admin] = await app.db.query<{ id: string }>(
      `SELECT id FROM users WHERE org_id = $1 AND email = 'admin@demo.knotwork.test'`,
      [app.orgId],
    );
    const poster = { orgId: app.orgId, userId: admin!.id } as Actor;
    const { patientId, payerId } = fixture;
    await app.db.transaction((tx) =>
      postForPatient(
        tx,
        poster,
        patientId,
        [
          { request: { kind: 'charge', patientId, amount: money(12000), serviceDate: DEMO_TODAY } },
          { request: { kind: 'charge', patientId, payerId, amount: money(8000), serviceDate: DEMO_TODAY } },
        ],
        new Date(`${DEMO_TODAY}T17:00:00Z`),
      ),
    );
  },
});
const page = app.page;

interface Balance {
  dueNow: number;
  patient: number;
  payers: { payerId: string; balance: number }[];
  entries: { id: string; kind: string }[];
}
const balance = async () => (await app.api('front_desk')).get<Balance>(`/api/patients/${fixture.patientId}/balance`);
const planOwes = (b: Balance) => b.payers.find((p) => p.payerId === fixture.payerId)!.balance;

async function axeClean(where: string, target: Page = page) {
  const violations = await seriousViolations(target);
  expect(violations, `${where}: ${JSON.stringify(violations.map((v) => [v.id, v.nodes]))}`).toEqual([]);
}

describe("the desk corrects a patient's account (1280×800)", () => {
  it('adjusts, writes off, refunds a credit and reverses an entry, each confirmed with its amount', async () => {
    await app.signIn(page, 'front_desk', `/patients/${fixture.patientId}`);
    const card = page.getByRole('region', { name: 'Balance' });
    await card.getByRole('table', { name: 'Ledger entries, oldest first' }).waitFor();
    // No credit is held, so the desk is not offered a refund.
    await card.getByRole('button', { name: 'Adjust the balance' }).waitFor();
    expect(await card.getByRole('button', { name: 'Refund the credit' }).count()).toBe(0);

    // A contractual adjustment of $30 off the plan's balance.
    await card.getByRole('button', { name: 'Adjust the balance' }).click();
    const adjust = card.getByRole('form', { name: 'Adjust the balance' });
    await adjust.getByLabel('Kind of adjustment').selectOption('contractual');
    await adjust.getByLabel('Payer').selectOption(fixture.payerId);
    await adjust.getByLabel('Amount').fill('30');
    await adjust.getByLabel('Reason').fill('Plan allows $50 for this visit');
    await adjust.getByRole('button', { name: 'Review' }).click();
    const confirm = adjust.getByRole('group', { name: 'Confirm' });
    await confirm.getByText(`Adjust ${PLAN}'s balance by $30.00 (contractual)?`).waitFor();
    await axeClean('confirming an adjustment');
    await shotIfAsked(page, 'ledger-adjust-confirm');
    await confirm.getByRole('button', { name: 'Confirm: post $30.00' }).click();
    await card
      .getByRole('status')
      .getByText(/posted\./)
      .waitFor();
    expect(planOwes(await balance())).toBe(5000);
    await expect.poll(() => card.locator('dd').nth(2).innerText()).toBe('$50.00');

    // A write-off without a reason is refused beside the field; with one, $20 comes off the patient's balance.
    await card.getByRole('button', { name: 'Write off' }).click();
    const writeOff = card.getByRole('form', { name: 'Write off' });
    await writeOff.getByLabel('Amount').fill('20');
    await writeOff.getByRole('button', { name: 'Review' }).click();
    await writeOff
      .getByRole('group', { name: 'Confirm' })
      .getByText("Write off $20.00 of the patient's balance?")
      .waitFor();
    await writeOff.getByRole('button', { name: 'Confirm: post $20.00' }).click();
    await writeOff.locator('.field-error').getByText(/./).first().waitFor();
    expect(await writeOff.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    await axeClean('a refused write-off');
    await writeOff.getByLabel('Reason').fill('Hardship, approved by the manager');
    await writeOff.getByRole('button', { name: 'Review' }).click();
    await writeOff.getByRole('button', { name: 'Confirm: post $20.00' }).click();
    await card
      .getByRole('status')
      .getByText(/posted\./)
      .waitFor();
    expect((await balance()).patient).toBe(10000);
    await expect.poll(() => card.locator('dd').nth(1).innerText()).toBe('$100.00');

    // The patient pays $150 ahead at another window: a $50 credit, and now a refund is offered.
    await (
      await app.api('front_desk')
    )('POST', `/api/patients/${fixture.patientId}/payments`, { amount: 15000, method: 'cash', allowCredit: true });
    await page.reload();
    await card.getByRole('button', { name: 'Refund the credit' }).click();
    const refund = card.getByRole('form', { name: 'Refund the credit' });
    await refund.getByText('In dollars; the credit is $50.00').waitFor();
    await refund.getByLabel('Amount').fill('60');
    await refund.getByLabel('How it is refunded').selectOption('check');
    await refund.getByLabel('Card terminal reference or check number').fill('CHK-2210');
    await refund.getByRole('button', { name: 'Review' }).click();
    await refund.getByText('Refund $60.00 to the patient?').waitFor();
    await refund.getByRole('button', { name: 'Confirm: post $60.00' }).click();
    // More than the credit: the server's words beside the amount, and nothing posted.
    await refund.locator('.field-error').getByText('A refund cannot be more than the credit on the account.').waitFor();
    expect(await refund.getByLabel('Amount').getAttribute('aria-invalid')).toBe('true');
    expect((await balance()).patient).toBe(-5000);
    await axeClean('a refused refund');
    await refund.getByLabel('Amount').fill('50');
    await refund.getByRole('button', { name: 'Review' }).click();
    await refund.getByRole('button', { name: 'Confirm: post $50.00' }).click();
    await card.getByRole('status').getByText('Refund $50.00 to the patient: posted.').waitFor();
    expect((await balance()).patient).toBe(0);
    expect(await card.getByRole('button', { name: 'Refund the credit' }).count()).toBe(0);

    // The write-off was a mistake: reversed with a reason, the patient owes its $20 again.
    const writeOffEntry = (await balance()).entries.find((e) => e.kind === 'write-off')!;
    expect(writeOffEntry).toBeDefined();
    await card.getByRole('button', { name: /^Reverse write-off of / }).click();
    const reverse = card.getByRole('form', { name: 'Reverse the write-off' });
    await reverse.getByLabel('Why it is reversed').fill('Hardship not approved after all');
    await reverse.getByRole('button', { name: 'Review' }).click();
    await reverse.getByText('Reverse the write-off of $20.00?').waitFor();
    await axeClean('confirming a reversal');
    await reverse.getByRole('button', { name: 'Confirm: reverse $20.00' }).click();
    await card.getByRole('status').getByText('The write-off of $20.00 is reversed.').waitFor();
    const after = await balance();
    expect([after.patient, after.dueNow, planOwes(after)]).toEqual([2000, 2000, 5000]);
    // A reversed entry is not offered again, nor is a reversal.
    expect(await card.getByRole('button', { name: /^Reverse write-off of / }).count()).toBe(0);
    expect(await card.getByRole('button', { name: /^Reverse reversal/ }).count()).toBe(0);
    await expect.poll(() => card.locator('dd').nth(1).innerText()).toBe('$20.00');
    await shotIfAsked(page, 'ledger-after');
  }, 120_000);

  it('the patient reads their own balance in Spanish on a phone, without the payer', async () => {
    const phone = await app.open(VIEWPORTS.phone);
    await phone.goto(`${app.url}/`);
    await phone.getByRole('button', { name: 'Español' }).click();
    await phone.getByLabel('Correo electrónico').fill(EMAILS.patient);
    await phone.getByLabel('Contraseña').fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: 'Iniciar sesión' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor({ state: 'detached' });
    await phone.goto(`${app.url}/patients/${fixture.patientId}`);
    const mine = phone.getByRole('region', { name: 'Mi saldo' });
    await mine.getByText('Lo que debe ahora').waitFor();
    const own = await (
      await app.api('patient')
    ).get<{ dueNow: number; payments: unknown[] }>(`/api/patients/${fixture.patientId}/own-balance`);
    expect(own.dueNow).toBe(2000);
    expect(await mine.getByTestId('my-due-now').innerText()).toBe('$20.00');
    const payments = mine.getByRole('list', { name: 'Sus pagos recientes, del más nuevo al más antiguo' });
    expect(await payments.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/ · \$150\.00 con efectivo$/),
    ]);
    // The plan's side stays with the desk: neither its name nor its balance, nor the desk's card.
    expect(await phone.getByText(PLAN).count()).toBe(0);
    expect(await phone.getByRole('region', { name: 'Balance' }).count()).toBe(0);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await axeClean('the patient balance in Spanish', phone);
    await shotIfAsked(phone, 'ledger-patient-es');
  }, 60_000);
});
