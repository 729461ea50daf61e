import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../errors.ts';
import { registerScoreCommand } from './score.ts';

async function score(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerScoreCommand(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['score', ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

async function scoreJson(...args: string[]): Promise<Record<string, unknown>> {
  const out = await score(...args, '--json');
  expect(out.trim().split('\n')).toHaveLength(1);
  return JSON.parse(out) as Record<string, unknown>;
}

afterEach(() => vi.restoreAllMocks());

describe('knotwork score', () => {
  it('scores an ODI with one skipped section as 35.6% (Fairbank & Pynsent 2000)', async () => {
    const json = await scoreJson('odi', '1', '2', '3', '2', '1', '2', '3', '2', '-', '0');
    expect(json).toMatchObject({ measure: 'odi', score: 35.6, percent: 35.6, band: 'moderate disability', skipped: 1 });
  });

  it('scores an NDI with one missing item by adding the mean of the others', async () => {
    const json = await scoreJson('ndi', '1', '2', '3', '2', '1', '2', '3', '2', '-', '0');
    expect(json).toMatchObject({ measure: 'ndi', score: 17.8, percent: 35.6, band: 'moderate' });
  });

  it('takes PSFS activities as name=score or bare scores', async () => {
    const json = await scoreJson('psfs', 'lifting=3', 'driving=6', '8');
    expect(json).toMatchObject({ measure: 'psfs', score: 5.7, answered: 3 });
  });

  it('scores NPRS and prints readable text without --json', async () => {
    expect(await scoreJson('nprs', '7')).toMatchObject({ measure: 'nprs', score: 7 });
    const text = await score('nprs', '7');
    expect(text).toContain('Numeric Pain Rating Scale');
    expect(text).toContain('7 of 10');
  });

  it('names the item that is not a number', async () => {
    await expect(score('ndi', '1', 'x')).rejects.toThrow(
      new CliError("item 2: 'x' is not a number (use - for a skipped item)"),
    );
  });

  it('names the item that is out of range', async () => {
    await expect(score('odi', '1', '2', '3', '9', '1', '2', '3', '2', '1', '0')).rejects.toThrow(/item 4/);
    await expect(score('nprs', '-1')).rejects.toThrow(/item 1: -1 is not a whole number from 0 to 10/);
  });

  it('reports a wrong item count, too many skips and an unknown measure as user errors', async () => {
    await expect(score('ndi', '1', '2', '3')).rejects.toBeInstanceOf(CliError);
    await expect(score('ndi', '-', '-', '3', '2', '1', '2', '3', '2', '1', '0')).rejects.toThrow(/2 items missing/);
    await expect(score('vas', '5')).rejects.toThrow(/measure 'vas'/);
    await expect(score('odi', 'a=1')).rejects.toThrow(/only PSFS/);
  });
});
