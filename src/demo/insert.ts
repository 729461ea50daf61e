import type { Queryable } from '../store/database.ts';

export const INSERT_BATCH_SIZE = 1000;

/**
 * Inserts plain objects (keys = column names) in batches: one statement per batch, the rows sent
 * as one JSON parameter and unpacked by json_populate_recordset, which converts every value to
 * its column's type. Only the keys of the first row are written, so generated columns stay out.
 * `table` must be a trusted identifier, never user input.
 */
export async function insertRows(
  db: Queryable,
  table: string,
  rows: readonly object[],
  batchSize = INSERT_BATCH_SIZE,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first)
    .map((column) => `"${column}"`)
    .join(', ');
  const sql = `INSERT INTO ${table} (${columns}) SELECT ${columns}
    FROM json_populate_recordset(null::${table}, $1::json)`;
  for (let start = 0; start < rows.length; start += batchSize) {
    await db.query(sql, [JSON.stringify(rows.slice(start, start + batchSize))]);
  }
}
