import { describe, expect, it } from 'vitest';
import { listMessages } from '../../store/repos/outbox.ts';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { defaultServiceId } from '../../services/booking/catalogue.ts';
import { runDueMessages, type OutgoingMail, type Transport } from '../../services/notify/index.ts';

interface Service {
  id: string;
  code: string;
  name: string;
  priceCents: number | null;
  currency: string;
}

const NOW = new Date('2026-11-20T18:00:00Z'); // Friday 10:00 in Los Angeles
const HOUR = 3_600_000;

class Recording implements Transport {
  readonly name = 'recording';
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}

describe.each(BACKENDS)('service prices and current names on %s', (backend) => {
  const h = httpSuite(backend, { now: () => NOW, bookable: true });

  const serviceOf = async (role: 'patient' | 'manager', code: string) =>
    ((await h.as(role, 'GET', '/api/services')).json() as { services: Service[] }).services.find(
      (s) => s.code === code,
    )!;

  it('a manager sets a price in cents with its currency; patients see it with the service', async () => {
    expect(await serviceOf('patient', 'nmt-followup-30')).toMatchObject({ priceCents: null, currency: 'USD' });
    const id = defaultServiceId(h.world.orgId, 'nmt-followup-30');
    const res = await h.as('manager', 'PATCH', `/api/services/${id}`, { priceCents: 6500, currency: 'USD' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ priceCents: 6500, currency: 'USD' });
    expect(await serviceOf('patient', 'nmt-followup-30')).toMatchObject({ priceCents: 6500, currency: 'USD' });
    const created = await h.as('admin', 'POST', '/api/services', {
      code: 'nmt-followup-45',
      name: 'NMT follow-up (45 min)',
      discipline: 'nmt',
      durationMinutes: 45,
      priceCents: 9000,
      currency: 'CAD',
    });
    expect(created.statusCode).toBe(201);
    expect(await serviceOf('patient', 'nmt-followup-45')).toMatchObject({ priceCents: 9000, currency: 'CAD' });
  });

  it('refuses a negative, fractional or unknown-currency price in plain words, naming the field', async () => {
    const id = defaultServiceId(h.world.orgId, 'nmt-followup-30');
    for (const [body, field, words] of [
      [{ priceCents: -1 }, 'priceCents', /cannot be negative/],
      [{ priceCents: 12.5 }, 'priceCents', /whole cents/],
      [{ priceCents: 'ten' }, 'priceCents', /as a number/],
      [{ currency: 'XXY' }, 'currency', /currency code/],
    ] as const) {
      const res = await h.as('manager', 'PATCH', `/api/services/${id}`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[field]).toMatch(words);
    }
    expect(await serviceOf('manager', 'nmt-followup-30')).toMatchObject({ priceCents: 6500, currency: 'USD' });
  });

  it('the confirmation gives the price; after a rename, visit, reminders, .ics and feed show the new one', async () => {
    const id = defaultServiceId(h.world.orgId, 'nmt-followup-60');
    expect((await h.as('manager', 'PATCH', `/api/services/${id}`, { priceCents: 12000 })).statusCode).toBe(200);
    const booked = await h.as('front_desk', 'POST', '/api/appointments', {
      patientId: h.world.patients.a,
      serviceCode: 'nmt-followup-60',
      start: '2026-11-27T17:00:00Z',
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    expect(booked.statusCode).toBe(201);
    const appointmentId = (booked.json() as { id: string }).id;
    const queued = await listMessages(h.db, { orgId: h.world.orgId, appointmentId });
    const confirmation = queued.find((m) => m.kind === 'confirmation')!;
    expect(confirmation.text).toContain('NMT follow-up (60 min) with Avery Therapist');
    expect(confirmation.text).toContain('Price: $120.00');

    expect(
      (await h.as('manager', 'PATCH', `/api/services/${id}`, { name: 'Follow-up treatment (60 minutes)' })).statusCode,
    ).toBe(200);
    expect((await h.as('patient', 'GET', `/api/appointments/${appointmentId}`)).json()).toMatchObject({
      serviceName: 'Follow-up treatment (60 minutes)',
    });
    const ics = await h.as('patient', 'GET', `/api/appointments/${appointmentId}/ics`);
    expect(ics.body).toContain('SUMMARY:Follow-up treatment (60 minutes) with Avery Therapist');
    const feed = await h.as('admin', 'POST', '/api/calendars', {
      kind: 'therapist',
      subjectId: h.world.therapists.a,
    });
    const feedBody = (
      await h.app.inject({ method: 'GET', url: new URL((feed.json() as { url: string }).url).pathname })
    ).body;
    expect(feedBody).toContain('Follow-up treatment (60 minutes)');
    expect(feedBody).not.toContain('NMT follow-up (60 min)');

    // Every message still waiting leaves with the name as it is when it is sent, and the stored copy says so.
    const transport = new Recording();
    await runDueMessages({ db: h.db, now: () => new Date(Date.parse('2026-11-27T17:00:00Z') - HOUR) }, transport);
    const mine = transport.sent.filter((m) => queued.some((q) => q.messageId === m.messageId));
    expect(mine.map((m) => m.subject).sort()).toEqual([
      'Before your first visit on Fri, Nov 27, 9:00 AM PST',
      'Booked: Follow-up treatment (60 minutes) on Fri, Nov 27, 9:00 AM PST',
      'Reminder: Follow-up treatment (60 minutes) on Fri, Nov 27, 9:00 AM PST',
      'Reminder: Follow-up treatment (60 minutes) on Fri, Nov 27, 9:00 AM PST',
    ]);
    for (const mail of mine) expect(`${mail.text}${mail.html}`).not.toContain('NMT follow-up (60 min)');
    const reminders = mine.filter((m) => m.subject.startsWith('Reminder')).map((m) => m.text);
    expect(
      reminders.some((t) => t.includes('in about 48 hours')) && reminders.some((t) => t.includes('in about 2 hours')),
    ).toBe(true);
    const reminder = mine.find((m) => m.subject.startsWith('Reminder'))!;
    // The self-service link is the same one the first words carried.
    expect(reminder.text).toContain(/\/a\/\S+/.exec(confirmation.text)![0]);
    const stored = (await listMessages(h.db, { orgId: h.world.orgId, appointmentId })).filter(
      (m) => m.status === 'sent',
    );
    expect(stored.every((m) => !m.text.includes('NMT follow-up (60 min)'))).toBe(true);
  });
});
