import { createHash, randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

interface LockHolder {
  pid: number;
  host: string;
  since: string;
  command: string;
  /** Tells two holdings by one process apart, so a release never removes a later holding. */
  nonce?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (${holder.command}), since ${holder.since}`
      : 'another process (its lock file could not be read)';
    super(
      `The data folder ${dataDir} is in use by ${who}. Stop that process, or set KNOTWORK_DATA_DIR to another folder.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export const LOCK_FILE = 'knotwork.lock';

function readRaw(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function parseHolder(raw: string | null): LockHolder | null {
  try {
    const holder = raw === null ? null : (JSON.parse(raw) as LockHolder);
    return holder && typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** A file of our own beside `path`, fully written before anyone can see it under `path`. */
function writeTemp(path: string, content: string): string {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  return temp;
}

/**
 * Creates `path` holding `content` only if nothing is there (true when it did). A hard link of a
 * written temp file makes the file appear complete, so nobody ever reads a half-written holder.
 */
function createExclusive(path: string, content: string): boolean {
  const temp = writeTemp(path, content);
  try {
    linkSync(temp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!LINK_UNSUPPORTED.has(code)) throw err;
  } finally {
    unlinkSync(temp);
  }
  // A file system without hard links: O_EXCL creation (a reader may briefly see an empty file
  // and take it as held, which errs on the safe side).
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * Makes `path` hold `content` when it is free or its holder is a dead process of this host.
 *
 * Taking over a dead holder's file needs its breaker, `<path>.break-<digest of the dead file>`,
 * claimed the same way (so a breaker left by a process that died mid-takeover is itself taken
 * over). Only the breaker's holder replaces the file, by an atomic rename, and only after seeing
 * that it is still the dead holder's: a live holder's file is never removed or replaced.
 */
function claim(path: string, content: string, depth = 0): boolean {
  if (depth > 3) return false;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(path, content)) return true;
    const current = readRaw(path);
    if (current === null) continue; // released just now: try again
    const holder = parseHolder(current);
    if (!holder || holder.host !== hostname() || isAlive(holder.pid)) return false;
    const breaker = `${path}.break-${createHash('sha256').update(current).digest('hex').slice(0, 16)}`;
    if (!claim(breaker, content, depth + 1)) return false;
    try {
      if (readRaw(path) === current) {
        renameSync(writeTemp(path, content), path);
        return true;
      }
      // Someone took it over before us, or took it and released it since: look again.
    } finally {
      releaseIfMine(breaker, content);
    }
  }
  return false;
}

function releaseIfMine(path: string, content: string): void {
  // Only a breaker replaces a dead holder's file, so a live holder's file stays its own until
  // it removes it: reading then removing cannot remove someone else's.
  if (readRaw(path) !== content) return;
  try {
    unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Locks the data folder for this process: PGlite has no lock of its own and two processes on one
 * folder corrupt it. Exactly one of any number of concurrent starters wins, also over a lock left
 * by a killed process. Released on close or when the process exits normally.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
    nonce: randomBytes(12).toString('hex'),
  };
  const content = JSON.stringify(me);
  if (!claim(path, content)) throw new DataDirLockedError(dataDir, parseHolder(readRaw(path)));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    releaseIfMine(path, content);
  };
  process.on('exit', release);
  return { path, release };
}
