import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { seedCoverages } from '../../../test/support/fhir-coverage-kit.ts';
import { canonicalBase } from '../../fhir/base.ts';
import { transactionOf } from '../../fhir/import-bundle.ts';
import { isPayer } from '../../fhir/import-places.ts';
import { seedDemo } from '../../demo/seed.ts';
import type { Database } from '../../store/database.ts';
import { createOrganization } from '../organizations.ts';
import { createUser } from '../users.ts';
import { exportForOperator } from './export-operator.ts';
import { importForOperator } from './import-operator.ts';

const TODAY = '2026-11-26';
const TYPES = ['Patient', 'Practitioner', 'Location', 'Organization', 'Coverage', 'Appointment'];

/** What an export holds of the imported types, payers only among the organisations (the clinic is itself). */
async function exported(db: Database, orgSlug: string): Promise<Resource[]> {
  const ctx = { db, now: () => new Date(`${TODAY}T20:00:00Z`) };
  const { byType } = await exportForOperator(ctx, { orgSlug, types: TYPES });
  return [...byType.values()].flat().filter((r) => r.resourceType !== 'Organization' || isPayer(r as never));
}

/**
 * The same records read the same way: server-kept metadata dropped, ids and the organisation's canonical
 * base written as the copy's, credential ids (a record's parts, not in the import's answer) left out,
 * then each type's resources in one order.
 */
function normalised(resources: readonly Resource[], ids: Map<string, string>, from: string, to: string): string[] {
  return resources
    .map((r) => {
      const { meta: _meta, ...rest } = r as Resource & { meta?: unknown };
      let json = JSON.stringify(rest, (key, value: unknown) =>
        key === 'qualification' ? qualifications(value) : value,
      );
      json = json.split(from).join(to);
      for (const [a, b] of ids) json = json.split(a).join(b);
      return json;
    })
    .sort();
}

const qualifications = (value: unknown) =>
  (value as { id?: string }[])
    .map(({ id: _id, ...q }) => q)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe.each(BACKENDS)('the demo organisation exported, imported into a new one, exported again, on %s', (backend) => {
  let t: { db: Database; drop: () => Promise<void> };
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const demo = await seedDemo(t.db, { seed: 5, patients: 12, today: TODAY });
    // Beside the demo's own coverages, four patients without one get every way of paying the kit knows.
    const some = await t.db.query<{ id: string }>(
      `SELECT id FROM patients p WHERE org_id = $1
          AND NOT EXISTS (SELECT 1 FROM coverages c WHERE c.org_id = p.org_id AND c.patient_id = p.id)
        ORDER BY id LIMIT 4`,
      [demo.orgId],
    );
    await seedCoverages(
      t.db,
      demo.orgId,
      some.map((p) => p.id),
    );
    const copy = await createOrganization(t.db, { name: 'Copy Clinic', slug: 'copy', timeZone: 'America/Los_Angeles' });
    await createUser(t.db, {
      orgId: copy.id,
      email: 'admin@copy.knotwork.test',
      displayName: 'Copy Admin',
      role: 'admin',
      password: 'a-long-enough-password',
    });
  }, 110_000);
  afterAll(() => t?.drop());

  it('reads back equal, and a second import of the same files matches every record', async () => {
    const ctx = { db: t.db, now: () => new Date(`${TODAY}T21:00:00Z`) };
    const first = await exported(t.db, 'demo');
    expect(new Set(first.map((r) => r.resourceType))).toEqual(new Set(TYPES));

    const bundle = transactionOf(first as unknown as Record<string, unknown>[]);
    const summary = await importForOperator(ctx, { orgSlug: 'copy', bundle });
    expect(summary).toMatchObject({ created: first.length, matched: 0 });
    const ids = new Map<string, string>(first.map((r, i) => [r.id!, summary.results[i]!.id]));
    const [demoOrg, copyOrg] = await t.db.query<{ id: string }>(
      `SELECT id FROM organizations WHERE slug IN ('demo', 'copy') ORDER BY slug DESC`,
    );
    ids.set(demoOrg!.id, copyOrg!.id);

    const second = await exported(t.db, 'copy');
    expect(normalised(second, new Map(), '', '')).toEqual(
      normalised(first, ids, canonicalBase('demo'), canonicalBase('copy')),
    );

    const again = await importForOperator(ctx, { orgSlug: 'copy', bundle });
    expect(again).toMatchObject({ created: 0, matched: first.length });
    expect(again.results.map((r) => r.id)).toEqual(summary.results.map((r) => r.id));
  }, 110_000);
});
