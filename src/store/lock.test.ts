import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';
import { openPglite } from './pglite.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'knotwork-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the PGlite data-folder lock', () => {
  it('refuses a second holder in the same process, naming the folder and the holder', async () => {
    const dir = tempDir();
    const db = await openPglite(dir);
    try {
      await expect(openPglite(dir)).rejects.toThrow(DataDirLockedError);
      await expect(openPglite(dir)).rejects.toThrow(new RegExp(`${dir}.*process ${process.pid}`));
    } finally {
      await db.close();
    }
    // Released on close: the folder opens again, with its data.
    const again = await openPglite(dir);
    await again.close();
  });

  it('makes a second process fail with a clear message instead of sharing the folder', async () => {
    const dir = tempDir();
    const db = await openPglite(dir);
    try {
      const child = spawnSync(process.execPath, [join(ROOT, 'bin/knotwork.mjs'), 'migrate'], {
        env: { ...process.env, KNOTWORK_DATA_DIR: dir, KNOTWORK_DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status).toBe(2);
      expect(child.stderr).toContain(`The data folder ${dir} is in use by process ${process.pid}`);
      expect(child.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await db.close();
    }
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'knotwork.lock'), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), since: '2026-01-01T00:00:00Z', command: 'old' }));
    const lock = acquireDataDirLock(dir);
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });
});
