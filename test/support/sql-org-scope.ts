import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadModule, parsePlPgSQLSync, parseSync, scanSync } from 'libpg-query';
import ts from 'typescript';

/**
 * Finds SQL that reads a second table of an organisation without tying it to the organisation:
 * a JOIN whose ON (or USING) does not name the joined table's org_id, a comma join or
 * UPDATE … FROM / DELETE … USING whose WHERE does not, and a subquery, EXISTS or CTE that reads
 * a table without its org_id in the subquery's own WHERE. The first table of a statement is the
 * caller's business (it may be found by a secret token, say); every other one must carry org_id.
 *
 * SQL is read with the real PostgreSQL parser. Text that still does not parse after the usual
 * fragment wrappings (a WHERE clause, a select list) is checked token by token instead.
 */

type Node = Record<string, unknown>;
export interface Finding {
  where: string;
  problem: string;
  sql: string;
}

export async function prepareScanner(): Promise<void> {
  await loadModule();
}

// ---------------------------------------------------------------- AST helpers

function kindOf(node: unknown): [string, Node] | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1 || !/^[A-Z]/.test(keys[0]!)) return null;
  return [keys[0]!, (node as Node)[keys[0]!] as Node];
}

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
const sval = (node: unknown): string | undefined =>
  kindOf(node)?.[0] === 'String' ? (kindOf(node)![1].sval as string) : undefined;

interface Relation {
  name: string;
  /** The name SQL uses for it: its alias, else its table name. */
  ref: string;
}

function rangeVar(node: unknown): Relation | null {
  const k = kindOf(node);
  if (!k || k[0] !== 'RangeVar') return null;
  const rv = k[1];
  if (rv.schemaname && rv.schemaname !== 'public') return null;
  const name = rv.relname as string;
  return { name, ref: ((rv.alias as Node | undefined)?.aliasname as string | undefined) ?? name };
}

/** Column references of an expression, not looking into subqueries (they answer for themselves). */
function columnRefs(node: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(node)) {
    for (const item of node) columnRefs(item, out);
    return out;
  }
  const k = kindOf(node);
  if (k) {
    if (k[0] === 'ColumnRef') {
      out.push(list(k[1].fields).map((f) => sval(f) ?? '*'));
      return out;
    }
    if (k[0] === 'SubLink') return columnRefs(k[1].testexpr, out);
    if (k[0] === 'SelectStmt' || k[0] === 'RangeSubselect') return out;
  }
  if (node && typeof node === 'object') for (const value of Object.values(node)) columnRefs(value, out);
  return out;
}

function namesOrgId(refs: string[][], rel: Relation, alone: boolean): boolean {
  return refs.some((fields) => {
    const last = fields[fields.length - 1];
    if (last !== 'org_id') return false;
    if (fields.length === 1) return alone;
    return fields[fields.length - 2] === rel.ref;
  });
}

// ---------------------------------------------------------------- the checks

interface Context {
  orgTables: Set<string>;
  report: (problem: string) => void;
  /** The whole text being checked (PL/pgSQL is parsed from its CREATE FUNCTION). */
  source?: string;
  /** The table an UPDATE or DELETE writes, for recognising a worker's claim of its own rows. */
  target?: string;
}

/**
 * `UPDATE queue SET … WHERE id = (SELECT id FROM queue … FOR UPDATE SKIP LOCKED)`: a worker that
 * serves every organisation claims its next row. The subquery reads the row it writes, no other table.
 */
function isClaimOfTarget(select: Node, ctx: Context): boolean {
  const from = list(select.fromClause);
  const skipLocked = list(select.lockingClause).some((c) => kindOf(c)?.[1].waitPolicy === 'LockWaitSkip');
  return skipLocked && from.length === 1 && rangeVar(from[0])?.name === ctx.target;
}

/** The first relation of a FROM item (the one a join hangs the others on). */
function leftmost(item: unknown): Relation | null {
  const k = kindOf(item);
  if (!k) return null;
  if (k[0] === 'RangeVar') return rangeVar(item);
  if (k[0] === 'JoinExpr') return leftmost(k[1].larg);
  return null;
}

/** Every relation named in a FROM item, for counting how many a bare `org_id` could mean. */
function relationsOf(item: unknown, out: Relation[] = []): Relation[] {
  const k = kindOf(item);
  if (!k) return out;
  if (k[0] === 'RangeVar') {
    // A table of another schema (pg_catalog, information_schema) holds no clinic's rows.
    const rel = rangeVar(item);
    if (rel) out.push(rel);
  }
  if (k[0] === 'JoinExpr') {
    relationsOf(k[1].larg, out);
    relationsOf(k[1].rarg, out);
  }
  return out;
}

function checkJoins(item: unknown, ctx: Context): void {
  const k = kindOf(item);
  if (!k) return;
  if (k[0] === 'JoinExpr') {
    const join = k[1];
    checkJoins(join.larg, ctx);
    checkJoins(join.rarg, ctx);
    const joined = leftmost(join.rarg);
    if (joined && ctx.orgTables.has(joined.name) && !join.isNatural) {
      const using = list(join.usingClause).map(sval);
      if (!using.includes('org_id') && !namesOrgId(columnRefs(join.quals), joined, false)) {
        ctx.report(
          `JOIN ${joined.name}${joined.ref !== joined.name ? ` ${joined.ref}` : ''} without ${joined.ref}.org_id ` +
            `in its ON`,
        );
      }
    }
    walkExpressions(join.quals, ctx);
    return;
  }
  if (k[0] === 'RangeSubselect') checkStatement(k[1].subquery, ctx, true);
  else walkExpressions(item, ctx);
}

/**
 * One SELECT/UPDATE/DELETE scope: `from` its FROM items (or UPDATE's FROM, DELETE's USING, after
 * the statement's own table when there is one), `where` its WHERE.
 */
function checkScope(
  from: unknown[],
  where: unknown,
  ctx: Context,
  options: { nested: boolean; target?: Relation | null },
): void {
  for (const item of from) checkJoins(item, ctx);
  const refs = columnRefs(where);
  const all = [...(options.target ? [options.target] : []), ...from.flatMap((item) => relationsOf(item))].filter((r) =>
    ctx.orgTables.has(r.name),
  );
  const alone = all.length === 1;
  from.forEach((item, index) => {
    const rel = leftmost(item);
    if (!rel || !ctx.orgTables.has(rel.name)) return;
    const driving = index === 0 && !options.target;
    if (driving && !options.nested) return;
    if (!namesOrgId(refs, rel, alone)) {
      ctx.report(
        driving
          ? `a subquery reads ${rel.name} without ${rel.ref}.org_id in its WHERE`
          : `${rel.name} is joined by a comma or FROM/USING without ${rel.ref}.org_id in the WHERE`,
      );
    }
  });
  walkExpressions(where, ctx);
}

/** Finds the subqueries inside expressions and checks each as a scope of its own. */
function walkExpressions(node: unknown, ctx: Context): void {
  if (Array.isArray(node)) {
    for (const item of node) walkExpressions(item, ctx);
    return;
  }
  const k = kindOf(node);
  if (k) {
    switch (k[0]) {
      case 'SubLink':
        walkExpressions(k[1].testexpr, ctx);
        checkStatement(k[1].subselect, ctx, true);
        return;
      case 'RangeSubselect':
        checkStatement(k[1].subquery, ctx, true);
        return;
      case 'SelectStmt':
      case 'InsertStmt':
      case 'UpdateStmt':
      case 'DeleteStmt':
        checkStatement(node, ctx, false);
        return;
    }
  }
  if (node && typeof node === 'object') for (const value of Object.values(node)) walkExpressions(value, ctx);
}

function checkWith(withClause: unknown, ctx: Context): void {
  for (const cte of list((withClause as Node | undefined)?.ctes)) {
    const k = kindOf(cte);
    // A CTE's SELECT reads for the statement below it, like a subquery; a data-modifying CTE is a statement.
    if (k?.[0] === 'CommonTableExpr') checkStatement(k[1].ctequery, ctx, true);
  }
}

export function checkStatement(node: unknown, ctx: Context, nested: boolean): void {
  const k = kindOf(node);
  if (!k) return;
  const [kind, s] = k;
  switch (kind) {
    case 'SelectStmt': {
      checkWith(s.withClause, ctx);
      if (s.op && s.op !== 'SETOP_NONE') {
        checkStatement({ SelectStmt: s.larg }, ctx, nested);
        checkStatement({ SelectStmt: s.rarg }, ctx, nested);
        return;
      }
      if (!(nested && isClaimOfTarget(s, ctx))) checkScope(list(s.fromClause), s.whereClause, ctx, { nested });
      walkExpressions(
        [s.targetList, s.havingClause, s.valuesLists, s.sortClause, s.groupClause, s.distinctClause],
        ctx,
      );
      return;
    }
    case 'UpdateStmt':
    case 'DeleteStmt': {
      checkWith(s.withClause, ctx);
      const target = rangeVar({ RangeVar: s.relation });
      const inner = { ...ctx, target: target?.name };
      checkScope(list(kind === 'UpdateStmt' ? s.fromClause : s.usingClause), s.whereClause, inner, {
        nested: false,
        target,
      });
      walkExpressions([s.targetList, s.returningList], inner);
      return;
    }
    case 'InsertStmt': {
      checkWith(s.withClause, ctx);
      // INSERT … SELECT reads its source for the organisation of the rows it writes.
      checkStatement(s.selectStmt, ctx, true);
      walkExpressions([s.onConflictClause, s.returningList], ctx);
      return;
    }
    case 'CreateFunctionStmt': {
      const language = list(s.options)
        .map(kindOf)
        .find((o) => o?.[1].defname === 'language');
      const body = list(s.options)
        .map(kindOf)
        .find((o) => o?.[1].defname === 'as');
      const text = body
        ? list((kindOf(body[1].arg)?.[1] as Node | undefined)?.items ?? body[1].arg)
            .map(sval)
            .find(Boolean)
        : undefined;
      const lang = language ? sval(language[1].arg) : undefined;
      if (text && lang === 'plpgsql') checkPlpgsql(ctx);
      else if (text && lang === 'sql') checkText(text, ctx);
      return;
    }
    default:
      walkExpressions(s, ctx);
  }
}

/** PL/pgSQL bodies keep their SQL as text in `query` fields; each is checked like any other SQL. */
function checkPlpgsql(ctx: Context): void {
  if (!ctx.source) return;
  let parsed: unknown;
  try {
    parsed = parsePlPgSQLSync(ctx.source);
  } catch {
    return;
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'query' && typeof value === 'string') checkText(value, ctx);
      else visit(value);
    }
  };
  visit(parsed);
}

// ---------------------------------------------------------------- text that may be a fragment

const FRAGMENT_WRAPPERS: ((sql: string) => string)[] = [
  (sql) => sql,
  (sql) => `SELECT 1 FROM __outer__ WHERE ${sql}`,
  (sql) => `SELECT ${sql}`,
  (sql) => `SELECT 1 FROM __outer__ ${sql}`,
  (sql) => `SELECT 1 FROM ${sql}`,
];

function parseFragment(sql: string): unknown[] | null {
  for (const wrap of FRAGMENT_WRAPPERS) {
    try {
      return (parseSync(wrap(sql)).stmts ?? []).map((s) => (s as Node).stmt);
    } catch {
      // try the next wrapping
    }
  }
  return null;
}

/**
 * Checks one piece of SQL text, given as variants (what a template's unknown parts may stand for);
 * returns false when no variant parses in any wrapping.
 */
export function checkText(variants: string | string[], ctx: Context): boolean {
  const texts = list(variants) as string[];
  for (const sql of texts) {
    const statements = parseFragment(sql);
    if (!statements) continue;
    for (const statement of statements) checkStatement(statement, { ...ctx, source: sql }, false);
    return true;
  }
  checkTokens(texts[0]!, ctx);
  return false;
}

/**
 * The fallback for text no wrapping parses: a JOIN of an organisation's table must have org_id
 * before the next clause, and a parenthesised SELECT reading one must name org_id inside.
 */
function checkTokens(sql: string, ctx: Context): void {
  let tokens: { text: string; keyword: boolean }[];
  try {
    tokens = scanSync(sql).tokens.map((t) => ({
      text: t.text,
      keyword: t.keywordKind !== 0 && !/^IDENT/.test(t.tokenName),
    }));
  } catch {
    return;
  }
  const upper = (i: number) => tokens[i]?.text.toUpperCase();
  const ENDS = new Set([
    'JOIN',
    'LEFT',
    'RIGHT',
    'INNER',
    'FULL',
    'CROSS',
    'WHERE',
    'GROUP',
    'ORDER',
    'LIMIT',
    'HAVING',
    'UNION',
    'RETURNING',
    'WINDOW',
    'OFFSET',
    'FOR',
  ]);
  for (let i = 0; i < tokens.length; i++) {
    if (upper(i) === 'JOIN' && ctx.orgTables.has(tokens[i + 1]?.text ?? '')) {
      let depth = 0;
      let sawOrg = false;
      for (let j = i + 2; j < tokens.length; j++) {
        const t = tokens[j]!.text;
        if (t === '(') depth++;
        else if (t === ')') {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && ENDS.has(t.toUpperCase())) break;
        if (t === 'org_id') sawOrg = true;
      }
      if (!sawOrg) ctx.report(`JOIN ${tokens[i + 1]!.text} without org_id before the next clause`);
    }
    if (tokens[i]?.text === '(' && upper(i + 1) === 'SELECT') {
      let depth = 0;
      let readsOrgTable: string | null = null;
      let sawOrg = false;
      for (let j = i; j < tokens.length; j++) {
        const t = tokens[j]!.text;
        if (t === '(') depth++;
        else if (t === ')' && --depth === 0) break;
        if (upper(j) === 'FROM' && ctx.orgTables.has(tokens[j + 1]?.text ?? '')) readsOrgTable ??= tokens[j + 1]!.text;
        if (t === 'org_id') sawOrg = true;
      }
      if (readsOrgTable && !sawOrg) ctx.report(`a subquery reads ${readsOrgTable} without org_id`);
    }
  }
}

// ---------------------------------------------------------------- where SQL lives

/** Tables with an org_id column, from the migrations themselves. */
export function orgTablesOf(migrationSql: string[]): Set<string> {
  const tables = new Set<string>();
  for (const sql of migrationSql) {
    for (const raw of parseSync(sql).stmts ?? []) {
      const k = kindOf((raw as Node).stmt);
      if (k?.[0] === 'CreateStmt') {
        const hasOrg = list(k[1].tableElts).some(
          (e) => kindOf(e)?.[0] === 'ColumnDef' && kindOf(e)![1].colname === 'org_id',
        );
        if (hasOrg) tables.add((k[1].relation as Node).relname as string);
      }
      if (k?.[0] === 'AlterTableStmt') {
        const adds = list(k[1].cmds).some((c) => {
          const def = kindOf(kindOf(c)?.[1].def);
          return def?.[0] === 'ColumnDef' && def[1].colname === 'org_id';
        });
        if (adds) tables.add((k[1].relation as Node).relname as string);
      }
    }
  }
  return tables;
}

/**
 * The text of every string and template literal of a TypeScript file that looks like SQL, with
 * same-file constants inlined. Other substitutions become an identifier in one variant and nothing
 * in the other (`${forUpdate ? ' FOR UPDATE' : ''}` parses only as nothing).
 */
export function sqlTextsOf(source: string, fileName: string): { line: number; text: string; variants: string[] }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const constants = new Map<string, ts.Node>();
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isText(node.initializer)) {
      constants.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, collect);
  };
  collect(file);

  const textOf = (node: ts.Node, seen: Set<string>, unknown: string): string => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (!ts.isTemplateExpression(node)) return unknown;
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const expr = span.expression;
      if (text.endsWith('$'))
        text += '1'; // `$${n}` is a numbered parameter
      else if (ts.isIdentifier(expr) && constants.has(expr.text) && !seen.has(expr.text)) {
        text += textOf(constants.get(expr.text)!, new Set([...seen, expr.text]), unknown);
      } else text += unknown;
      text += span.literal.text;
    }
    return text;
  };

  const out: { line: number; text: string; variants: string[] }[] = [];
  const visit = (node: ts.Node): void => {
    if (isText(node)) {
      const text = textOf(node, new Set(), '__sub__');
      if (
        /\b(select|insert\s+into|update|delete\s+from|join)\b/i.test(text) &&
        /\b(from|into|set|join)\b/i.test(text)
      ) {
        out.push({
          line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          text,
          variants: [text, textOf(node, new Set(), '')],
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function isText(node: ts.Node): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

/** Scans every SQL migration and every non-test TypeScript file under the given folders. */
export function scanProject(
  root: string,
  folders: string[],
): { findings: Finding[]; unparsed: number; checked: number } {
  const migrations = filesUnder(join(root, 'src/store/migrations'), '.sql');
  const orgTables = orgTablesOf(migrations.map((f) => readFileSync(f, 'utf8')));
  const findings: Finding[] = [];
  let unparsed = 0;
  let checked = 0;
  const check = (where: string, sql: string | string[]) => {
    checked++;
    const shown = (list(sql)[0] as string).replace(/\s+/g, ' ').trim().slice(0, 160);
    const ctx = { orgTables, report: (problem: string) => findings.push({ where, problem, sql: shown }) };
    if (!checkText(sql, ctx)) unparsed++;
  };
  for (const file of migrations) {
    const sql = readFileSync(file, 'utf8');
    for (const raw of parseSync(sql).stmts ?? []) {
      const stmt = raw as { stmt: unknown; stmt_location?: number; stmt_len?: number };
      const start = stmt.stmt_location ?? 0;
      const text = stmt.stmt_len ? sql.slice(start, start + stmt.stmt_len) : sql.slice(start);
      const line = sql.slice(0, start).split('\n').length;
      check(`${relative(root, file)}:${line}`, text);
    }
  }
  for (const folder of folders) {
    for (const file of filesUnder(join(root, folder), '.ts').filter(
      (f) => !f.endsWith('.test.ts') && !f.endsWith('.d.ts'),
    )) {
      for (const { line, variants } of sqlTextsOf(readFileSync(file, 'utf8'), file))
        check(`${relative(root, file)}:${line}`, variants);
    }
  }
  return { findings, unparsed, checked };
}
