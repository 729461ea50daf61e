// A strict reader for SVG path data (SVG 1.1 §8.3 grammar: commands M L H V C S Q T A Z, absolute
// upper-case or relative lower-case, implicit repeats, numbers with optional exponent, arc flags
// 0/1). Used to check the chart's geometry and usable for any path the web app stores.

export interface PathCommand {
  command: string;
  args: number[];
}

export class PathDataError extends Error {}

const ARG_COUNT: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const SEPARATOR = /^[\s,]*/;

/** Parses path data into commands; throws PathDataError naming the offset of the first fault. */
export function parsePathData(d: string): PathCommand[] {
  const out: PathCommand[] = [];
  let i = d.match(/^\s*/)![0].length;
  let current: string | undefined;
  const fail = (why: string): never => {
    throw new PathDataError(`${why} at offset ${i} in path data`);
  };
  const skipSeparators = (): void => {
    i += d.slice(i).match(SEPARATOR)![0].length;
  };
  while (i < d.length) {
    const ch = d[i]!;
    if (/[a-zA-Z]/.test(ch)) {
      if (!(ch.toLowerCase() in ARG_COUNT)) fail(`unknown command "${ch}"`);
      if (out.length === 0 && ch.toLowerCase() !== 'm') fail('path data must start with a moveto');
      current = ch;
      i++;
      skipSeparators();
      if (ch.toLowerCase() === 'z') {
        out.push({ command: ch, args: [] });
        continue;
      }
    } else if (current === undefined || current.toLowerCase() === 'z') {
      fail('expected a command');
    }
    const command = current!;
    const args: number[] = [];
    for (let k = 0; k < ARG_COUNT[command.toLowerCase()]!; k++) {
      if (command.toLowerCase() === 'a' && (k === 3 || k === 4)) {
        const flag = d[i];
        if (flag !== '0' && flag !== '1') fail('arc flag must be 0 or 1');
        args.push(Number(flag));
        i++;
      } else {
        const m = d.slice(i).match(NUMBER);
        if (!m) fail(`expected a number for "${command}"`);
        args.push(Number(m![0]));
        i += m![0].length;
      }
      skipSeparators();
    }
    out.push({ command, args });
    // After a moveto, further coordinate pairs are implicit linetos.
    if (command === 'M') current = 'L';
    if (command === 'm') current = 'l';
  }
  if (out.length === 0) throw new PathDataError('empty path data');
  return out;
}

export function isValidPathData(d: string): boolean {
  try {
    parsePathData(d);
    return true;
  } catch {
    return false;
  }
}

/** Absolute end and control points of every command (their box contains the drawn path). */
export function pathDataPoints(d: string): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (const { command, args } of parsePathData(d)) {
    const rel = command === command.toLowerCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    switch (command.toLowerCase()) {
      case 'z':
        x = startX;
        y = startY;
        break;
      case 'h':
        x = args[0]! + (rel ? x : 0);
        break;
      case 'v':
        y = args[0]! + (rel ? y : 0);
        break;
      case 'a':
        x = args[5]! + ox;
        y = args[6]! + oy;
        break;
      default:
        // Control points first (their hull bounds the curve); the end point is added below.
        for (let k = 0; k + 3 < args.length; k += 2) points.push({ x: args[k]! + ox, y: args[k + 1]! + oy });
        x = args[args.length - 2]! + ox;
        y = args[args.length - 1]! + oy;
    }
    if (command.toLowerCase() === 'm') {
      startX = x;
      startY = y;
    }
    points.push({ x, y });
  }
  return points;
}
