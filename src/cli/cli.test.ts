import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Runs the real `knotwork` entry point, as `npx knotwork` does. */
function knotwork(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/knotwork.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the knotwork command, end to end', () => {
  it('refer --json prints suggestions best first with muscle, score and reasons', () => {
    const run = knotwork('refer', 'temple', 'posterolateral neck', '--side', 'left', '--json');
    expect(run.status).toBe(0);
    const { suggestions } = JSON.parse(run.stdout) as {
      suggestions: { muscle: string; score: number; reasons: unknown[] }[];
    };
    expect(suggestions[0]).toMatchObject({
      muscle: 'upper-trapezius',
      score: expect.any(Number),
      reasons: expect.any(Array),
    });
    const scores = suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('refer reads a misspelt place as the place it is closest to', () => {
    const run = knotwork('refer', 'tempel', '--json');
    expect(run.status).toBe(0);
    const { suggestions } = JSON.parse(run.stdout) as { suggestions: { muscle: string }[] };
    expect(suggestions.map((s) => s.muscle)).toContain('temporalis');
  });

  it('refer names close places when nothing matches and exits 2', () => {
    const run = knotwork('refer', 'qwerty');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no place matches "qwerty" — did you mean: \S/);
  });

  it('units --json reproduces the CMS example (33 min 97110 + 7 min 97140 = 3 units)', () => {
    const run = knotwork('units', '97110=33', '97140=7', '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({
      totalUnits: 3,
      lines: [
        { code: '97110', minutes: 33, units: 2 },
        { code: '97140', minutes: 7, units: 1 },
      ],
    });
  });

  it('score --json prints measure, score, percent and band, with - for a skipped section', () => {
    const run = knotwork('score', 'odi', '2', '2', '2', '2', '2', '2', '1', '1', '2', '-', '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({ measure: 'odi', percent: 35.6, band: expect.any(String) });
  });

  it('screen prints the combined decision for an answers file', () => {
    const run = knotwork('screen', 'examples/screening/fever-and-gaps.json', '--today', '2026-11-26', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ decision: 'contraindicated' });
  });

  it('stats km --json reproduces the Freireich 6-MP Kaplan–Meier figures from the example file', () => {
    const run = knotwork('stats', 'km', 'examples/survival/leukaemia-6mp.csv', '--json');
    expect(run.status).toBe(0);
    const { points, median } = JSON.parse(run.stdout) as {
      points: Array<{
        time: number;
        atRisk: number;
        events: number;
        censored: number;
        survival: number;
        lower: number;
        upper: number;
      }>;
      median: { value: number | null; lower: number | null; upper: number | null };
    };
    expect(Object.keys(points[0]!)).toEqual(['time', 'atRisk', 'events', 'censored', 'survival', 'lower', 'upper']);
    expect(points[0]).toMatchObject({ time: 6, atRisk: 21, events: 3, censored: 1 });
    expect(points[0]!.survival).toBeCloseTo(0.8571, 4);
    expect([points[0]!.lower, points[0]!.upper].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([0.6197, 0.9516]);
    expect(points.find((p) => p.time === 23)!.survival).toBeCloseTo(0.4482, 4);
    expect(median).toEqual({ value: 23, lower: 13, upper: null });
  });

  it('stats km names the line of a bad row and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knotwork-km-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'time,event\n3,1\n4,yes\n');
    const run = knotwork('stats', 'km', file, '--json');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`knotwork: ${file} line 3: event must be 1 (happened) or 0 (censored), got "yes"\n`);
    expect(run.stdout).toBe('');
  });
});
