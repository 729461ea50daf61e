/**
 * Three Knotwork servers on one PostgreSQL database behind HAProxy. What one server guarantees must
 * hold across them: a booking storm through the proxy books each slot once (0 overlaps) even when
 * an instance is killed in the middle, and every booking acknowledged with 201 is in the database;
 * an Idempotency-Key replays on another instance; a session opened on one works on the others; a
 * manager's closure shows on the next availability from every instance; each message is sent once.
 * PostgreSQL only: PGlite is one process per data folder by design.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emlFileName } from '../../src/services/notify/transports.ts';
import type { Database } from '../../src/store/database.ts';
import { dateIn } from '../../src/time/index.ts';
import { makeBookable } from '../support/booking-world.ts';
import { createTestDatabase } from '../support/db.ts';
import {
  buildOnce,
  startInstance,
  startProxy,
  stopInstance,
  until,
  type Instance,
  type Proxy,
} from '../support/instances.ts';
import { buildWorld, PASSWORD, type World } from '../support/world.ts';

const CLIENTS = 50;
const SLOTS = 20;
const MAX_ATTEMPTS = 8;

interface Slot {
  start: string;
  end: string;
  therapistId: string;
  locationId: string;
}

async function token(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

function call(base: string, bearer: string, method: string, path: string, body?: unknown, key?: string) {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

describe('three instances behind HAProxy on one PostgreSQL', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let workDir: string;
  let instances: Instance[] = [];
  let proxy: Proxy;
  let desk: string;
  const patients: string[] = [];

  beforeAll(async () => {
    buildOnce();
    const created = await createTestDatabase('postgres');
    ({ db, drop } = created);
    world = await buildWorld(db);
    await makeBookable(db, world);
    for (let i = 0; i < CLIENTS + 1; i++) {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth, email,
           preferred_location_id)
         VALUES ($1, 'Storm', $2, '1980-01-01', 'female', $3, $4) RETURNING id`,
        [world.orgId, `Client${i}`, `storm${i}@example.test`, world.sites.a],
      );
      patients.push(rows[0]!.id);
    }
    workDir = mkdtempSync(join(tmpdir(), 'knotwork-instances-'));
    instances = await Promise.all(['k1', 'k2', 'k3'].map((name) => startInstance(name, created.url!, workDir)));
    proxy = await startProxy(instances, workDir);
    desk = await token(proxy.url, world.users.front_desk.email);
  }, 300_000);

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all(instances.map((i) => stopInstance(i)));
    await drop?.();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Free first visits with Avery at Alpha, as the server's clock sees them, well apart. */
  async function freeSlots(base: string, count: number): Promise<Slot[]> {
    const res = await call(
      base,
      desk,
      'GET',
      `/api/availability?location=${world.sites.a}&therapist=${world.therapists.a}`,
    );
    expect(res.status).toBe(200);
    const { slots } = (await res.json()) as { slots: Slot[] };
    const picked: Slot[] = [];
    for (const slot of slots) {
      // An hour apart after each visit ends: clear of the time to turn the room over.
      const last = picked[picked.length - 1];
      if (!last || Date.parse(slot.start) >= Date.parse(last.end) + 3_600_000) picked.push(slot);
      if (picked.length === count) break;
    }
    expect(picked).toHaveLength(count);
    return picked;
  }

  it('a session opened on one instance works on each of them', async () => {
    for (const instance of instances) {
      const res = await call(instance.url, desk, 'GET', '/api/auth/session');
      expect(res.status).toBe(200);
    }
  });

  it('an Idempotency-Key sent to one instance replays on another: one visit', async () => {
    const [slot] = (await freeSlots(proxy.url, 21)).slice(20);
    const body = {
      patientId: patients[CLIENTS]!,
      serviceCode: 'nmt-initial-60',
      start: slot!.start,
      therapistId: slot!.therapistId,
      locationId: slot!.locationId,
    };
    const key = randomUUID();
    const first = await call(instances[0]!.url, desk, 'POST', '/api/appointments', body, key);
    const again = await call(instances[2]!.url, desk, 'POST', '/api/appointments', body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const rows = await db.query('SELECT 1 FROM appointments WHERE org_id = $1 AND patient_id = $2', [
      world.orgId,
      patients[CLIENTS],
    ]);
    expect(rows).toHaveLength(1);
  });

  it('a storm through the proxy books each slot once; one instance dies, no acknowledged booking is lost', async () => {
    const slots = await freeSlots(proxy.url, SLOTS);
    const acknowledged: { id: string; slot: number }[] = [];
    let sent = 0;
    let killed = false;
    const book = async (client: number, slot: number) => {
      const body = {
        patientId: patients[client]!,
        serviceCode: 'nmt-initial-60',
        start: slots[slot]!.start,
        therapistId: slots[slot]!.therapistId,
        locationId: slots[slot]!.locationId,
      };
      const key = randomUUID();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        if (++sent === (CLIENTS * SLOTS) / 4 && !killed) {
          killed = true;
          instances[1]!.child.kill('SIGKILL');
        }
        try {
          const res = await call(proxy.url, desk, 'POST', '/api/appointments', body, key);
          if (res.status === 201) {
            acknowledged.push({ id: ((await res.json()) as { id: string }).id, slot });
            return;
          }
          await res.arrayBuffer();
          // Taken (409) or refused for the patient's own overlap: a definite answer.
          if (res.status < 500) return;
        } catch {
          // The connection died with the instance: ask again with the same key.
        }
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
      throw new Error('no definite answer after retries');
    };
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < SLOTS; i++) await book(client, (client + i) % SLOTS);
      }),
    );
    expect(killed).toBe(true);
    await instances[1]!.exited;

    // Every slot went to exactly one patient, and each acknowledged booking is stored.
    expect(new Set(acknowledged.map((a) => a.slot)).size).toBe(SLOTS);
    expect(acknowledged).toHaveLength(SLOTS);
    const stored = await db.query<{ id: string }>(
      `SELECT id FROM appointments WHERE org_id = $1 AND id = ANY($2::uuid[]) AND occupies`,
      [world.orgId, acknowledged.map((a) => a.id)],
    );
    expect(stored).toHaveLength(SLOTS);
    const overlaps = await db.query(
      `SELECT 1 FROM appointments a JOIN appointments b
         ON a.org_id = b.org_id AND a.therapist_id = b.therapist_id AND a.id < b.id
        AND a.blocks && b.blocks
      WHERE a.org_id = $1 AND a.occupies AND b.occupies`,
      [world.orgId],
    );
    expect(overlaps).toHaveLength(0);
  }, 300_000);

  it("a manager's closure on one instance shows on the next availability from every other", async () => {
    const alive = instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);
    expect(alive.length).toBeGreaterThanOrEqual(2);
    const [reader, ...writers] = [alive[alive.length - 1]!, ...alive.slice(0, -1)];
    // The last free day in the window: no visit is booked there, so the closure needs no decisions.
    const res = await call(reader.url, desk, 'GET', `/api/availability?location=${world.sites.a}`);
    const { slots: before } = (await res.json()) as { slots: Slot[] };
    const day = dateIn('America/Los_Angeles', new Date(before[before.length - 1]!.start));
    const manager = await token(proxy.url, world.users.manager.email);
    const closure = await call(
      writers[0]!.url,
      manager,
      'POST',
      `/api/locations/${world.sites.a}/closures`,
      { startsOn: day, endsOn: day, reason: 'Burst pipe' },
      randomUUID(),
    );
    expect(closure.status).toBe(201);
    for (const instance of alive) {
      const res = await call(
        instance.url,
        desk,
        'GET',
        `/api/availability?location=${world.sites.a}&therapist=${world.therapists.a}&from=${day}&to=${day}`,
      );
      const { slots } = (await res.json()) as { slots: Slot[] };
      expect(slots, instance.name).toHaveLength(0);
    }
  });

  it('each message is sent once, whichever instance sends it', async () => {
    const count = async (where: string) =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE org_id = $1 AND status = 'pending' AND ${where}`,
          [world.orgId],
        )
      )[0]!.n;
    // Drained: nothing due is free to take, and of the leased ones only the killed instance's may be left
    // (a live instance holds its lease only while it sends). That one goes again, with its Message-ID,
    // when its lease ends.
    await until(
      async () => {
        const due = await count('send_at <= now() AND (locked_until IS NULL OR locked_until <= now())');
        const leased = await count('locked_until > now()');
        return due === 0 && leased <= 1 ? true : undefined;
      },
      'the outbox to drain',
      1200,
    );
    const sent = await db.query<{ message_id: string; attempts: number }>(
      `SELECT message_id, attempts FROM outbox_messages WHERE org_id = $1 AND status = 'sent'`,
      [world.orgId],
    );
    expect(sent.length).toBeGreaterThanOrEqual(SLOTS);
    expect(sent.filter((m) => m.attempts !== 1)).toEqual([]);
    // One file per Message-ID: every sent message has its file, and at most the one still leased
    // (written before its sender died) has a file without being marked sent.
    const files = new Set(readdirSync(join(workDir, 'outbox')).filter((f) => f.endsWith('.eml')));
    expect(sent.filter((m) => !files.has(emlFileName(m.message_id)))).toEqual([]);
    expect(files.size - sent.length).toBeLessThanOrEqual(1);
  }, 120_000);
});
