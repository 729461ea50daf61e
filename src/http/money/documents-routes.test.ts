import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { postedVisit } from '../../../test/support/money-kit.ts';
import { pdfPages, pdfText } from '../../../test/support/pdf-text.ts';

describe.each(BACKENDS)('billing documents over HTTP, on %s', (backend) => {
  const h = httpSuite(backend, {});

  async function nameOf(patientId: string): Promise<{ given: string; family: string }> {
    const rows = await h.db.query<{ given: string; family: string }>(
      'SELECT given_name AS given, family_name AS family FROM patients WHERE id = $1',
      [patientId],
    );
    return rows[0]!;
  }

  function expectPdf(
    res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer },
    family: string,
  ) {
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^inline; filename="[A-Za-z0-9-]+\.pdf"$/);
    expect(disposition.toLowerCase()).not.toContain(family.toLowerCase());
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return res.rawPayload;
  }

  it('prints the checkout receipt: copay, the payment and its reference, what the insurer was billed', async () => {
    const { visitId, patientId } = await postedVisit(h.db, h.world);
    expect((await h.as('front_desk', 'POST', `/api/visits/${visitId}/checkout`, { copay: 2500 })).statusCode).toBe(201);
    const paid = await h.as('front_desk', 'POST', `/api/patients/${patientId}/payments`, {
      amount: 2000,
      method: 'card',
      reference: 'T-5561',
      visitId,
    });
    expect(paid.statusCode).toBe(201);
    const { given, family } = await nameOf(patientId);
    const text = pdfText(expectPdf(await h.as('front_desk', 'GET', `/api/visits/${visitId}/receipt.pdf`), family));
    expect(text).toContain(`Patient: ${given} ${family}`);
    expect(text).toContain('Copay');
    expect(text).toContain('$25.00');
    expect(text).toContain('T-5561');
    // 3 units of 97140 at $45 and 97112 at $50: $140 billed to the plan, $5 of the copay still owed.
    expect(text).toContain('$140.00');
    expect(text).toContain('$5.00');

    // The patient signed in is another patient: refused like their balance; a therapist posts no money.
    expect((await h.as('patient', 'GET', `/api/visits/${visitId}/receipt.pdf`)).statusCode).toBe(403);
    expect((await h.as('therapist', 'GET', `/api/visits/${visitId}/receipt.pdf`)).statusCode).toBe(403);
    const audited = await h.db.query<{ outcome: string }>(
      `SELECT outcome FROM audit_events WHERE action = 'receipt.read' AND patient_id = $1 ORDER BY outcome`,
      [patientId],
    );
    expect(audited.map((a) => a.outcome)).toEqual(['allowed', 'denied', 'denied']);
  });

  it('refuses a receipt before checkout in words', async () => {
    const { visitId } = await postedVisit(h.db, h.world);
    const res = await h.as('front_desk', 'GET', `/api/visits/${visitId}/receipt.pdf`);
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields)).toEqual(['visit']);
  });

  it('prints the superbill of a visit and of a range: codes, diagnoses, the NPI and the insurance', async () => {
    const { visitId, patientId, payerId, coverageId } = await postedVisit(h.db, h.world);
    const { given, family } = await nameOf(patientId);
    const one = pdfText(
      expectPdf(await h.as('manager', 'GET', `/api/patients/${patientId}/superbill.pdf?visitId=${visitId}`), family),
    );
    for (const fact of [`${given} ${family}`, '97140', '97112', 'M54.2', '1234567893', '$140.00']) {
      expect(one).toContain(fact);
    }
    const days = await h.db.query<{ day: string }>(
      'SELECT min(service_date)::text AS day FROM charges WHERE session_note_id = $1',
      [visitId],
    );
    const day = days[0]!.day;
    const range = pdfText(
      expectPdf(await h.as('admin', 'GET', `/api/patients/${patientId}/superbill.pdf?from=${day}&to=${day}`), family),
    );
    expect(range).toContain('97140');

    // The insurance block comes from the coverage in force on the visit's day.
    await h.db.query(
      `UPDATE payers SET electronic_id = '87726', address_line1 = 'PO Box 30555', city = 'Salt Lake City',
         state = 'UT', postal_code = '84130' WHERE id = $1`,
      [payerId],
    );
    await h.db.query(
      `UPDATE coverages SET group_number = 'G-2040', relationship = 'spouse', subscriber_name = 'Robin Insured',
         subscriber_birth_date = '1980-01-02' WHERE id = $1`,
      [coverageId],
    );
    const insured = pdfText(
      expectPdf(await h.as('manager', 'GET', `/api/patients/${patientId}/superbill.pdf?visitId=${visitId}`), family),
    ).split('\n');
    const [payer] = await h.db.query<{ name: string }>('SELECT name FROM payers WHERE id = $1', [payerId]);
    const [cover] = await h.db.query<{ memberId: string }>(
      'SELECT member_id AS "memberId" FROM coverages WHERE id = $1',
      [coverageId],
    );
    expect(insured).toEqual(
      expect.arrayContaining([
        payer!.name,
        'PO Box 30555',
        'Salt Lake City, UT 84130',
        'Payer ID: 87726',
        `Member ID: ${cover!.memberId}`,
        'Group: G-2040',
        'Insured: Robin Insured (spouse)',
      ]),
    );
    // A coverage that ended before the visit is not the one in force.
    await h.db.query(`UPDATE coverages SET effective_to = $2::date - 1 WHERE id = $1`, [coverageId, day]);
    const lapsed = pdfText(
      expectPdf(await h.as('manager', 'GET', `/api/patients/${patientId}/superbill.pdf?visitId=${visitId}`), family),
    );
    expect(lapsed).not.toContain('Member ID');
    const none = await h.as('admin', 'GET', `/api/patients/${patientId}/superbill.pdf`);
    expect(none.statusCode).toBe(422);
    expect(Object.keys(none.json().error.fields)).toEqual(['visitId']);
    expect(
      (await h.as('patient', 'GET', `/api/patients/${patientId}/superbill.pdf?visitId=${visitId}`)).statusCode,
    ).toBe(403);
  });

  it('prints a claim on the CMS-1500 grid', async () => {
    const { visitId, patientId } = await postedVisit(h.db, h.world);
    const claim = await h.as('front_desk', 'POST', '/api/claims', { visitId });
    expect(claim.statusCode).toBe(201);
    const { family } = await nameOf(patientId);
    const text = pdfText(
      expectPdf(await h.as('front_desk', 'GET', `/api/claims/${claim.json().id}/cms1500.pdf`), family),
    );
    expect(text).toContain(family.toUpperCase());
    expect(text).toContain(claim.json().controlNumber);
    expect(text).toContain('97140');
    expect(text).toContain('M542');
  });

  it("puts the claim number and date of injury on every page of a workers' comp packet", async () => {
    const { visitId, patientId, coverageId } = await postedVisit(h.db, h.world);
    await h.db.query(
      `UPDATE coverages SET type = 'workers-comp', claim_number = 'WC-2026-0042', date_of_injury = '2026-10-15',
         employer_name = 'Harbor Freight Lines', state = 'OR', adjuster_name = 'Dana Whitfield'
       WHERE id = $1`,
      [coverageId],
    );
    const claim = await h.as('front_desk', 'POST', '/api/claims', { visitId });
    expect(claim.statusCode).toBe(201);
    const { given, family } = await nameOf(patientId);
    const pdf = expectPdf(await h.as('manager', 'GET', `/api/claims/${claim.json().id}/adjuster-packet.pdf`), family);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toContain('WC-2026-0042');
      expect(page).toContain('10/15/2026');
      expect(page).toContain(`${given} ${family}`);
    }
    const text = pages.join('\n');
    expect(text).toContain('Active trigger points, upper trapezius');
    expect(text).toContain('Harbor Freight Lines');
    expect(text).toContain('Dana Whitfield');
    expect(text).toContain('$140.00');
  });

  it('refuses an adjuster packet for a health-plan claim, naming the claim', async () => {
    const { visitId } = await postedVisit(h.db, h.world);
    const claim = await h.as('front_desk', 'POST', '/api/claims', { visitId });
    const res = await h.as('front_desk', 'GET', `/api/claims/${claim.json().id}/adjuster-packet.pdf`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain(claim.json().controlNumber);
    expect(res.json().error.fields.claim).toContain('health plan');
    expect((await h.as('therapist', 'GET', `/api/claims/${claim.json().id}/adjuster-packet.pdf`)).statusCode).toBe(403);
  });
});
