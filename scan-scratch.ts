import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { internalNames } from './test/support/internal-names.ts';
const files = execSync("git ls-files 'src/**/*.ts' | grep -v test.ts").toString().trim().split('\n');
for (const f of files) {
  const lines = readFileSync(f, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!/Error\(|ValidationError|Refusal|message:|throw |addIssue|refine\(/.test(line)) return;
    for (const m of line.matchAll(/(['`"])((?:(?!\1).)*)\1/g)) {
      const s = m[2]!;
      if (!/\s/.test(s) || s.length < 8) continue;
      const found = internalNames(s.replace(/\$\{[^}]*\}/g, 'X'));
      const interp = /\$\{[^}]*(status|code|field|kind|key|id)\b[^}]*\}/i.test(s);
      if (found.length || interp) console.log(`${f}:${i + 1}: ${s.slice(0, 140)}  ${found.join(',')}${interp ? ' [interp]' : ''}`);
    }
  });
}
