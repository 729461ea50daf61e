import type { Transactional } from './database.ts';

/**
 * Planner statistics. PostgreSQL's autovacuum keeps them fresh, so on PostgreSQL these do nothing.
 * PGlite runs no autovacuum: without an ANALYZE its planner guesses row counts, and a patient list
 * or a booking that takes milliseconds with statistics took whole seconds without them.
 */

/** Analyzes every table (PGlite only): after migrations, seeding the demo, or restoring a backup. */
export async function analyzeAll(db: Transactional): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  await db.exec('ANALYZE');
  return true;
}

/**
 * Analyzes the tables that changed enough since their last ANALYZE, by autovacuum's own default rule
 * (50 rows plus 10 % of the table), and tables holding rows that were never analyzed (PGlite only).
 * Returns the tables analyzed.
 */
export async function analyzeChanged(db: Transactional): Promise<string[]> {
  if (db.kind !== 'pglite') return [];
  // Write counts wait in the backend until a flush; ask for one so the view below sees them.
  await db.query('SELECT pg_stat_force_next_flush()');
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
      WHERE c.relkind = 'r' AND n.nspname = current_schema()
        AND (coalesce(s.n_mod_since_analyze, 0) > 50 + 0.1 * greatest(c.reltuples, 0)
             OR (c.reltuples < 0 AND pg_relation_size(c.oid) > 0))
      ORDER BY c.relname`,
  );
  for (const { name } of rows) await db.exec(`ANALYZE "${name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.name);
}
