import type { Queryable } from '../database.ts';

export type Discipline = 'nmt' | 'chiropractic' | 'acupuncture' | 'corrective-exercise';

export interface RequirementJson {
  kind: 'licence' | 'certification';
  types: string[];
  sameStateAsSite?: boolean;
  label: string;
}

export interface ServiceRow {
  id: string;
  code: string;
  name: string;
  discipline: Discipline;
  durationMinutes: number;
  bufferAfterMinutes: number;
  needsRoom: boolean;
  isInitial: boolean;
  requirements: RequirementJson[];
  active: boolean;
  /** In the currency's minor unit (cents); null while the clinic has set no price. */
  priceCents: number | null;
  /** ISO 4217, e.g. USD. */
  currency: string;
}

export type ServiceFields = Omit<ServiceRow, 'id'>;

const COLUMNS = `id, code, name, discipline, duration_minutes AS "durationMinutes",
  buffer_after_minutes AS "bufferAfterMinutes",
  needs_room AS "needsRoom", is_initial AS "isInitial", requirements, active, price_cents AS "priceCents", currency`;

export async function listServices(db: Queryable, orgId: string): Promise<ServiceRow[]> {
  return db.query<ServiceRow>(`SELECT ${COLUMNS} FROM services WHERE org_id = $1 ORDER BY code`, [orgId]);
}

function toParams(f: ServiceFields): unknown[] {
  return [
    f.code,
    f.name,
    f.discipline,
    f.durationMinutes,
    f.bufferAfterMinutes,
    f.needsRoom,
    f.isInitial,
    JSON.stringify(f.requirements),
    f.active,
    f.priceCents,
    f.currency,
  ];
}

/** Inserts with a given id (defaults keep a stable id); does nothing when the code already exists. */
export async function insertService(db: Queryable, orgId: string, id: string, f: ServiceFields): Promise<void> {
  await db.query(
    `INSERT INTO services (code, name, discipline, duration_minutes, buffer_after_minutes, needs_room, is_initial,
      requirements, active, price_cents, currency, org_id, id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13) ON CONFLICT (org_id, code) DO NOTHING`,
    [...toParams(f), orgId, id],
  );
}

export async function updateService(db: Queryable, orgId: string, id: string, f: ServiceFields): Promise<void> {
  await db.query(
    `UPDATE services SET code = $1, name = $2, discipline = $3, duration_minutes = $4, buffer_after_minutes = $5,
      needs_room = $6,
            is_initial = $7, requirements = $8::jsonb, active = $9, price_cents = $10, currency = $11
            WHERE org_id = $12 AND id = $13`,
    [...toParams(f), orgId, id],
  );
}

export async function readOrgSettings(db: Queryable, orgId: string): Promise<Record<string, unknown> | null> {
  const rows = await db.query<{ settings: Record<string, unknown> }>(
    'SELECT settings FROM organizations WHERE id = $1',
    [orgId],
  );
  return rows[0]?.settings ?? null;
}

/** Replaces one top-level key of the organisation's settings, leaving the others alone. */
export async function writeOrgSetting(db: Queryable, orgId: string, key: string, value: unknown): Promise<void> {
  await db.query(
    `UPDATE organizations SET settings = jsonb_set(settings, ARRAY[$2::text], $3::jsonb, true) WHERE id = $1`,
    [orgId, key, JSON.stringify(value)],
  );
}
