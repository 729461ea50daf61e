import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import type { Database } from '../store/database.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import {
  createOrganization,
  findOrganizationBySlug,
  getOrganizationBySlug,
  resolveLocationSlugs,
} from './organizations.ts';
import { buildSite } from '../../test/support/factories.ts';

describe.each(BACKENDS)('organisations on %s', (backend) => {
  let t: { db: Database; drop: () => Promise<void> };
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t.drop());

  it('creates an organisation and finds it by slug', async () => {
    const org = await createOrganization(t.db, { name: '  Rose City NMT ', slug: 'rose-city' });
    expect(org).toMatchObject({ name: 'Rose City NMT', slug: 'rose-city', isDemo: false });
    expect(await findOrganizationBySlug(t.db, 'rose-city')).toEqual(org);
    expect(await findOrganizationBySlug(t.db, 'no-such-org')).toBeNull();
    await expect(getOrganizationBySlug(t.db, 'no-such-org')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a slug already taken with a conflict on slug', async () => {
    await createOrganization(t.db, { name: 'First', slug: 'taken' });
    const err = await createOrganization(t.db, { name: 'Second', slug: 'taken' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).field).toBe('slug');
  });

  it('names the invalid fields', async () => {
    const err = await createOrganization(t.db, { name: '', slug: 'Not A Slug' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields).sort()).toEqual(['name', 'slug']);
  });

  it('keeps the organisation’s IANA time zone, Pacific unless told, and refuses a made-up one', async () => {
    expect((await createOrganization(t.db, { name: 'Pacific', slug: 'zone-default' })).timeZone).toBe(
      'America/Los_Angeles',
    );
    const berlin = await createOrganization(t.db, { name: 'Berlin', slug: 'zone-berlin', timeZone: 'Europe/Berlin' });
    expect((await findOrganizationBySlug(t.db, 'zone-berlin'))?.timeZone).toBe(berlin.timeZone);
    expect(berlin.timeZone).toBe('Europe/Berlin');
    const err = await createOrganization(t.db, {
      name: 'Mars',
      slug: 'zone-mars',
      timeZone: 'Mars/Olympus_Mons',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields)).toEqual(['timeZone']);
    expect(await findOrganizationBySlug(t.db, 'zone-mars')).toBeNull();
  });

  it('resolves location slugs within the organisation only', async () => {
    const a = await createOrganization(t.db, { name: 'A', slug: 'org-a' });
    const b = await createOrganization(t.db, { name: 'B', slug: 'org-b' });
    const north = await buildSite(t.db, a.id, { slug: 'north' });
    const south = await buildSite(t.db, a.id, { slug: 'south' });
    await buildSite(t.db, b.id, { slug: 'east' });
    expect(await resolveLocationSlugs(t.db, a.id, ['south', 'north'])).toEqual([south, north]);
    await expect(resolveLocationSlugs(t.db, a.id, ['north', 'east'])).rejects.toThrow(/east/);
  });
});
