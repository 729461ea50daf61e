import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'knotwork-cli-data-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function knotwork(args: string[], options: { dataDir: string; env?: Record<string, string>; input?: string }) {
  const env: NodeJS.ProcessEnv = { ...process.env, KNOTWORK_DATA_DIR: options.dataDir, ...options.env };
  delete env.KNOTWORK_DATABASE_URL;
  if (!options.env?.KNOTWORK_NEW_PASSWORD) delete env.KNOTWORK_NEW_PASSWORD;
  const result = spawnSync(process.execPath, ['bin/knotwork.mjs', ...args], {
    cwd: ROOT,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('knotwork data commands (PGlite folder)', { timeout: 400_000 }, () => {
  const first = join(work, 'first');
  const second = join(work, 'second');
  const file = join(work, 'backup.ndjson.gz');

  it('seeds the demo, then refuses to seed it twice', () => {
    const run = knotwork(['demo', '--patients', '20', '--seed', '4', '--today', '2026-11-26', '--json'], {
      dataDir: first,
    });
    expect(run.status).toBe(0);
    const summary = json(run.stdout);
    expect(summary).toMatchObject({
      slug: 'demo',
      locations: 8,
      patients: 20,
      therapists: 30,
      today: '2026-11-26',
      seed: 4,
    });
    expect((summary.logins as { email: string }[]).map((l) => l.email)).toContain('therapist@demo.knotwork.test');
    const again = knotwork(['demo', '--patients', '20'], { dataDir: first });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^knotwork: .*already has the demo organisation/);
  });

  it('creates an organisation and users, with the password from the environment or stdin', () => {
    const org = knotwork(['org', 'create', '--name', 'Cedar Mill NMT', '--slug', 'cedar-mill', '--json'], {
      dataDir: first,
    });
    expect(org.status).toBe(0);
    expect(json(org.stdout)).toMatchObject({ slug: 'cedar-mill', name: 'Cedar Mill NMT', isDemo: false });

    const viaEnv = knotwork(
      [
        'user',
        'create',
        '--org',
        'demo',
        '--email',
        'Ana.Desk@Example.com',
        '--role',
        'front_desk',
        '--name',
        'Ana Desk',
        '--location',
        'salem',
        'woodburn',
        '--json',
      ],
      { dataDir: first, env: { KNOTWORK_NEW_PASSWORD: 'a-long-password' } },
    );
    expect(viaEnv.status).toBe(0);
    const user = json(viaEnv.stdout);
    expect(user).toMatchObject({ email: 'ana.desk@example.com', role: 'front_desk', mustChangePassword: false });
    expect(user.locationIds).toHaveLength(2);

    const viaStdin = knotwork(
      ['user', 'create', '--org', 'cedar-mill', '--email', 'boss@example.com', '--role', 'admin', '--name', 'Boss'],
      {
        dataDir: first,
        input: 'another-long-password\n',
      },
    );
    expect(viaStdin.status).toBe(0);
    expect(viaStdin.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);

    const handedOver = knotwork(
      [
        'user',
        'create',
        '--org',
        'cedar-mill',
        '--email',
        'desk@example.com',
        '--role',
        'admin',
        '--name',
        'Desk',
        '--first-password',
        '--json',
      ],
      {
        dataDir: first,
        input: 'a-first-long-password\n',
      },
    );
    expect(json(handedOver.stdout)).toMatchObject({ email: 'desk@example.com', mustChangePassword: true });

    const duplicate = knotwork(
      ['user', 'create', '--org', 'demo', '--email', 'ana.desk@example.com', '--role', 'admin', '--name', 'X'],
      {
        dataDir: first,
        input: 'a-long-password',
      },
    );
    expect(duplicate.status).toBe(2);
    expect(duplicate.stderr).toMatch(/already exists/);
    const badRole = knotwork(
      ['user', 'create', '--org', 'demo', '--email', 'x@example.com', '--role', 'wizard', '--name', 'X'],
      { dataDir: first },
    );
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toMatch(/--role must be one of/);
  });

  it('backs up one folder and restores it into another, only once without --force', () => {
    const backedUp = knotwork(['backup', file, '--json'], { dataDir: first });
    expect(backedUp.status).toBe(0);
    const written = json(backedUp.stdout) as { totalRows: number; tables: { name: string; rows: number }[] };
    expect(written.tables.find((t) => t.name === 'organizations')?.rows).toBe(2);

    const restored = knotwork(['restore', file, '--json'], { dataDir: second });
    expect(restored.status).toBe(0);
    expect((json(restored.stdout) as { totalRows: number }).totalRows).toBe(written.totalRows);
    const twice = knotwork(['restore', file], { dataDir: second });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/already holds data/);
    const forced = knotwork(['restore', file, '--force', '--json'], { dataDir: second });
    expect(forced.status).toBe(0);
    const missing = knotwork(['restore', join(work, 'nope.gz')], { dataDir: second });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });
});
