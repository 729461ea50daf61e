import type { Queryable } from '../database.ts';

/** Secrets of the installation itself (not of one organisation), such as the link-signing key. */
export async function readInstallationSecret(db: Queryable, name: string): Promise<string | null> {
  const rows = await db.query<{ value: string }>('SELECT value FROM installation_secrets WHERE name = $1', [name]);
  return rows[0]?.value ?? null;
}

/** Stores `value` unless a secret of that name exists; returns the one that won. */
export async function ensureInstallationSecret(db: Queryable, name: string, value: string): Promise<string> {
  await db.query('INSERT INTO installation_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    value,
  ]);
  return (await readInstallationSecret(db, name))!;
}
