import type { SessionNote } from '../api/charting.ts';
import type { KeptDay, OutboxItem } from './kept-day.ts';

/**
 * A note started on the tablet has no server id until it is sent: it goes by a tablet id made from
 * its Idempotency-Key, and the writes made in it wait behind it in the outbox.
 */
const TABLET_ID = 'tablet-note-';

export const tabletNoteId = (key: string) => `${TABLET_ID}${key}`;

export const isTabletNote = (noteId: string) => noteId.startsWith(TABLET_ID);

/** Tablet ids of notes the server has made, and the ids it gave them (for a screen still open on one). */
const sentAs = new Map<string, string>();

export function noteSent(tabletId: string, serverId: string): void {
  sentAs.set(tabletId, serverId);
  // A reload of the open visit screen then asks the server for the note by its own id.
  if (window.location.pathname.includes(tabletId))
    window.history.replaceState(window.history.state, '', window.location.href.replace(tabletId, serverId));
}

/** The path as the server knows it; null while the note it names is only on this tablet. */
export function serverPath(path: string): string | null {
  const tabletId = new RegExp(`${TABLET_ID}[\\w-]+`).exec(path)?.[0];
  if (!tabletId) return path;
  const serverId = sentAs.get(tabletId);
  return serverId ? path.replace(tabletId, serverId) : null;
}

/** A visit the desk cancelled or marked missed takes no note: the server refuses one. */
export const VISIT_GONE = new Set(['cancelled', 'late_cancel', 'no_show']);

/** The note as the visit screen shows it before the server has seen it. */
function startedNote(day: KeptDay, item: OutboxItem): SessionNote {
  const body = item.body as Partial<SessionNote>;
  return {
    id: item.noteId,
    patientId: item.patientId,
    appointmentId: body.appointmentId ?? null,
    therapistId: day.therapistId,
    status: 'draft',
    subjective: body.subjective ?? {},
    objective: body.objective ?? {},
    assessment: body.assessment ?? null,
    plan: body.plan ?? null,
    cptMinutes: body.cptMinutes ?? [],
    billing: null,
    steps: [],
    hadStop: false,
    reassessment: null,
    signedAt: null,
    signedBy: null,
    version: item.baseVersion,
    createdAt: String(item.body.startedAt ?? day.date),
    updatedAt: String(item.body.startedAt ?? day.date),
    // Signing still needs the connection; the screen says so when asked.
    can: { edit: true, sign: true, amend: false },
  };
}

/** The kept day with the notes started on this tablet: in their patient's notes, and on their visit. */
export function dayWithStartedNotes(day: KeptDay, outbox: readonly OutboxItem[]): KeptDay {
  const started = outbox.filter((i) => i.kind === 'create').map((i) => startedNote(day, i));
  if (started.length === 0) return day;
  return {
    ...day,
    patients: day.patients.map((entry) => {
      const mine = started.filter((n) => n.patientId === entry.patient.id);
      return mine.length ? { ...entry, notes: [...mine, ...entry.notes] } : entry;
    }),
    appointments: day.appointments.map((visit) => {
      const note = started.find((n) => n.appointmentId === visit.id);
      if (!note) return visit;
      return {
        ...visit,
        status: 'in_session',
        sessionNoteId: note.id,
        can: { ...visit.can, startNote: false, openNote: true },
      };
    }),
  };
}

/** The create's body as sent: what the therapist wrote, without the tablet's own marks. */
export function createBody(item: OutboxItem): Record<string, unknown> {
  const { startedAt: _at, sendAnyway: _chosen, ...body } = item.body;
  return body;
}

/** Once the server made the note: the writes waiting behind it now name it, based on its first version. */
export function rebase(outbox: readonly OutboxItem[], tabletId: string, note: SessionNote): OutboxItem[] {
  return outbox.map((i) =>
    i.noteId === tabletId && i.kind !== 'create' ? { ...i, noteId: note.id, baseVersion: note.version } : i,
  );
}
