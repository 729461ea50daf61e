import { describe, expect, it } from 'vitest';
import { buildAuthorization, buildCoverage, buildPayer, freshPatient } from '../../../test/support/billing-kit.ts';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { billablePatient, postedVisit, signedBillableVisit } from '../../../test/support/money-kit.ts';
import { addDays } from '../../time/index.ts';

describe.each(BACKENDS)('billing reports over HTTP, on %s', (backend) => {
  const h = httpSuite(backend, {});

  /**
   * Visit 1 is signed, posted, checked out (copay $25), claimed, sent and paid by its payer ($90 and
   * a $25 contractual adjustment) and its copay paid; visit 2 is posted ($140 to its payer) and not
   * claimed; visit 3 is signed with its charges still proposed.
   */
  async function knownSequence() {
    const first = await postedVisit(h.db, h.world);
    expect(
      (await h.as('front_desk', 'POST', `/api/visits/${first.visitId}/checkout`, { copay: 2500 })).statusCode,
    ).toBe(201);
    const claim = await h.as('front_desk', 'POST', '/api/claims', { visitId: first.visitId });
    expect((await h.as('front_desk', 'POST', '/api/claim-batches', { claimIds: [claim.json().id] })).statusCode).toBe(
      201,
    );
    const paid = await h.as('front_desk', 'POST', `/api/claims/${claim.json().id}/payments`, {
      amount: 9000,
      method: 'check',
      reference: 'EFT-1',
      adjustment: 2500,
    });
    expect(paid.statusCode).toBe(201);
    const copay = await h.as('front_desk', 'POST', `/api/patients/${first.patientId}/payments`, {
      amount: 2500,
      method: 'card',
      visitId: first.visitId,
    });
    expect(copay.statusCode).toBe(201);
    const second = await postedVisit(h.db, h.world);
    const third = await billablePatient(h.db, h.world);
    const thirdVisit = await signedBillableVisit(h.db, h.world, third.patientId);
    const days = await h.db.query<{ day: string }>(
      'SELECT min(service_date)::text AS day FROM charges WHERE session_note_id = $1',
      [second.visitId],
    );
    return { first, second, thirdVisit, day: days[0]!.day };
  }

  let known: Awaited<ReturnType<typeof knownSequence>>;

  it('ages what payers owe after the sequence, as JSON and as CSV', async () => {
    known = await knownSequence();
    const aging = await h.as('manager', 'GET', '/api/reports/ar-aging');
    expect(aging.statusCode).toBe(200);
    const report = aging.json();
    const owing = report.rows.filter((r: { balance: number }) => r.balance !== 0);
    expect(owing).toEqual([
      expect.objectContaining({
        payerId: known.second.payerId,
        balance: 14000,
        buckets: { '0-30': 14000, '31-60': 0, '61-90': 0, '90+': 0 },
      }),
    ]);
    expect(report.total.balance).toBe(14000);

    const csv = await h.as('admin', 'GET', '/api/reports/ar-aging?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="ar-aging.csv"');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Payer,0-30 days,31-60 days,61-90 days,Over 90 days,Balance');
    expect(lines.at(-1)).toBe('Total,140.00,0.00,0.00,0.00,140.00');
    // Aged to a day before any visit, nothing is owed yet.
    const before = await h.as('admin', 'GET', `/api/reports/ar-aging?asOf=${addDays(known.day, -1)}`);
    expect(before.json().total.balance).toBe(0);
  });

  it('lists the signed visits not yet billed, and why', async () => {
    const res = await h.as('manager', 'GET', `/api/reports/unbilled-visits?from=${known.day}&to=${known.day}`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as Array<{ visitId: string; reason: string; daysSinceService: number }>;
    expect(rows.map((r) => [r.visitId, r.reason]).sort()).toEqual(
      [
        [known.second.visitId, 'no-claim'],
        [known.thirdVisit, 'charge-not-posted'],
      ].sort(),
    );
    const csv = await h.as(
      'manager',
      'GET',
      `/api/reports/unbilled-visits?from=${known.day}&to=${known.day}&format=csv`,
    );
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Date of service,Patient,Site,Therapist,What is missing,Days since visit');
    expect(lines.slice(1).sort()).toEqual(expect.arrayContaining([expect.stringContaining('Charged, not on a claim')]));
    expect(lines).toHaveLength(3);
  });

  it('sums revenue by service and by site over the period', async () => {
    const res = await h.as('admin', 'GET', `/api/reports/revenue?from=${known.day}&to=${known.day}&by=service`);
    expect(res.statusCode).toBe(200);
    // Two posted visits of 2 units of 97140 at $45 and 1 unit of 97112 at $50; the proposed visit does not count.
    expect(res.json().rows).toEqual([
      expect.objectContaining({ keys: ['97140'], lines: 2, units: 4, amount: 18000 }),
      expect.objectContaining({ keys: ['97112'], lines: 2, units: 2, amount: 10000 }),
    ]);
    expect(res.json().total).toEqual({ lines: 4, units: 6, amount: 28000 });
    const bySite = await h.as('manager', 'GET', `/api/reports/revenue?from=${known.day}&to=${known.day}&format=csv`);
    const lines = bySite.body.trim().split('\r\n');
    expect(lines[0]).toBe('Site,Charge lines,Units,Charges');
    expect(lines.at(-1)).toBe('Total,4,6,280.00');
    const wrong = await h.as('admin', 'GET', '/api/reports/revenue?by=payer');
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields)).toEqual(['by']);
  });

  it('lists authorizations ending soon or with few visits left, for the sites a manager runs', async () => {
    const ends = addDays(known.day, 8);
    await buildAuthorization(h.db, h.world.orgId, known.second.coverageId, {
      startsOn: addDays(known.day, -20),
      endsOn: ends,
      authorized: 12,
    });
    await buildAuthorization(h.db, h.world.orgId, known.second.coverageId, {
      startsOn: addDays(known.day, 9),
      endsOn: addDays(known.day, 200),
      authorized: 12,
    });
    const elsewhere = await freshPatient(h.db, h.world.orgId, h.world.sites.b, 'SiteBPatient');
    const payer = await buildPayer(h.db, h.world.orgId, 'Site B plan');
    await buildAuthorization(h.db, h.world.orgId, await buildCoverage(h.db, h.world.orgId, elsewhere, payer), {
      startsOn: addDays(known.day, -5),
      endsOn: addDays(known.day, 3),
      authorized: 6,
    });

    const manager = await h.as('manager', 'GET', '/api/reports/authorizations-running-out');
    expect(manager.statusCode).toBe(200);
    expect(manager.json()).toMatchObject({ remaining: 2, days: 14 });
    expect(manager.json().rows).toEqual([
      expect.objectContaining({ endsOn: ends, remaining: 12, endsSoon: true, fewLeft: false }),
    ]);
    const admin = await h.as('admin', 'GET', '/api/reports/authorizations-running-out');
    expect(admin.json().rows).toHaveLength(2);
    const narrow = await h.as('admin', 'GET', '/api/reports/authorizations-running-out?days=2');
    expect(narrow.json().rows).toEqual([]);
    const few = await h.as('admin', 'GET', '/api/reports/authorizations-running-out?days=0&remaining=12&format=csv');
    const lines = few.body.trim().split('\r\n');
    expect(lines[0]).toBe('Patient,Payer,Left,Ends on,Days to end,Why listed');
    expect(lines).toHaveLength(4);
  });

  it('refuses the desk and therapists, and shows another organisation none of it', async () => {
    for (const url of ['/api/reports/ar-aging', '/api/reports/revenue', '/api/reports/unbilled-visits']) {
      expect((await h.as('front_desk', 'GET', url)).statusCode).toBe(403);
      expect((await h.as('therapist', 'GET', url)).statusCode).toBe(403);
      expect((await h.as('patient', 'GET', url)).statusCode).toBe(403);
    }
    const other = await h.as('otherAdmin', 'GET', '/api/reports/ar-aging');
    expect(other.json().total.balance).toBe(0);
    const audited = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.read' AND outcome = 'denied'`,
    );
    expect(audited[0]!.n).toBe(9);
  });
});
