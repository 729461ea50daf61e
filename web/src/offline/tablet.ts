import type { Session } from '../api/types.ts';
import type { KeptDay, OutboxItem } from './kept-day.ts';
import { expired, opensWith, seal, unseal, wipeVault } from './vault.ts';

/** What the offline bar shows. */
export interface TabletState {
  /** A therapist's day is kept on this tablet (after the first fetch of the session). */
  day: KeptDay | null;
  outbox: OutboxItem[];
  sending: { sent: number; total: number } | null;
  /** The last send finished with nothing left to send. */
  allSent: boolean;
  /** Bytes the encrypted store holds. */
  bytes: number;
}

const SESSION_KEY = 'knotwork.tablet';
let state: TabletState = { day: null, outbox: [], sending: null, allSent: false, bytes: 0 };
let secret: string | null = null;
let loaded: Promise<void> = Promise.resolve();
const listeners = new Set<() => void>();

export function tabletState(): TabletState {
  return state;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function update(patch: Partial<TabletState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** Waits until the kept day of a resumed session has been read back from the store. */
export function whenLoaded(): Promise<void> {
  return loaded;
}

export function currentSecret(): string | null {
  return secret;
}

/** Writes the day and the outbox, encrypted, and notes the size kept. */
export async function persist(): Promise<void> {
  if (!secret) return;
  const now = Date.now();
  const bytes = (await seal(secret, 'day', state.day, now)) + (await seal(secret, 'outbox', state.outbox, now));
  update({ bytes });
}

async function load(withSecret: string): Promise<void> {
  const now = Date.now();
  if ((await expired(now)) || !(await opensWith(withSecret, now))) await wipeVault();
  const day = await unseal<KeptDay>(withSecret, 'day', now);
  const outbox = (await unseal<OutboxItem[]>(withSecret, 'outbox', now)) ?? [];
  update({ day, outbox });
}

/** A therapist signed in (or a page opened on their session): open this session's store. */
export function openTablet(session: Session): Promise<void> {
  secret = session.csrfToken;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  loaded = load(secret).catch(() => undefined);
  return loaded;
}

/** The session this tab signed in with, for a page reloaded while the connection is down. */
export function resumeTablet(): Session | null {
  const text = sessionStorage.getItem(SESSION_KEY);
  if (!text) return null;
  const session = JSON.parse(text) as Session;
  void openTablet(session);
  return session;
}

/** Sign-out, the session's end or the 12-hour limit: nothing of the day stays on the tablet. */
export async function closeTablet(): Promise<void> {
  secret = null;
  sessionStorage.removeItem(SESSION_KEY);
  update({ day: null, outbox: [], sending: null, allSent: false, bytes: 0 });
  await wipeVault();
}

/** Wipes the store once the day has been kept for 12 hours; checked each minute. */
export async function wipeIfExpired(): Promise<boolean> {
  if (!(await expired(Date.now()))) return false;
  await closeTablet();
  return true;
}
