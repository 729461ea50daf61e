import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerStatsCommands } from './stats.ts';

const example = new URL('../../../examples/survival/leukaemia-6mp.csv', import.meta.url).pathname;

async function stats(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerStatsCommands(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['stats', ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('knotwork stats km', () => {
  it('prints the table, the median with its interval and the method without --json', async () => {
    const text = await stats('km', example);
    expect(text).toMatch(/^\s+6\s+21\s+3\s+1\s+0\.8571\s+0\.6197\s+0\.9516$/m);
    expect(text).toContain('median: 23 (95% interval 13 to not reached)');
    expect(text).toContain('21 observations, 9 events; Greenwood variance, log-log interval');
  });

  it('uses another interval transform when asked, and refuses an unknown one', async () => {
    const json = JSON.parse(await stats('km', example, '--json', '--transform', 'log'));
    expect(json.median).toEqual({ value: 23, lower: 16, upper: null });
    await expect(stats('km', example, '--transform', 'arcsine')).rejects.toThrow(
      "--transform 'arcsine' is not one of log-log, log, plain",
    );
  });

  it('says which file it cannot read', async () => {
    await expect(stats('km', '/nonexistent/km.csv')).rejects.toThrow('cannot read /nonexistent/km.csv: ENOENT');
  });
});
