import { describe, expect, it } from 'vitest';
import { parseSurvivalCsv } from './survival-csv.ts';

describe('reading time,event rows', () => {
  it('takes rows with or without a header, skipping blank lines, # comments and a byte-order mark', () => {
    const expected = {
      ok: true,
      observations: [
        { time: 6, event: true },
        { time: 7.5, event: false },
      ],
    };
    expect(parseSurvivalCsv('6,1\n7.5,0\n')).toEqual(expected);
    expect(parseSurvivalCsv('\ufefftime,event\r\n# note\r\n\r\n6, 1\r\n7.5,0')).toEqual(expected);
    expect(parseSurvivalCsv('weeks,relapse\n6,1\n7.5,0')).toEqual(expected);
  });

  it('names the line of each problem', () => {
    expect(parseSurvivalCsv('time,event\n3,1\n4,2\n')).toEqual({
      ok: false,
      line: 3,
      message: 'event must be 1 (happened) or 0 (censored), got "2"',
    });
    expect(parseSurvivalCsv('3,1\n\n-4,0\n')).toEqual({
      ok: false,
      line: 3,
      message: 'time must be a number of 0 or more, got "-4"',
    });
    expect(parseSurvivalCsv('3,1\nfour,0\n')).toEqual({
      ok: false,
      line: 2,
      message: 'time must be a number of 0 or more, got "four"',
    });
    expect(parseSurvivalCsv('3,1,7\n')).toEqual({
      ok: false,
      line: 1,
      message: 'each line needs 2 values (time, event); this one has 3',
    });
    expect(parseSurvivalCsv('3,1\n4\n')).toEqual({
      ok: false,
      line: 2,
      message: 'each line needs 2 values (time, event); this one has 1',
    });
    expect(parseSurvivalCsv('3,1\n"4,1\n')).toMatchObject({
      ok: false,
      line: 2,
      message: expect.stringMatching(/^not readable as CSV/),
    });
  });

  it('refuses a file with no data rows', () => {
    expect(parseSurvivalCsv('')).toEqual({ ok: false, line: null, message: 'has no rows of time,event' });
    expect(parseSurvivalCsv('time,event\n')).toEqual({ ok: false, line: null, message: 'has no rows of time,event' });
  });
});
