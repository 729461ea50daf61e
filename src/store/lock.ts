import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
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
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (${holder.command}), since ${holder.since}`
      : 'another process (its lock file could not be read)';
    super(`The data folder ${dataDir} is in use by ${who}. Stop that process, or set KNOTWORK_DATA_DIR to another folder.`);
    this.name = 'DataDirLockedError';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
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

/**
 * Takes the folder's lock file with O_EXCL, so exactly one process wins. A lock left behind by a
 * process of this host that no longer runs is stale and taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, 'knotwork.lock');
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        const holder = readHolder(path);
        if (holder?.pid === me.pid && holder.since === me.since) unlinkSync(path);
      };
      process.on('exit', release);
      return { path, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      const stale = holder !== null && holder.host === me.host && !isAlive(holder.pid);
      if (!stale || attempt > 0) throw new DataDirLockedError(dataDir, holder);
      unlinkSync(path);
    }
  }
  throw new DataDirLockedError(dataDir, readHolder(path));
}
