import { openDB, type IDBPDatabase } from 'idb';

/**
 * The tablet's encrypted store. Why this key: the server hands every sign-in its own random secret
 * (the session's CSRF token). HKDF turns it, with a random salt kept beside the data, into a
 * non-extractable AES-GCM key that lives only in this page's memory; the secret itself stays in
 * sessionStorage (this tab only) so a reload while offline can open the store again. IndexedDB holds
 * ciphertext, the salt and a time stamp: after sign-out, a closed tab or the session's end nothing on
 * the tablet can decrypt it, and a new sign-in's key cannot read an older session's records.
 */
const DB_NAME = 'knotwork-offline';
const RECORDS = 'records';
const META = 'meta';
const INFO = new TextEncoder().encode('knotwork offline day v1');
/** A day kept on the tablet is wiped this long after it was first kept, whatever happens. */
export const KEEP_MS = 12 * 3600_000;

interface Meta {
  salt: Uint8Array;
  keptSince: number;
}
interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

let database: Promise<IDBPDatabase> | null = null;
let key: { secret: string; key: Promise<CryptoKey> } | null = null;

function db(): Promise<IDBPDatabase> {
  database ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(RECORDS);
      d.createObjectStore(META);
    },
  });
  return database;
}

async function deriveKey(secret: string, salt: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The key of this session's store, made (with a fresh salt) on the first write after sign-in. */
async function keyFor(secret: string, now: number): Promise<CryptoKey> {
  if (key?.secret === secret) return key.key;
  const made = (async () => {
    const d = await db();
    let meta = (await d.get(META, 'meta')) as Meta | undefined;
    if (!meta) {
      meta = { salt: crypto.getRandomValues(new Uint8Array(16)), keptSince: now };
      await d.put(META, meta, 'meta');
    }
    return deriveKey(secret, meta.salt);
  })();
  key = { secret, key: made };
  return made;
}

/** Whether the kept day has outlived its 12 hours (or nothing is kept). */
export async function expired(now: number): Promise<boolean> {
  const meta = (await (await db()).get(META, 'meta')) as Meta | undefined;
  return meta !== undefined && now - meta.keptSince >= KEEP_MS;
}

export async function seal(secret: string, name: string, value: unknown, now: number): Promise<number> {
  const k = await keyFor(secret, now);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k, plain);
  await (await db()).put(RECORDS, { iv, data } satisfies Sealed, name);
  return data.byteLength + iv.byteLength;
}

/** The record, or null when there is none or this session's key cannot open it. */
export async function unseal<T>(secret: string, name: string, now: number): Promise<T | null> {
  const sealed = (await (await db()).get(RECORDS, name)) as Sealed | undefined;
  if (!sealed) return null;
  try {
    const k = await keyFor(secret, now);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as BufferSource }, k, sealed.data);
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    return null;
  }
}

/** Removes every record, the salt and the key in memory. */
export async function wipeVault(): Promise<void> {
  key = null;
  const d = await db();
  await d.clear(RECORDS);
  await d.clear(META);
}

/** False when records are kept that this secret cannot open (another session's): they are to be wiped. */
export async function opensWith(secret: string, now: number): Promise<boolean> {
  const names = await (await db()).getAllKeys(RECORDS);
  if (names.length === 0) return true;
  return (await unseal(secret, String(names[0]), now)) !== null;
}
