import type { SessionNote } from '../api/charting.ts';
import { ApiError } from '../api/http.ts';
import { gateRefusal, localStep, noteWithOutbox, type KeptDay, type OutboxItem } from './kept-day.ts';
import { dayWithStartedNotes, tabletNoteId, VISIT_GONE } from './new-note.ts';
import { persist, tabletState, update, whenLoaded } from './tablet.ts';

type Method = string;

const SIGN_OFFLINE =
  'Signing needs the connection. The note is saved on this tablet; sign it once you are back online.';

function findNote(day: KeptDay, noteId: string) {
  for (const entry of day.patients) {
    const note = entry.notes.find((n) => n.id === noteId);
    if (note) return { entry, note: note as SessionNote };
  }
  return null;
}

const view = (note: SessionNote) => noteWithOutbox(note, tabletState().outbox, new Date().toISOString());

/** Only the question My day asks is answered from the kept day: my visits, today, nothing else. */
function isMyDay(day: KeptDay, query: string | undefined): boolean {
  const asked = new URLSearchParams(query ?? '');
  const known = ['therapist', 'from', 'to', 'limit'];
  return (
    [...asked.keys()].every((k) => known.includes(k)) &&
    asked.get('from') === day.date &&
    asked.get('to') === day.date &&
    asked.get('therapist') === day.therapistId
  );
}

function answerRead(day: KeptDay, path: string): unknown {
  const [route, query] = path.split('?');
  const parts = (route ?? '').split('/').slice(2).map(decodeURIComponent);
  if (parts[0] === 'sessions' && parts[1]) {
    const found = findNote(day, parts[1]);
    if (!found) return undefined;
    if (parts.length === 2) return view(found.note);
    if (parts[2] === 'comparison') {
      const note = view(found.note);
      const before = note.subjective.painToday ?? null;
      const after = note.reassessment?.painAfter ?? null;
      const change = before !== null && after !== null ? after - before : null;
      const pain = {
        intake: null,
        intakeSource: null,
        before,
        after,
        changeInSession: change,
        changeSinceIntake: null,
      };
      return { noteId: note.id, pain: { ...pain, classificationSinceIntake: null }, rom: [], romIntakeSource: null };
    }
    return undefined;
  }
  if (parts[0] === 'appointments' && parts.length === 1 && isMyDay(day, query))
    return { appointments: day.appointments };
  if (parts[0] === 'services' && parts.length === 1 && !query) return { services: day.services };
  if (parts[0] === 'locations' && parts.length === 1 && !query) return { locations: day.locations };
  if (parts[0] !== 'patients' || !parts[1]) return undefined;
  const entry = day.patients.find((p) => p.patient.id === parts[1]);
  if (!entry) return undefined;
  switch (parts[2]) {
    case undefined:
      return entry.patient;
    case 'gate':
      return entry.gate;
    case 'assessments':
      return { assessments: entry.assessments };
    case 'plans':
      return { plans: entry.plans };
    case 'sessions':
      return { notes: entry.notes.map((n) => view(n as SessionNote)) };
    case 'home-care':
      return { plans: [] };
    default:
      return undefined;
  }
}

async function queue(item: OutboxItem): Promise<void> {
  const outbox = tabletState().outbox;
  const earlier = item.kind === 'note' ? outbox.find((i) => i.kind === 'note' && i.noteId === item.noteId) : null;
  // Edits of one note while offline travel as one change, based on the version first read.
  const next = earlier
    ? outbox.map((i) => (i === earlier ? { ...i, body: { ...i.body, ...item.body } } : i))
    : [...outbox, item];
  update({ outbox: next, allSent: false });
  await persist();
}

/** "Start the session note" without a connection: the note begins on the tablet and is sent first. */
async function startNote(day: KeptDay, patientId: string, body: unknown, key: string | undefined) {
  const entry = day.patients.find((p) => p.patient.id === patientId);
  if (!entry) return undefined;
  const input = (body ?? {}) as Record<string, unknown>;
  const newKey = key ?? crypto.randomUUID();
  const again = tabletState().outbox.find((i) => i.kind === 'create' && i.key === newKey);
  // A second tap with the same key is the same note, as the server would answer it.
  if (again) return findNote(day, again.noteId)?.note;
  const visitId = typeof input.appointmentId === 'string' ? input.appointmentId : null;
  if (visitId) {
    const visit = day.appointments.find((a) => a.id === visitId);
    if (!visit || visit.patientId !== patientId) return undefined;
    if (VISIT_GONE.has(visit.status))
      throw new ApiError(422, 'invalid', 'This visit was cancelled or missed, so it has no session.', {
        appointmentId: 'This visit was cancelled or missed.',
      });
    if (visit.sessionNoteId) throw new ApiError(409, 'conflict', 'This visit already has a session note.');
  }
  const item: OutboxItem = {
    key: newKey,
    kind: 'create',
    noteId: tabletNoteId(newKey),
    patientId,
    body: { ...input, startedAt: new Date().toISOString() },
    baseVersion: 1,
  };
  await queue(item);
  return findNote(dayWithStartedNotes(day, tabletState().outbox), item.noteId)?.note;
}

async function answerWrite(day: KeptDay, method: Method, path: string, body: unknown, key: string | undefined) {
  const started = /^\/api\/patients\/([^/?]+)\/sessions$/.exec(path);
  if (method === 'POST' && started) return startNote(day, decodeURIComponent(started[1]!), body, key);
  const match = /^\/api\/sessions\/([^/?]+)(?:\/(steps|reassessment|sign))?$/.exec(path);
  if (!match) return undefined;
  const found = findNote(day, decodeURIComponent(match[1]!));
  if (!found) return undefined;
  const { note, entry } = found;
  const base = { noteId: note.id, patientId: entry.patient.id, baseVersion: note.version };
  const input = (body ?? {}) as Record<string, unknown>;
  if (match[2] === 'sign') throw new ApiError(409, 'offline', SIGN_OFFLINE);
  if (note.status === 'signed') throw new ApiError(409, 'note_signed', 'This note is signed and locked.');
  const newKey = key ?? crypto.randomUUID();
  if (method === 'POST' && match[2] === 'steps') {
    const refusal = gateRefusal(entry.gate, input as Parameters<typeof gateRefusal>[1]);
    if (refusal) throw refusal;
    const item: OutboxItem = { ...base, key: newKey, kind: 'step', body: input };
    const shown = localStep(view(note), item, new Date().toISOString());
    await queue(item);
    return shown;
  }
  if (method === 'POST' && match[2] === 'reassessment') {
    await queue({ ...base, key: newKey, kind: 'reassessment', body: input });
    return view(note).reassessment;
  }
  if (method === 'PATCH' && !match[2]) {
    const { version: _read, ...changes } = input;
    await queue({ ...base, key: newKey, kind: 'note', body: changes });
    return view(note);
  }
  return undefined;
}

/**
 * The answer the tablet gives when the server cannot be reached: reads of the kept day, and the visit
 * screen's writes into the outbox. Undefined for anything else, which then fails as it would.
 */
export async function answerOffline(
  method: Method,
  path: string,
  body: unknown,
  key: string | undefined,
): Promise<unknown> {
  await whenLoaded();
  const { day: kept, outbox } = tabletState();
  if (!kept) return undefined;
  const day = dayWithStartedNotes(kept, outbox);
  return method === 'GET' ? answerRead(day, path) : answerWrite(day, method, path, body, key);
}
