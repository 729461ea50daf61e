// Runs every bench/*.bench.ts (or those named on the command line) and prints a table.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchModule, Timing } from './lib.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

// A throughput row has no latency: a dash, not NaN.
const fmt = (n: number | undefined, digits = 3) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));
for (const file of files) {
  const mod = (await import(`./${file}`)) as BenchModule;
  const results: Timing[] = await mod.run();
  console.log(`\n## ${file}`);
  console.log('| measurement | n | median ms | p99 ms | ratio to baseline | note |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.iterations} | ${fmt(r.medianMs)} | ${fmt(r.p99Ms)} | ${fmt(r.ratioToBaseline, 2)} | ` +
        `${r.note ?? ''} |`,
    );
  }
}
