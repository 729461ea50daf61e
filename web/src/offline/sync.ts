import type { SessionNote } from '../api/charting.ts';
import { ApiError, request } from '../api/http.ts';
import type { KeptDay, OutboxItem } from './kept-day.ts';
import { createBody, isTabletNote, noteSent, rebase, VISIT_GONE } from './new-note.ts';
import { currentSecret, persist, tabletState, update } from './tablet.ts';

const direct = { noTablet: true } as const;
const REFUSED = new Set(['treatment_blocked', 'region_avoided', 'technique_not_allowed', 'note_signed']);
const NOTE_FIELDS = ['subjective', 'objective', 'assessment', 'plan', 'cptMinutes'] as const;

let sending = false;

/** Fetches today's visits for the tablet to keep (a therapist online); the store is encrypted. */
export async function keepDay(): Promise<void> {
  if (!currentSecret()) return;
  const day = await request<KeptDay>('GET', '/api/me/day/offline', undefined, direct);
  update({ day });
  await persist();
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of my change that the server's note holds otherwise. */
export function differences(item: OutboxItem): string[] {
  const server = item.problem?.server;
  if (!server) return [];
  return NOTE_FIELDS.filter((f) => f in item.body && !same(item.body[f], server[f]));
}

const GONE_MESSAGE: Record<string, string> = {
  cancelled: 'The appointment was cancelled while you were offline.',
  late_cancel: 'The appointment was cancelled while you were offline.',
  no_show: 'The appointment was marked a no-show while you were offline.',
};

/** The visit this write belongs to, when the therapist has not already chosen to send it anyway. */
function visitOf(item: OutboxItem): string | null {
  if (item.body.sendAnyway) return null;
  if (item.kind === 'create') return typeof item.body.appointmentId === 'string' ? item.body.appointmentId : null;
  const note = tabletState()
    .day?.patients.flatMap((p) => p.notes)
    .find((n) => n.id === item.noteId);
  return note?.appointmentId ?? null;
}

/** A note started on the tablet: made once (its Idempotency-Key), then the writes behind it name it. */
async function sendCreate(item: OutboxItem): Promise<void> {
  const path = `/api/patients/${encodeURIComponent(item.patientId)}/sessions`;
  const note = await request<SessionNote>('POST', path, createBody(item), { ...direct, idempotencyKey: item.key });
  noteSent(item.noteId, note.id);
  update({ outbox: rebase(tabletState().outbox, item.noteId, note) });
}

async function sendOne(item: OutboxItem, checkedVisits: Map<string, string>): Promise<OutboxItem['problem']> {
  const path = `/api/sessions/${encodeURIComponent(item.noteId)}`;
  const visitId = visitOf(item);
  if (visitId) {
    if (!checkedVisits.has(visitId)) {
      const visit = await request<{ status: string }>('GET', `/api/appointments/${visitId}`, undefined, direct);
      checkedVisits.set(visitId, visit.status);
    }
    const status = checkedVisits.get(visitId)!;
    if (VISIT_GONE.has(status)) return { code: 'visit_cancelled', message: GONE_MESSAGE[status]! };
  }
  if (item.kind === 'create') {
    await sendCreate(item);
    return undefined;
  }
  const { sendAnyway: _chosen, ...body } = item.body;
  if (item.kind === 'step' || item.kind === 'reassessment') {
    const to = `${path}/${item.kind === 'step' ? 'steps' : 'reassessment'}`;
    await request('POST', to, body, { ...direct, idempotencyKey: item.key });
    return undefined;
  }
  try {
    await request('PATCH', path, { ...body, version: item.baseVersion }, direct);
    return undefined;
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 409 || err.code === 'note_signed') throw err;
    const server = await request<SessionNote>('GET', path, undefined, direct);
    // My own change that arrived before its answer was lost is no conflict.
    if (NOTE_FIELDS.every((f) => !(f in body) || same(body[f], server[f]))) return undefined;
    return { code: 'note_changed', message: 'Someone else changed this note while you were offline.', server };
  }
}

/**
 * Sends the outbox in the order it was written, each write once (steps and reassessments carry their
 * Idempotency-Key; a note edit carries the version it was based on). Stops at the first failure to
 * reach the server; a refusal or conflict is kept on the item for the therapist to decide.
 */
export async function sendOutbox(): Promise<void> {
  if (sending || !currentSecret()) return;
  const waiting = tabletState().outbox.filter((i) => !i.problem);
  if (waiting.length === 0) return;
  sending = true;
  const checkedVisits = new Map<string, string>();
  let sent = 0;
  update({ sending: { sent, total: waiting.length }, allSent: false });
  try {
    for (const { key } of waiting) {
      // Read again: a note made a moment ago renamed the writes behind it.
      const item = tabletState().outbox.find((i) => i.key === key);
      // A write in a note not made yet waits behind it (its start is kept for the therapist to decide).
      if (!item || isTabletNote(item.noteId) !== (item.kind === 'create')) continue;
      let problem: OutboxItem['problem'];
      try {
        problem = await sendOne(item, checkedVisits);
      } catch (err) {
        if (!(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 401) break;
        problem = { code: REFUSED.has(err.code) ? err.code : 'refused', message: err.message };
      }
      const outbox = tabletState().outbox;
      update({
        outbox: problem
          ? outbox.map((i) => (i.key === item.key ? { ...i, problem } : i))
          : outbox.filter((i) => i.key !== item.key),
        sending: { sent: ++sent, total: waiting.length },
      });
      await persist();
    }
  } finally {
    sending = false;
    const left = tabletState().outbox;
    update({ sending: null, allSent: left.length === 0 });
  }
  if (tabletState().allSent) await keepDay().catch(() => undefined);
}

/** The therapist's choice on a kept write: send it after all (mine wins, or the visit was cancelled), or drop it. */
export async function decide(key: string, choice: 'send' | 'drop'): Promise<void> {
  const outbox = tabletState().outbox;
  const item = outbox.find((i) => i.key === key);
  if (!item) return;
  let next: OutboxItem[];
  // Dropping a note started here drops what was written in it: there is nothing to write it into.
  if (choice === 'drop')
    next = outbox.filter((i) => i !== item && !(item.kind === 'create' && i.noteId === item.noteId));
  else {
    const { problem, ...rest } = item;
    const cancelled = problem?.code === 'visit_cancelled';
    // A cancelled visit takes no note: one started for it is kept as a note without a visit.
    const { appointmentId: _visit, ...unbooked } = item.body;
    const chosen: OutboxItem = {
      ...rest,
      baseVersion: problem?.server?.version ?? item.baseVersion,
      body: cancelled ? (item.kind === 'create' ? unbooked : { ...item.body, sendAnyway: true }) : item.body,
    };
    next = outbox.map((i) => (i === item ? chosen : i));
  }
  update({ outbox: next });
  await persist();
  await sendOutbox();
}
