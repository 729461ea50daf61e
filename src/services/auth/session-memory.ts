/**
 * Sessions a server keeps in memory between requests, so a signed-in user's request does not read its session
 * again: on PostgreSQL that read is a round trip of its own, and over loopback on two cores it cost a patient read
 * about a third of its rate. Kept only while the database's notifications are heard (migration 0034 notifies
 * every change a session read gives): an organisation's kept sessions are forgotten when one of its changes is
 * heard, and all of them while the listening connection is lost.
 *
 * A sign-out, a changed password or a changed staff account is forgotten at once by the server that made it; any
 * other change, and every change on other servers, once the notification arrives (normally within a millisecond of
 * the commit). A kept session gives no schedule stamp (sessions.ts): availability reads the current one.
 */
import type { Database } from '../../store/database.ts';
import type { SessionActorRow } from '../../store/repos/sign-ins.ts';

/** However quiet the notifications, a kept session is read again after this long. */
const KEEP_MS = 30_000;
/** Sessions kept at most; the longest kept goes first. */
const MAX_KEPT = 10_000;

interface Kept {
  row: SessionActorRow;
  keptAt: number;
}

export class SessionMemory {
  private readonly kept = new Map<string, Kept>();
  /** Moves on with every change heard: a read begun before it may hold what changed, so it is not kept. */
  private changesHeard = 0;
  private listening = false;

  constructor(
    private readonly keepMs = KEEP_MS,
    private readonly maxKept = MAX_KEPT,
  ) {}

  /** The live session kept under `tokenHash`, or undefined: read it (noting `generation()` first). */
  find(tokenHash: string, now: Date): SessionActorRow | undefined {
    const kept = this.kept.get(tokenHash);
    if (!kept) return undefined;
    const at = now.getTime();
    if (!this.listening || at - kept.keptAt >= this.keepMs || at < kept.keptAt || kept.row.expiresAt.getTime() <= at) {
      this.kept.delete(tokenHash);
      return undefined;
    }
    return kept.row;
  }

  generation(): number {
    return this.changesHeard;
  }

  /** Keeps a session read at `generation`, unless a change was heard since the read began. */
  keep(tokenHash: string, row: SessionActorRow, generation: number, now: Date): void {
    if (!this.listening || generation !== this.changesHeard) return;
    this.kept.delete(tokenHash);
    this.kept.set(tokenHash, { row, keptAt: now.getTime() });
    if (this.kept.size > this.maxKept) this.kept.delete(this.kept.keys().next().value!);
  }

  /** The session was used and moved on in the database (last seen, a later end). */
  touched(tokenHash: string, lastSeenAt: Date, expiresAt: Date): void {
    const kept = this.kept.get(tokenHash);
    if (kept) kept.row = { ...kept.row, lastSeenAt, expiresAt };
  }

  /** Something a session of `orgId` reads changed. */
  heard(orgId: string): void {
    this.changesHeard++;
    for (const [tokenHash, kept] of this.kept) if (kept.row.orgId === orgId) this.kept.delete(tokenHash);
  }

  setListening(on: boolean): void {
    this.changesHeard++;
    this.kept.clear();
    this.listening = on;
  }

  get isListening(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.kept.size;
  }
}

/** A memory of sessions fed by the database's notifications; undefined where it cannot listen (PGlite). */
export function rememberSessions(db: Database): { memory: SessionMemory; stop: () => void } | undefined {
  if (!db.listen) return undefined;
  const memory = new SessionMemory();
  const stop = db.listen('knotwork_session_facts', {
    heard: (orgId) => memory.heard(orgId),
    listening: (on) => memory.setListening(on),
  });
  return { memory, stop };
}
