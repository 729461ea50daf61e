import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkText, prepareScanner, scanProject, sqlTextsOf } from '../../test/support/sql-org-scope.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ORG_TABLES = new Set([
  'audit_events',
  'users',
  'patients',
  'appointments',
  'care_relationships',
  'jobs',
  'locations',
]);

function problemsOf(sql: string | string[]): string[] {
  const problems: string[] = [];
  checkText(sql, { orgTables: ORG_TABLES, report: (p) => problems.push(p) });
  return problems;
}

beforeAll(async () => {
  await prepareScanner();
});

describe('the organisation-scope scan of SQL', () => {
  it('finds a join without the joined table’s org_id (the audit log once named other organisations’ patients)', () => {
    const leaky = `SELECT a.id, p.given_name FROM audit_events a
      LEFT JOIN users u ON u.id = a.actor_user_id
      LEFT JOIN patients p ON p.id = a.patient_id
      WHERE a.org_id = $1`;
    expect(problemsOf(leaky)).toEqual([
      'JOIN users u without u.org_id in its ON',
      'JOIN patients p without p.org_id in its ON',
    ]);
    const scoped = leaky
      .replace('ON u.id', 'ON u.org_id = a.org_id AND u.id')
      .replace('ON p.id', 'ON p.org_id = a.org_id AND p.id');
    expect(problemsOf(scoped)).toEqual([]);
  });

  it('does not accept org_id of the other side only, but accepts USING (org_id, …)', () => {
    expect(
      problemsOf(
        'SELECT 1 FROM appointments a JOIN patients p ON p.id = a.patient_id AND a.org_id = $1 WHERE a.id = $2',
      ),
    ).toHaveLength(1);
    expect(problemsOf('SELECT 1 FROM appointments a JOIN patients p USING (org_id) WHERE a.id = $2')).toEqual([]);
    // A table without org_id (the organisation itself, the catalog) needs none.
    expect(
      problemsOf(
        'SELECT 1 FROM patients p JOIN organizations o ON o.id = p.org_id JOIN pg_class c ON c.relname = p.id::text',
      ),
    ).toEqual([]);
  });

  it('finds subqueries, EXISTS, IN, CTEs and INSERT … SELECT that read a table without its org_id', () => {
    expect(
      problemsOf(
        `SELECT * FROM patients p WHERE p.org_id = $1 AND EXISTS (SELECT 1 FROM appointments a
          WHERE a.patient_id = p.id)`,
      ),
    ).toEqual(['a subquery reads appointments without a.org_id in its WHERE']);
    expect(
      problemsOf(
        'SELECT * FROM patients p WHERE p.org_id = $1 AND p.id IN (SELECT patient_id FROM care_relationships)',
      ),
    ).toHaveLength(1);
    expect(problemsOf('WITH mine AS (SELECT id FROM patients WHERE email = $1) SELECT * FROM mine')).toHaveLength(1);
    expect(problemsOf('INSERT INTO jobs (org_id, kind) SELECT org_id, $2 FROM patients WHERE id = $1')).toHaveLength(1);
    expect(
      problemsOf(
        `SELECT (SELECT count(*) FROM appointments a WHERE a.org_id = p.org_id AND a.patient_id = p.id)
          FROM patients p WHERE p.org_id = $1`,
      ),
    ).toEqual([]);
    expect(
      problemsOf('SELECT 1 FROM patients WHERE id IN (SELECT patient_id FROM care_relationships WHERE org_id = $1)'),
    ).toEqual([]);
  });

  it('finds a comma join, UPDATE … FROM and DELETE … USING without org_id in the WHERE', () => {
    expect(
      problemsOf('SELECT 1 FROM patients p, appointments a WHERE a.patient_id = p.id AND p.org_id = $1'),
    ).toHaveLength(1);
    expect(
      problemsOf('UPDATE appointments a SET status = $2 FROM patients p WHERE p.id = a.patient_id AND a.org_id = $1'),
    ).toHaveLength(1);
    expect(
      problemsOf('DELETE FROM care_relationships c USING patients p WHERE p.id = c.patient_id AND c.org_id = $1'),
    ).toHaveLength(1);
    expect(
      problemsOf(
        'UPDATE appointments a SET status = $2 FROM patients p WHERE p.org_id = a.org_id AND p.id = a.patient_id',
      ),
    ).toEqual([]);
  });

  it('lets a worker claim its own queue’s next row across organisations, and nothing else', () => {
    const claim = `UPDATE jobs SET attempts = attempts + 1 WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL
      ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED)`;
    expect(problemsOf(claim)).toEqual([]);
    expect(problemsOf(claim.replace('FROM jobs WHERE', 'FROM appointments WHERE'))).toHaveLength(1);
    expect(problemsOf(claim.replace(' SKIP LOCKED', ''))).toHaveLength(1);
  });

  it('reads the SQL inside PL/pgSQL functions', () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE a.org_id = NEW.org_id;
        RETURN NEW;
      END $$`;
    expect(problemsOf(fn)).toEqual(['JOIN patients p without p.org_id in its ON']);
  });

  it('reads templates: same-file constants inlined, fragments wrapped, the rest checked token by token', () => {
    const source = [
      'const VIEW = `SELECT a.id FROM appointments a JOIN patients p ON p.id = a.patient_id`;',
      "export const find = (lock: boolean) => `${VIEW} WHERE a.org_id = $1${lock ? ' FOR UPDATE' : ''}`;",
      "export const clause = 'EXISTS (SELECT 1 FROM care_relationships cr WHERE cr.patient_id = p.id)';",
    ].join('\n');
    const texts = sqlTextsOf(source, 'example.ts');
    expect(texts.map((t) => t.line)).toEqual([1, 2, 3]);
    expect(texts.map((t) => problemsOf(t.variants).length)).toEqual([1, 1, 1]);
    // Not SQL at all: a JOIN of an organisation's table is still found, a clean one passes.
    expect(problemsOf('JOIN patients p ON p.id = x.patient_id WHERE WHERE')).toEqual([
      'JOIN patients without org_id before the next clause',
    ]);
    expect(problemsOf('JOIN patients p ON p.org_id = x.org_id WHERE WHERE')).toEqual([]);
  });
});

describe('every SQL statement of the product', () => {
  it('ties every joined table, subquery and CTE to the organisation', () => {
    const { findings, checked } = scanProject(ROOT, ['src', 'bench']);
    expect(checked).toBeGreaterThan(150);
    expect(findings.map((f) => `${f.where}: ${f.problem} — ${f.sql}`)).toEqual([]);
  });
});
