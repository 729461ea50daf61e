/**
 * Migration 0018 renamed "practitioner" to "therapist" in table and column names. A backup
 * written before it names the old tables and columns; a restore reads them under the new names.
 * (This file and the migrations are the only places that still spell the old word.)
 */
const RENAMED_IN = 18;

/** The name a table or column of a backup at `schemaVersion` has in today's schema. */
export function currentName(name: string, schemaVersion: number): string {
  return schemaVersion < RENAMED_IN ? name.replace(/practitioner/g, 'therapist') : name;
}
