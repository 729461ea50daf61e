import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../errors.ts';
import { registerUnitsCommand } from './units.ts';

async function units(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerUnitsCommand(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['units', ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('knotwork units', () => {
  it('applies the CMS rule by default: 33 min 97110 + 7 min 97140 → 2 + 1', async () => {
    const json = JSON.parse(await units('97110=33', '97140=7', '--json'));
    expect(json).toMatchObject({
      rule: 'cms',
      totalMinutes: 40,
      totalUnits: 3,
      lines: [
        { code: '97110', minutes: 33, units: 2 },
        { code: '97140', minutes: 7, units: 1 },
      ],
    });
  });

  it('applies the midpoint rule when asked', async () => {
    const json = JSON.parse(await units('97110=33', '97140=7', '--rule', 'midpoint', '--json'));
    expect(json.totalUnits).toBe(2);
  });

  it('prints a table without --json', async () => {
    const text = await units('97112=24', '97110=23');
    expect(text).toMatch(/97112\s+24\s+2/);
    expect(text).toMatch(/total\s+47\s+3/);
  });

  it('names the bad argument', async () => {
    await expect(units('97110')).rejects.toThrow(new CliError("'97110' is not code=minutes (for example 97140=23)"));
    await expect(units('97110=10', '97140=7.5')).rejects.toThrow(/'97140=7.5': 97140: minutes must be a whole number/);
    await expect(units('99999=10')).rejects.toThrow(/'99999=10': 99999 is not a timed code/);
    await expect(units('97010=10')).rejects.toThrow(/billed once per visit/);
    await expect(units('97110=10', '--rule', 'nearest')).rejects.toThrow(/--rule 'nearest'/);
  });
});
