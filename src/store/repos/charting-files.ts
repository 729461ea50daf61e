import type { Queryable } from '../database.ts';

/** Uploaded documents, bytes in the database (bytea) so a backup carries them with the chart. */

export interface FileMeta {
  id: string;
  patientId: string;
  filename: string;
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

const META = `id, patient_id AS "patientId", filename, content_type AS "contentType", size, sha256,
  uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"`;

export async function insertFile(
  db: Queryable,
  orgId: string,
  f: Omit<FileMeta, 'id'> & { data: Uint8Array },
): Promise<FileMeta> {
  const rows = await db.query<FileMeta>(
    `INSERT INTO files (org_id, patient_id, filename, content_type, size, sha256, data, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, decode($7, 'base64'), $8, $9) RETURNING ${META}`,
    [
      orgId,
      f.patientId,
      f.filename,
      f.contentType,
      f.size,
      f.sha256,
      Buffer.from(f.data).toString('base64'),
      f.uploadedBy,
      f.uploadedAt,
    ],
  );
  return rows[0]!;
}

export async function findFileMeta(db: Queryable, orgId: string, id: string): Promise<FileMeta | null> {
  const rows = await db.query<FileMeta>(`SELECT ${META} FROM files WHERE org_id = $1 AND id = $2`, [orgId, id]);
  return rows[0] ?? null;
}

/** The bytes, fetched as base64 text so both drivers hand back the same thing. */
export async function readFileData(db: Queryable, orgId: string, id: string): Promise<Buffer | null> {
  const rows = await db.query<{ data: string }>(
    `SELECT encode(data, 'base64') AS data FROM files WHERE org_id = $1 AND id = $2`,
    [orgId, id],
  );
  return rows[0] ? Buffer.from(rows[0].data, 'base64') : null;
}
