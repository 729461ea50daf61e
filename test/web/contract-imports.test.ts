import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const WEB = join(ROOT, 'web/src');

/** What the web may take from the server's tree: the API's contract and the pure clinical knowledge. */
const CONTRACT = [
  /^src\/http\/.+\/([a-z-]+-)?schema\.ts$/,
  /^src\/http\/common\.ts$/,
  /^src\/contract\//,
  /^src\/words\//,
  /^src\/clinical\//,
  // The other pure cores: date and zone arithmetic, and how a patient's own trend is worded.
  /^src\/time\//,
  /^src\/outcomes\/patient\//,
];
/** What must never reach the browser's bundle, even through a contract module. */
const SERVER_ONLY = /^src\/(services|store|cli|demo)\//;

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** The relative imports and re-exports of a file; `import type` is erased and never bundled. */
function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) {
    edges.push({
      from: relative(ROOT, file),
      to: relative(ROOT, resolve(dirname(file), m[3]!)),
      typeOnly: m[2] !== undefined,
    });
  }
  return edges;
}

describe('the web app builds on the API contract only', () => {
  const web = filesUnder(WEB)
    .flatMap(importsOf)
    .filter((e) => !e.to.startsWith('web/'));

  it('imports from the server tree only contract schemas, shared rules and the pure clinical core', () => {
    expect(web.length).toBeGreaterThan(0);
    expect(web.filter((e) => !CONTRACT.some((rule) => rule.test(e.to))).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('pulls no service or store code into the bundle through the contract modules it imports', () => {
    const seen = new Set<string>();
    const leaks: string[] = [];
    const visit = (edge: Edge, path: string[]) => {
      if (edge.typeOnly || seen.has(edge.to)) return;
      seen.add(edge.to);
      if (SERVER_ONLY.test(edge.to)) return void leaks.push([...path, edge.to].join(' → '));
      for (const next of importsOf(join(ROOT, edge.to))) visit(next, [...path, edge.to]);
    };
    for (const edge of web) visit(edge, [edge.from]);
    expect(leaks).toEqual([]);
  });
});
