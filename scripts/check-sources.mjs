// Two layer rules that an import graph cannot see, checked on the syntax tree of every shipped
// source file under src/ (tests and test kits excepted):
//  - SQL runs only in src/store/: no `.query(…)` call, and no `.exec(…)` of a string, elsewhere;
//  - only src/config.ts reads `process.env`; everything else is passed its settings.
// Part of `npm run lint:layers`; the import rules themselves live in .dependency-cruiser.cjs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const TEST_CODE = /(\.test\.tsx?|\/session-test-kit\.ts|\/test-helpers\.ts|\/session-seed\.ts)$/;
const SQL_HOME = /^src\/store\//;
// Demo data is written by the seeder with its own bulk inserts; it ships only with `--demo`.
const SQL_ALSO = /^src\/demo\//;
const CONFIG = 'src/config.ts';

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

const isString = (node) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node));

const problems = [];
for (const file of sources(join(root, 'src'))) {
  const name = relative(root, file);
  if (TEST_CODE.test(name)) continue;
  const source = ts.createSourceFile(name, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const report = (node, rule) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    problems.push(`${name}:${line + 1}  ${rule}`);
  };
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const sql = method === 'query' || (method === 'exec' && isString(node.arguments[0]));
      if (sql && !SQL_HOME.test(name) && !SQL_ALSO.test(name)) {
        report(
          node,
          `SQL outside the store: move this .${method}() into a repository in src/store/repos and call that`,
        );
      }
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 'env' &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'process' &&
      name !== CONFIG
    ) {
      report(node, `process.env outside ${CONFIG}: read the setting there and pass it in`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (problems.length) {
  console.error(`${problems.join('\n')}\n\n${problems.length} layer rule violation(s).`);
  process.exit(1);
}
console.log('sources: SQL only in src/store, process.env only in src/config.ts');
