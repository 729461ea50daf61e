import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { buildAuthorization, buildCoverage, buildPayer, freshPatient } from '../../../test/support/billing-kit.ts';
import { buildAppointment, buildService } from '../../../test/support/factories.ts';

describe.each(BACKENDS)('coverage and authorizations at the desk, on %s', (backend) => {
  let payerId: string;
  let n = 0;
  const h = httpSuite(backend, {
    bookable: true,
    setup: async (suite) => {
      payerId = await buildPayer(suite.db, suite.world.orgId);
    },
  });

  const newPatient = () => freshPatient(h.db, h.world.orgId, h.world.sites.a, `Desk${++n}`);
  const events = (action: string, patientId: string) =>
    h.db.query<{ outcome: string; recordId: string | null }>(
      `SELECT outcome, record_id AS "recordId" FROM audit_events WHERE org_id = $1 AND action = $2 AND patient_id = $3
        ORDER BY id`,
      [h.world.orgId, action, patientId],
    );
  const workersComp = () => ({
    order: 1,
    type: 'workers-comp',
    payerId,
    memberId: 'WC-889-001',
    relationship: 'self',
    claimNumber: 'WC-2026-7781',
    dateOfInjury: '2026-09-14',
    employerName: 'Harbor Freight Lines',
    state: 'OR',
    attorney: { name: 'Sam Counsel', email: 'sam@law.example' },
  });

  it("refuses a workers' comp coverage missing what the claim needs, naming each field in plain words", async () => {
    const patientId = await newPatient();
    const { employerName: _e, claimNumber: _c, ...missing } = workersComp();
    const res = await h.as('front_desk', 'POST', `/api/patients/${patientId}/coverages`, {
      ...missing,
      dateOfInjury: '2026-12-01',
    });
    expect(res.statusCode).toBe(422);
    const { fields, message } = res.json().error;
    expect(fields).toMatchObject({
      employerName: 'Enter the employer at the time of injury.',
      claimNumber: "Enter the adjuster's claim number.",
      dateOfInjury: 'The date of injury is in the future.',
    });
    expect(message).toMatch(/Employer name/i);
    expect((await h.db.query('SELECT 1 FROM coverages WHERE patient_id = $1', [patientId])).length).toBe(0);

    // A malformed contact is refused by its shape, still naming the field.
    const badEmail = await h.as('front_desk', 'POST', `/api/patients/${patientId}/coverages`, {
      ...workersComp(),
      adjuster: { name: 'Jo', email: 'not-an-email' },
    });
    expect(badEmail.statusCode).toBe(400);
    expect(Object.keys(badEmail.json().error.fields)).toEqual(['adjuster.email']);
  });

  it('refuses a Medicare number that is not an MBI, and a payer of another organisation', async () => {
    const patientId = await newPatient();
    const otherPayer = await buildPayer(h.db, h.world.otherOrgId, 'Elsewhere Mutual');
    const res = await h.as('front_desk', 'POST', `/api/patients/${patientId}/coverages`, {
      order: 1,
      type: 'medicare',
      payerId: otherPayer,
      memberId: '123-45-6789',
      relationship: 'self',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual({
      payerId: 'No such payer in this organisation.',
      memberId: 'A Medicare number (MBI) is 11 letters and digits, like 1EG4-TE5-MK73.',
    });
  });

  it('creates once per Idempotency-Key, audits it, and keeps one primary at a time', async () => {
    const patientId = await newPatient();
    const url = `/api/patients/${patientId}/coverages`;
    const first = await h.as('front_desk', 'POST', url, workersComp(), { 'idempotency-key': `cov-${patientId}` });
    expect(first.statusCode).toBe(201);
    const again = await h.as('front_desk', 'POST', url, workersComp(), { 'idempotency-key': `cov-${patientId}` });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ payerName: 'Cascade Health Plan', attorney: { name: 'Sam Counsel' } });
    expect(await events('coverage.create', patientId)).toEqual([{ outcome: 'allowed', recordId: first.json().id }]);

    const second = await h.as('front_desk', 'POST', url, workersComp());
    expect(second.statusCode).toBe(422);
    expect(second.json().error.fields.order).toMatch(/already has a coverage in this order/);

    // Ending the first frees the order for the one that replaces it.
    const ended = await h.as('front_desk', 'POST', `/api/coverages/${first.json().id}/end`, {
      version: 1,
      effectiveTo: '2026-11-19',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ effectiveTo: '2026-11-19', version: 2 });
    expect((await h.as('front_desk', 'POST', url, workersComp())).statusCode).toBe(201);
    const list = await h.as('patient', 'GET', `/api/patients/${patientId}/coverages`);
    expect(list.statusCode).toBe(403);
  });

  it('keeps the copay on the coverage in cents, refuses a bad one by name, and audits the change', async () => {
    const patientId = await newPatient();
    const url = `/api/patients/${patientId}/coverages`;
    const created = await h.as('front_desk', 'POST', url, { ...workersComp(), copay: 2500 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ copay: 2500, version: 1 });
    const id = created.json().id as string;

    for (const copay of [-100, 12.5, 'ten dollars']) {
      const bad = await h.as('front_desk', 'PATCH', `/api/coverages/${id}`, { version: 1, copay });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().error.fields)).toEqual(['copay']);
    }
    const selfPay = await h.as('front_desk', 'POST', url, {
      order: 2,
      type: 'self-pay',
      relationship: 'self',
      copay: 0,
    });
    expect(selfPay.statusCode).toBe(422);
    expect(selfPay.json().error.fields).toEqual({
      copay: 'A self-pay coverage has no copay: the patient pays the whole price.',
    });

    const changed = await h.as('front_desk', 'PATCH', `/api/coverages/${id}`, { version: 1, copay: 4000 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ copay: 4000, version: 2 });
    const cleared = await h.as('front_desk', 'PATCH', `/api/coverages/${id}`, { version: 2, copay: null });
    expect(cleared.json()).toMatchObject({ copay: null, version: 3 });
    const details = await h.db.query<{ detail: { fields: string[] } }>(
      `SELECT detail FROM audit_events WHERE org_id = $1 AND action = 'coverage.update' AND record_id = $2 ORDER BY id`,
      [h.world.orgId, id],
    );
    expect(details.map((d) => d.detail.fields)).toEqual([['copay'], ['copay']]);
    const list = await h.as('front_desk', 'GET', url);
    expect(list.json().coverages[0]).toMatchObject({ id, copay: null });
  });

  it('refuses a stale version and says to reload, changing nothing', async () => {
    const patientId = await newPatient();
    const id = await buildCoverage(h.db, h.world.orgId, patientId, payerId);
    const saved = await h.as('manager', 'PATCH', `/api/coverages/${id}`, { version: 1, groupNumber: 'G-100' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ groupNumber: 'G-100', version: 2 });
    const stale = await h.as('front_desk', 'PATCH', `/api/coverages/${id}`, { version: 1, groupNumber: 'G-200' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/Someone else changed this coverage.*Reload/);
    const now = await h.as('front_desk', 'GET', `/api/patients/${patientId}/coverages`);
    expect(now.json().coverages[0].groupNumber).toBe('G-100');
    expect((await events('coverage.update', patientId)).length).toBe(1);
  });

  it('audits every read, and a therapist refused (least privilege)', async () => {
    const patientId = h.world.patients.a;
    expect((await h.as('patient', 'GET', `/api/patients/${patientId}/coverages`)).statusCode).toBe(200);
    const refused = await h.as('therapist', 'GET', `/api/patients/${patientId}/coverages`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/front desk, managers and admins/);
    expect((await events('coverage.read', patientId)).map((e) => e.outcome)).toEqual(['allowed', 'denied']);
  });

  it("shows nothing of another organisation's patients, coverages or payers", async () => {
    const theirs = await buildCoverage(
      h.db,
      h.world.otherOrgId,
      h.world.patients.otherOrg,
      await buildPayer(h.db, h.world.otherOrgId, 'Elsewhere Health'),
    );
    expect((await h.as('admin', 'GET', `/api/patients/${h.world.patients.otherOrg}/coverages`)).statusCode).toBe(404);
    expect(
      (await h.as('admin', 'PATCH', `/api/coverages/${theirs}`, { version: 1, groupNumber: 'X' })).statusCode,
    ).toBe(404);
    const payers = await h.as('admin', 'GET', '/api/payers');
    expect(payers.json().payers.map((p: { name: string }) => p.name)).not.toContain('Elsewhere Health');
  });

  it('counts visits used on the days authorized, in the site’s zone, and alerts at the threshold', async () => {
    const patientId = h.world.patients.a;
    const coverageId = await buildCoverage(h.db, h.world.orgId, patientId, payerId, 2);
    await buildService(h.db, h.world.orgId);
    const authId = await buildAuthorization(h.db, h.world.orgId, coverageId, {
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      authorized: 4,
      alertAt: 2,
    });
    const visit = (start: string, status: 'booked' | 'completed' | 'cancelled' | 'no_show', who = patientId) =>
      buildAppointment(h.db, h.world.orgId, {
        patientId: who,
        therapistId: h.world.therapists.a,
        locationId: h.world.sites.a,
        start,
        status,
      });
    await visit('2026-11-10T17:00:00Z', 'completed');
    await visit('2026-11-23T17:00:00Z', 'booked');
    await visit('2026-11-24T17:00:00Z', 'cancelled');
    await visit('2026-11-25T17:00:00Z', 'no_show');
    // 22:00 on 30 November in Portland: inside, though already 1 December in UTC.
    await visit('2026-12-01T06:00:00Z', 'booked');
    await visit('2026-12-02T17:00:00Z', 'booked');
    await visit('2026-11-12T17:00:00Z', 'booked', h.world.patients.b);

    const status = await h.as('front_desk', 'GET', `/api/patients/${patientId}/authorizations/status`);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      date: '2026-11-20',
      current: [{ id: authId, used: 3, remaining: 1, label: '1 of 4 visits left', runningOut: true }],
      alerts: ['1 of 4 visits left'],
    });
    expect((await events('authorization.read', patientId)).at(-1)?.outcome).toBe('allowed');

    // A wider authorization (by the desk, with a version check) clears the alert.
    const wider = await h.as('front_desk', 'PATCH', `/api/authorizations/${authId}`, { version: 1, authorized: 12 });
    expect(wider.json().status).toMatchObject({ used: 3, label: '9 of 12 visits left', runningOut: false });
  });

  it('refuses an authorization that ends before it starts, naming the field', async () => {
    const coverageId = await buildCoverage(h.db, h.world.orgId, await newPatient(), payerId);
    const res = await h.as('front_desk', 'POST', `/api/coverages/${coverageId}/authorizations`, {
      unit: 'visits',
      authorized: 6,
      startsOn: '2026-12-01',
      endsOn: '2026-11-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual({ endsOn: 'The authorization cannot end before it starts.' });
  });

  it("moves coverages with a merged chart, ending the duplicate's second primary", async () => {
    const survivor = await newPatient();
    const duplicate = await newPatient();
    const kept = await buildCoverage(h.db, h.world.orgId, survivor, payerId, 1);
    const clash = await buildCoverage(h.db, h.world.orgId, duplicate, payerId, 1);
    const secondary = await buildCoverage(h.db, h.world.orgId, duplicate, payerId, 2);
    const merged = await h.as('manager', 'POST', `/api/patients/${survivor}/merge`, { duplicateId: duplicate });
    expect(merged.statusCode, merged.body).toBe(200);
    const list = await h.as('front_desk', 'GET', `/api/patients/${survivor}/coverages`);
    const byId = new Map(list.json().coverages.map((c: { id: string; endedAt: string | null }) => [c.id, c.endedAt]));
    expect(byId.get(kept)).toBeNull();
    expect(byId.get(secondary)).toBeNull();
    expect(byId.get(clash)).not.toBeNull();
    // A stale screen adding coverage to the merged record is told where the chart went, and nothing lands.
    const late = await h.as('front_desk', 'POST', `/api/patients/${duplicate}/coverages`, workersComp());
    expect(late.statusCode).toBe(404);
    expect((await h.db.query('SELECT 1 FROM coverages WHERE patient_id = $1', [duplicate])).length).toBe(0);
  });

  it('holds the billing rules in the database too, for any writer that skips the service', async () => {
    const patientId = await newPatient();
    const insert = (type: string, memberId: string, payer: string | null = payerId) =>
      h.db.query(
        `INSERT INTO coverages (org_id, patient_id, coverage_order, type, payer_id, member_id, relationship,
          created_at, updated_at)
         VALUES ($1, $2, 1, $3, $4, $5, 'self', now(), now())`,
        [h.world.orgId, patientId, type, payer, memberId],
      );
    // Workers' comp without its claim facts, a Medicare number that is not an MBI, a self-pay with a payer.
    await expect(insert('workers-comp', 'WC-1')).rejects.toThrow(/check constraint/);
    await expect(insert('medicare', '123-45-6789')).rejects.toThrow(/check constraint/);
    await expect(insert('self-pay', 'X')).rejects.toThrow(/check constraint/);
    await expect(insert('medicare', '1EG4-TE5-MK73')).resolves.toBeDefined();
  });
});
