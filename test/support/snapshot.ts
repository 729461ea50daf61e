import type { Database } from '../../src/store/database.ts';

/** Tables whose contents a refused or invalid request must leave untouched (logs of access excluded). */
const EXCLUDED = new Set(['audit_events', 'sessions', 'login_throttle', 'schema_migrations', 'jobs']);

export async function dataTables(db: Database): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name).filter((t) => !EXCLUDED.has(t));
}

/** A fingerprint of every data table: equal fingerprints mean no row was added, changed or removed. */
export async function snapshot(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await dataTables(db)) {
    const rows = await db.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${table} t`,
    );
    out[table] = `${rows[0]!.n}:${rows[0]!.h ?? ''}`;
  }
  return out;
}
