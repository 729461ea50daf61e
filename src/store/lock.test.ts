import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

const LOCK_FILE = 'knotwork.lock';
import { openPglite } from './pglite.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'knotwork-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The pid of a process that has exited: what a lock left by kill -9 names. */
const deadPid = () =>
  Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

function staleLock(dir: string, pid: number, withStaleBreaker: boolean): void {
  const content = JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00Z', command: 'killed' });
  writeFileSync(join(dir, LOCK_FILE), content);
  if (withStaleBreaker) {
    // A starter that died in the middle of taking the stale lock over left its breaker behind.
    const digest = createHash('sha256').update(content).digest('hex').slice(0, 16);
    writeFileSync(
      join(dir, `${LOCK_FILE}.break-${digest}`),
      JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:01Z', command: 'killed too' }),
    );
  }
}

/** A separate process that takes the lock when told to (test/support/lock-contender.ts). */
class Contender {
  readonly proc: ChildProcessWithoutNullStreams;
  private readonly waiting: ((line: string) => void)[] = [];
  private readonly lines: string[] = [];

  constructor() {
    this.proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/lock-contender.ts')], {
      cwd: ROOT,
    });
    createInterface({ input: this.proc.stdout }).on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next(line);
      else this.lines.push(line);
    });
  }

  answer(): Promise<string> {
    const line = this.lines.shift();
    return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => this.waiting.push(resolve));
  }

  send(line: string): void {
    this.proc.stdin.write(`${line}\n`);
  }
}

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

  it('lets exactly one of 20 parallel starters win over a stale lock, every time', async () => {
    const contenders = Array.from({ length: 20 }, () => new Contender());
    try {
      expect(await Promise.all(contenders.map((c) => c.answer()))).toEqual(Array(20).fill('ready'));
      const dead = deadPid();
      const rounds = 24;
      const outcomes: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const dir = tempDir();
        // Stale lock; stale lock and a stale breaker; no lock at all.
        if (round % 3 !== 2) staleLock(dir, dead, round % 3 === 1);
        for (const c of contenders) c.send(`go ${dir}`);
        const answers = await Promise.all(contenders.map((c) => c.answer()));
        const won = answers.flatMap((a, i) => (a === 'won' ? [i] : []));
        const failed = answers.filter((a) => a !== 'won' && a !== 'lost');
        const holder = existsSync(join(dir, LOCK_FILE))
          ? JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid
          : null;
        const holderWon = won.some((i) => contenders[i]!.proc.pid === holder);
        outcomes.push(
          `${won.length} won${holderWon ? '' : ', lock names no winner'}` +
            `${failed.length ? `, ${failed.join('; ')}` : ''}`,
        );
        for (const i of won) {
          contenders[i]!.send('release');
          expect(await contenders[i]!.answer()).toBe('released');
        }
        // Released: no lock and no temporary file left behind.
        expect(readdirSync(dir).filter((f) => f === LOCK_FILE || f.endsWith('.tmp'))).toEqual([]);
      }
      expect(outcomes).toEqual(Array(rounds).fill('1 won'));

      // A real kill -9 of the holder, then the 19 others start together over its lock.
      const dir = tempDir();
      for (const c of contenders) c.send(`go ${dir}`);
      const first = await Promise.all(contenders.map((c) => c.answer()));
      const victim = contenders[first.indexOf('won')]!;
      const exited = new Promise((resolve) => victim.proc.once('exit', resolve));
      victim.proc.kill('SIGKILL');
      await exited;
      const rest = contenders.filter((c) => c !== victim);
      for (const c of rest) c.send(`go ${dir}`);
      const second = await Promise.all(rest.map((c) => c.answer()));
      expect(second.filter((a) => a === 'won')).toHaveLength(1);
      expect(second.filter((a) => a === 'lost')).toHaveLength(18);
    } finally {
      for (const c of contenders) c.proc.kill();
    }
  }, 120_000);

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(
      join(dir, 'knotwork.lock'),
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), since: '2026-01-01T00:00:00Z', command: 'old' }),
    );
    const lock = acquireDataDirLock(dir);
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });
});
