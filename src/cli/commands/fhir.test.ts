import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'knotwork-cli-fhir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const dataDir = join(work, 'data');
const out = join(work, 'export');

/** The real `knotwork` entry point on a PGlite folder of its own. */
function knotwork(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, KNOTWORK_DATA_DIR: dataDir, ...env };
  delete childEnv.KNOTWORK_DATABASE_URL;
  const run = spawnSync(process.execPath, ['bin/knotwork.mjs', ...args], {
    cwd: ROOT,
    env: childEnv,
    input: '',
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Counts = Record<string, { created: number; matched: number; refused: number }>;

describe('knotwork fhir export and import (PGlite folder)', { timeout: 110_000 }, () => {
  it('exports the demo as NDJSON files, one per type, each line a resource of that type', () => {
    expect(knotwork(['demo', '--patients', '12', '--seed', '4', '--today', '2026-11-26']).status).toBe(0);
    const run = knotwork(['fhir', 'export', '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const manifest = JSON.parse(run.stdout) as { output: { type: string; url: string; count: number }[] };
    const files = readdirSync(out).sort();
    expect(files).toContain('manifest.json');
    for (const type of ['Patient', 'Appointment', 'Practitioner', 'PractitionerRole', 'Location', 'Organization'])
      expect(files, type).toContain(`${type}.ndjson`);
    for (const { type, url, count } of manifest.output) {
      const lines = readFileSync(join(out, url), 'utf8').trimEnd().split('\n');
      expect(lines, type).toHaveLength(count);
      expect(new Set(lines.map((l) => (JSON.parse(l) as { resourceType: string }).resourceType))).toEqual(
        new Set([type]),
      );
    }
    expect(manifest.output.find((o) => o.type === 'Patient')!.count).toBe(12);
  });

  it('imports them into another organisation, counts what it made, and matches all of it the second time', () => {
    expect(knotwork(['org', 'create', '--name', 'Copy Clinic', '--slug', 'copy']).status).toBe(0);
    const admin = ['user', 'create', '--org', 'copy', '--email', 'admin@copy.test', '--role', 'admin', '--name', 'Ada'];
    expect(knotwork(admin, { KNOTWORK_NEW_PASSWORD: 'a-long-password' }).status).toBe(0);
    const first = knotwork(['fhir', 'import', out, '--org', 'copy', '--json']);
    expect(first.status, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { imported: boolean; types: Counts; skipped: Record<string, number> };
    expect(report.imported).toBe(true);
    expect(report.types.Patient).toEqual({ created: 12, matched: 0, refused: 0 });
    expect(report.types.Appointment!.created).toBeGreaterThan(0);
    // Therapists' roles are not imported; the clinic's own Organization is not a payer.
    expect(report.skipped.PractitionerRole).toBeGreaterThan(0);
    expect(report.skipped.Organization).toBe(1);

    const second = knotwork(['fhir', 'import', out, '--org', 'copy', '--json']);
    const again = JSON.parse(second.stdout) as { types: Counts };
    for (const [type, counts] of Object.entries(again.types))
      expect(counts, type).toEqual({ created: 0, matched: report.types[type]!.created, refused: 0 });
  });

  it('refuses a missing file, and for a refused record names its file and line and imports nothing', () => {
    const missing = knotwork(['fhir', 'import', join(work, 'nowhere.json'), '--org', 'copy']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^knotwork: no such file or folder/);
    const patient = readFileSync(join(out, 'Patient.ndjson'), 'utf8').split('\n')[0]!;
    const broken = join(work, 'broken.ndjson');
    const withoutBirthDate = { ...(JSON.parse(patient) as object), birthDate: undefined, identifier: [] };
    writeFileSync(broken, `${JSON.stringify(withoutBirthDate)}\n`);
    const refused = knotwork(['fhir', 'import', broken, '--org', 'copy']);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toMatch(/Nothing was imported/);
    expect(refused.stdout).toMatch(/broken\.ndjson line 1: Entry 0 \(patient\): the date of birth is missing\./);
  });
});
