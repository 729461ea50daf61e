import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPathData, parsePathData, pathDataPoints } from './pathdata.ts';

describe('parsePathData', () => {
  it('reads absolute and relative commands with implicit repeats', () => {
    expect(parsePathData('M10 20L30 40 50 60Z')).toEqual([
      { command: 'M', args: [10, 20] },
      { command: 'L', args: [30, 40] },
      { command: 'L', args: [50, 60] },
      { command: 'Z', args: [] },
    ]);
    // Pairs after a moveto are linetos of the same relativity.
    expect(parsePathData('m1 2 3 4').map((c) => c.command)).toEqual(['m', 'l']);
  });

  it('reads compact numbers, exponents and arc flags without separators', () => {
    expect(parsePathData('M-1.5.5C1e2,2E-1 3 4 5 6')).toEqual([
      { command: 'M', args: [-1.5, 0.5] },
      { command: 'C', args: [100, 0.2, 3, 4, 5, 6] },
    ]);
    expect(parsePathData('M0 0A5 5 0 1012 12')[1]).toEqual({ command: 'A', args: [5, 5, 0, 1, 0, 12, 12] });
    expect(parsePathData('M0 0Q1 2 3 4q1 1 2 2Z')).toHaveLength(4);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['L1 2', 'no moveto first'],
    ['M1', 'missing coordinate'],
    ['M1 2 L3', 'short lineto'],
    ['M1 2 X3 4', 'unknown command'],
    ['M1 2 C1 2 3 4 5', 'short curve'],
    ['M0 0 A5 5 0 2 0 3 4', 'arc flag not 0/1'],
    ['M0 0 Z 3 4', 'numbers after closepath'],
    ['M1 2 L3 four', 'not a number'],
  ])('rejects %j (%s)', (d) => {
    expect(isValidPathData(d)).toBe(false);
  });

  it('round-trips any well-formed generated path, whatever the separators', () => {
    const num = fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((v) => Math.round(v * 100) / 100);
    const seg = fc.oneof(
      fc.record({ command: fc.constantFrom('L', 'l', 'T', 't'), args: fc.array(num, { minLength: 2, maxLength: 2 }) }),
      fc.record({ command: fc.constantFrom('H', 'v'), args: fc.array(num, { minLength: 1, maxLength: 1 }) }),
      fc.record({ command: fc.constantFrom('C', 'c'), args: fc.array(num, { minLength: 6, maxLength: 6 }) }),
      fc.record({ command: fc.constantFrom('Q', 'S', 'q'), args: fc.array(num, { minLength: 4, maxLength: 4 }) }),
      fc.record({
        command: fc.constantFrom('A', 'a'),
        args: fc.tuple(num, num, num, fc.constantFrom(0, 1), fc.constantFrom(0, 1), num, num).map((t) => [...t]),
      }),
      fc.constant({ command: 'Z', args: [] as number[] }),
    );
    const sep = fc.constantFrom(' ', ',', ' , ', '\n', '  ');
    fc.assert(
      fc.property(fc.tuple(num, num), fc.array(seg, { maxLength: 12 }), sep, ([x, y], segs, s) => {
        const all = [{ command: 'M', args: [x, y] }, ...segs];
        // A command after Z must be explicit; numbers are always written with their command.
        const text = all.map((c) => c.command + (c.args.length ? ' ' : '') + c.args.join(s)).join(s);
        expect(parsePathData(text)).toEqual(all.map((c) => ({ command: c.command, args: c.args.map((v) => v + 0) })));
      }),
    );
  });
});

describe('pathDataPoints', () => {
  it('resolves relative moves, h/v and closepath to absolute points', () => {
    expect(pathDataPoints('M10 10l5 0v5h-5z')).toEqual([
      { x: 10, y: 10 },
      { x: 15, y: 10 },
      { x: 15, y: 15 },
      { x: 10, y: 15 },
      { x: 10, y: 10 },
    ]);
  });
});
