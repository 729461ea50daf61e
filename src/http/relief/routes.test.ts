import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { listPatientOutcomeRows } from '../../store/repos/outcome-episodes.ts';
import { createAssessment } from '../../services/charting/assessment.ts';
import { signNote } from '../../services/charting/notes.ts';
import { actorOf, patientBehindGate } from '../../../test/support/session-kit.ts';
import { createNote } from '../../services/charting/session.ts';
import type { ServiceContext } from '../../services/context.ts';

const DAY = 86_400_000;
const START = Date.parse('2026-10-05T17:00:00Z');

describe.each(BACKENDS)('relief check-in on %s', (backend) => {
  let now = START;
  const ctx = (): ServiceContext => ({ db: h.db, now: () => new Date(now) });
  let patientId: string;

  const h = httpSuite(backend, {
    now: () => new Date(now),
    bookable: true,
    async setup() {
      patientId = await patientBehindGate(h.db, h.world, 'clear');
      await h.db.query(`UPDATE patients SET email = 'gina@example.test' WHERE id = $1`, [patientId]);
      await createAssessment(ctx(), actorOf(h.world, 'therapist'), patientId, { findings: {}, diagnoses: ['M54.2'] });
    },
  });
  async function signVisit(): Promise<string> {
    const therapist = actorOf(h.world, 'therapist');
    const note = await createNote(ctx(), therapist, patientId, { subjective: {}, objective: {}, cptMinutes: [] });
    await signNote(ctx(), therapist, note.id);
    return note.id;
  }
  const messages = () =>
    h.db.query<{ status: string; sendAt: Date; text: string; dedupeKey: string }>(
      `SELECT status, send_at AS "sendAt", text, dedupe_key AS "dedupeKey" FROM outbox_messages WHERE patient_id = $1
        AND kind = 'relief-check' ORDER BY created_at, send_at`,
      [patientId],
    );
  const tokenOf = (text: string) => text.match(/\/relief\/(\S+)/)![1]!;

  it('queues one question 7 days after the visit (or as the clinic set); a later visit cancels it unsent', async () => {
    await signVisit();
    let queued = await messages();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.sendAt.getTime()).toBe(START + 7 * DAY);
    expect(queued[0]!.text).toContain('Is the relief from your visit holding? How many days did it last?');

    now = START + 2 * DAY;
    await h.db.query(
      `UPDATE organizations SET settings = jsonb_set(settings, '{booking}', '{"reliefCheckInDays": 10}') WHERE id = $1`,
      [h.world.orgId],
    );
    await signVisit();
    queued = await messages();
    expect(queued.map((m) => [m.status, m.sendAt.getTime()])).toEqual([
      ['cancelled', START + 7 * DAY],
      ['pending', START + 12 * DAY],
    ]);

    // A setting outside 4–14 days falls back to the default.
    await h.db.query(
      `UPDATE organizations SET settings = jsonb_set(settings, '{booking}', '{"reliefCheckInDays": 30}') WHERE id = $1`,
      [h.world.orgId],
    );
    now = START + 3 * DAY;
    await signVisit();
    queued = await messages();
    expect(queued.map((m) => [m.status, m.sendAt.getTime()])).toEqual([
      ['cancelled', START + 7 * DAY],
      ['cancelled', START + 12 * DAY],
      ['pending', START + 10 * DAY],
    ]);
  });

  it('takes the answer through the link, once, and it feeds the episode row', async () => {
    const last = (await messages()).at(-1)!;
    const token = tokenOf(last.text);
    now = START + 10 * DAY;
    const question = await h.app.inject({ method: 'GET', url: `/api/relief/${token}` });
    expect(question.statusCode).toBe(200);
    expect(question.json()).toMatchObject({ visitOn: '2026-10-08', answer: null, maxDays: 60 });

    const answered = await h.app.inject({ method: 'POST', url: `/api/relief/${token}`, payload: { days: 4 } });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().answer).toEqual({ reliefDays: 4, stillHolding: false });
    const rows = await listPatientOutcomeRows(h.db, h.world.orgId, patientId);
    expect(rows[0]!.reliefDays).toEqual([4]);

    // The same answer again is fine; a different one is refused and the first stands.
    expect((await h.app.inject({ method: 'POST', url: `/api/relief/${token}`, payload: { days: 4 } })).statusCode).toBe(
      200,
    );
    const changed = await h.app.inject({
      method: 'POST',
      url: `/api/relief/${token}`,
      payload: { stillHolding: true },
    });
    expect(changed.statusCode).toBe(409);
    expect((await listPatientOutcomeRows(h.db, h.world.orgId, patientId))[0]!.reliefDays).toEqual([4]);
  });

  it('"still holding" counts the days since the visit', async () => {
    now = START + 20 * DAY;
    await signVisit();
    const token = tokenOf((await messages()).at(-1)!.text);
    now = START + 29 * DAY;
    const res = await h.app.inject({ method: 'POST', url: `/api/relief/${token}`, payload: { stillHolding: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().answer).toEqual({ reliefDays: 9, stillHolding: true });
  });

  it('refuses bad answers in plain words, and forged or expired links', async () => {
    now = START + 40 * DAY;
    await signVisit();
    const token = tokenOf((await messages()).at(-1)!.text);
    now = START + 45 * DAY;
    const post = (payload: object, t = token) => h.app.inject({ method: 'POST', url: `/api/relief/${t}`, payload });
    for (const [payload, words] of [
      [{ days: 61 }, /at most 60 days/],
      [{ days: -1 }, /0 or more/],
      [{ days: 2.5 }, /whole number/],
      [{}, /number of days, or choose "still holding"/],
      [{ days: 3, stillHolding: true }, /one of the two/],
    ] as const) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.fields.days).toMatch(words);
    }
    const tooLong = await post({ days: 9 });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.fields.days).toMatch(/5 days ago/);

    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await h.app.inject({ method: 'GET', url: `/api/relief/${forged}` })).statusCode).toBe(404);
    // A mangled link is refused naming its broken part, as a visit's link is; a well-formed forged one is 404.
    const mangled = await h.app.inject({ method: 'GET', url: '/api/relief/not-a-token' });
    expect(mangled.statusCode).toBe(400);
    expect(Object.keys(mangled.json().error.fields)).toContain('id');
    now = START + 90 * DAY;
    expect((await post({ days: 3 })).statusCode).toBe(409);
  });
});
