import { describe, expect, it } from 'vitest';
import { checkX12 } from '../../billing/index.ts';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { postedVisit } from '../../../test/support/money-kit.ts';

describe.each(BACKENDS)('money at the desk over HTTP, on %s', (backend) => {
  const h = httpSuite(backend, {});

  it('checks a visit out, refuses an overpayment naming the amount in words, and takes the balance', async () => {
    const { visitId, patientId } = await postedVisit(h.db, h.world);
    const checkout = await h.as('front_desk', 'POST', `/api/visits/${visitId}/checkout`, { copay: 2500 });
    expect(checkout.statusCode).toBe(201);
    expect(checkout.json().balance.dueNow).toBe(2500);

    const over = await h.as('front_desk', 'POST', `/api/patients/${patientId}/payments`, {
      amount: 3000,
      method: 'card',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.fields).toEqual({
      amount: 'The payment is more than the balance; record it as a credit on the account or enter the balance.',
    });
    expect(over.json().error.message).toMatch(/Amount/);
    const paid = await h.as('front_desk', 'POST', `/api/patients/${patientId}/payments`, {
      amount: 2500,
      method: 'card',
      reference: 'T-5561',
      visitId,
    });
    expect(paid.statusCode).toBe(201);
    expect(paid.json().balance.dueNow).toBe(0);
    // The patient reads only their own balance.
    const theirs = await h.as('patient', 'GET', `/api/patients/${patientId}/balance`);
    expect(theirs.statusCode).toBe(403);
  });

  it('refuses an NPI failing its check digit in words, and answers an 837P file that validates', async () => {
    const npi = await h.as('admin', 'PUT', `/api/therapists/${h.world.therapists.a}/npi`, { npi: '1234567890' });
    expect(npi.statusCode).toBe(422);
    expect(Object.keys(npi.json().error.fields)).toEqual(['npi']);
    expect(npi.json().error.message).toMatch(/NPI/);

    const { visitId } = await postedVisit(h.db, h.world);
    const claim = await h.as('front_desk', 'POST', '/api/claims', { visitId });
    expect(claim.statusCode).toBe(201);
    expect(claim.json()).toMatchObject({ status: 'ready', total: 14000, can: { batch: true, pay: false } });
    const batch = await h.as('front_desk', 'POST', '/api/claim-batches', { claimIds: [claim.json().id] });
    expect(batch.statusCode).toBe(201);
    expect(checkX12(batch.json().file)).toMatchObject({ ok: true });
    const again = await h.as('front_desk', 'POST', '/api/claim-batches', { claimIds: [claim.json().id] });
    expect(again.statusCode).toBe(409);
    expect(Object.keys(again.json().error.fields)).toEqual(['claimIds']);
  });
});
