import type { SessionNote } from '../api/charting.ts';
import { ApiError } from '../api/http.ts';
import { gateRefusal, localStep, noteWithOutbox, type KeptDay, type OutboxItem } from './kept-day.ts';
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
  if (parts[0] === 'appointments' && parts.length === 1 && query?.includes(`from=${day.date}`))
    return { appointments: day.appointments };
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

async function answerWrite(day: KeptDay, method: Method, path: string, body: unknown, key: string | undefined) {
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
  const day = tabletState().day;
  if (!day) return undefined;
  return method === 'GET' ? answerRead(day, path) : answerWrite(day, method, path, body, key);
}
