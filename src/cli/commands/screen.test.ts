import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../errors.ts';
import { registerScreenCommand } from './screen.ts';

const examples = new URL('../../../examples/screening/', import.meta.url);
const example = (name: string) => new URL(name, examples).pathname;

async function runScreen(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerScreenCommand(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'knotwork', 'screen', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

function tempFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'knotwork-screen-')), 'answers.json');
  writeFileSync(file, content);
  return file;
}

afterEach(() => vi.restoreAllMocks());

describe('knotwork screen', () => {
  it('--json prints one document with the decision, findings, sources and unknowns', async () => {
    const result = JSON.parse(await runScreen(example('fever-and-gaps.json'), '--json', '--today', '2026-11-26'));
    expect(result.decision).toBe('contraindicated');
    expect(result.today).toBe('2026-11-26');
    expect(result.findings[0]).toMatchObject({ rule: 'fever-infection', decision: 'contraindicated' });
    expect(result.findings.every((f: { source: string }) => f.source.length > 0)).toBe(true);
    expect(result.unknowns.map((u: { question: string }) => u.question)).toEqual(
      expect.arrayContaining(['questions.strokeOrTia', 'surgeries']),
    );
    expect(result.avoidRegions).toEqual(['axilla-left']);
  });

  it('the clear and local examples give clear and local', async () => {
    expect(JSON.parse(await runScreen(example('clear.json'), '--json', '--today', '2026-11-26')).decision).toBe(
      'clear',
    );
    const local = JSON.parse(await runScreen(example('local-and-caution.json'), '--json', '--today', '2026-11-26'));
    expect(local.decision).toBe('local');
    expect(local.avoidRegions).toEqual(['back-of-knee-left', 'calf-left', 'lateral-thigh-right']);
  });

  it('--today moves the surgery windows', async () => {
    // knee arthroscopy on 2026-09-20: 40 days later is inside the 6-week clearance window
    const early = JSON.parse(await runScreen(example('local-and-caution.json'), '--json', '--today', '2026-10-30'));
    expect(early.decision).toBe('refer');
    expect(early.clearanceNeeded).toBe(true);
  });

  it('prints a readable report without --json', async () => {
    const text = await runScreen(example('fever-and-gaps.json'), '--today', '2026-11-26');
    expect(text).toMatch(/^Decision: CONTRAINDICATED/);
    expect(text).toContain('source: ');
    expect(text).toContain('Unknown or missing answers');
    expect(text).toContain('questions.strokeOrTia');
  });

  it('a bad file is a CliError naming the field path', async () => {
    const bad = tempFile(
      JSON.stringify({
        surgeries: [{ what: 'x', date: '2026-13-01' }],
        localIssues: [{ kind: 'burn', regions: ['nowhere'] }],
      }),
    );
    const error = await runScreen(bad, '--json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toContain('surgeries[0].date');
    expect((error as Error).message).toContain('localIssues[0].regions[0]');
  });

  it('missing files, broken JSON and a bad --today are CliErrors', async () => {
    await expect(runScreen('/nonexistent/answers.json')).rejects.toThrow(CliError);
    await expect(runScreen(tempFile('{ not json'))).rejects.toThrow(/not valid JSON/);
    await expect(runScreen(example('clear.json'), '--today', '26/11/2026')).rejects.toThrow(/--today/);
  });
});
