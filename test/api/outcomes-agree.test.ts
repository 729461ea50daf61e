import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import type { OutcomesAnswer } from '../../src/services/outcomes/index.ts';
import { OUTCOMES_TABLE_IDS } from '../../src/services/outcomes/index.ts';
import { openPostgres } from '../../src/store/postgres.ts';
import { openMigratedDatabase, type StoreConfig } from '../../src/store/open.ts';
import { BACKENDS, type Backend } from '../support/db.ts';
import { seedOutcomeRows } from '../support/outcome-rows.ts';
import { buildWorld, tokenFor } from '../support/world.ts';

/**
 * The page, the API, the CSV files and the command line show one set of figures: on the same
 * episode rows, GET /api/outcomes, every GET /api/outcomes.csv table and `knotwork report outcomes`
 * --json and --csv agree cell for cell. (The browser test reads the page's tables against the API.)
 */
const ROOT = new URL('../..', import.meta.url).pathname;
const RANGE = 'from=2026-01-01&to=2026-06-30';

function knotwork(args: string[], config: StoreConfig) {
  const env: NodeJS.ProcessEnv = { ...process.env, KNOTWORK_DATA_DIR: config.dataDir };
  if (config.databaseUrl) env.KNOTWORK_DATABASE_URL = config.databaseUrl;
  else delete env.KNOTWORK_DATABASE_URL;
  const run = spawnSync(process.execPath, ['bin/knotwork.mjs', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`knotwork ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

/** A store of its own that the command line can open too: a PGlite folder, or a PostgreSQL database with a URL. */
async function ownStore(backend: Backend): Promise<{ config: StoreConfig; drop: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'knotwork-outcomes-agree-'));
  if (backend === 'pglite')
    return { config: { dataDir: folder }, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  const admin = new URL(process.env.KNOTWORK_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `knotwork_agree_${process.pid}_${Date.now().toString(36)}`;
  const server = await openPostgres(admin.toString(), { max: 1 });
  await server.exec(`CREATE DATABASE ${name}`);
  await server.close();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    config: { dataDir: folder, databaseUrl: url.toString() },
    drop: async () => {
      const again = await openPostgres(admin.toString(), { max: 1 });
      await again.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

describe.each(BACKENDS)('outcomes agree across API, CSV and command line on %s', { timeout: 300_000 }, (backend) => {
  let store: Awaited<ReturnType<typeof ownStore>>;
  let slug: string;
  let json: OutcomesAnswer;
  const csv = new Map<string, string>();

  beforeAll(async () => {
    store = await ownStore(backend);
    const db = await openMigratedDatabase(store.config);
    const app = await buildServer({ db, now: () => new Date('2026-11-20T18:00:00Z') });
    try {
      const world = await buildWorld(db);
      await seedOutcomeRows(db, world);
      slug = (await db.query<{ slug: string }>('SELECT slug FROM organizations WHERE id = $1', [world.orgId]))[0]!.slug;
      const headers = { authorization: `Bearer ${await tokenFor(app, world.users.admin.email)}` };
      const res = await app.inject({ method: 'GET', url: `/api/outcomes?${RANGE}`, headers });
      expect(res.statusCode).toBe(200);
      json = res.json();
      for (const table of OUTCOMES_TABLE_IDS) {
        const file = await app.inject({ method: 'GET', url: `/api/outcomes.csv?${RANGE}&table=${table}`, headers });
        expect(file.statusCode).toBe(200);
        expect(file.headers['content-type']).toMatch(/^text\/csv/);
        csv.set(table, file.body);
      }
    } finally {
      await app.close();
      await db.close();
    }
  });
  afterAll(() => store?.drop());

  it('has figures to agree on: the claim is reported, both ways, with its counts', () => {
    const claim = json.tables.find((t) => t.id === 'claim')!;
    const [allStarted, completed] = claim.rows;
    expect(allStarted![1]).toEqual(expect.any(Number));
    expect(allStarted![2]).toBeGreaterThanOrEqual(11);
    expect(completed![2]).toBeLessThanOrEqual(allStarted![2] as number);
    // Only episodes started in the range: months 1–6 of the seeded rows (18 of 24 at each site).
    expect(json.report.overall.status === 'reported' && json.report.overall.episodes).toBe(36);
  });

  it('every CSV table holds the rows of the JSON table, cell for cell', () => {
    for (const table of json.tables) {
      const [header, ...rows] = parse(csv.get(table.id)!, { relax_column_count: false }) as string[][];
      expect(header).toEqual(table.columns);
      expect(rows).toEqual(table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))));
    }
  });

  it('the command line prints the same report (--json) and the same files (--csv)', () => {
    const cli = JSON.parse(
      knotwork(
        ['report', 'outcomes', '--org', slug, '--from', '2026-01-01', '--to', '2026-06-30', '--json'],
        store.config,
      ),
    ) as OutcomesAnswer;
    expect(cli.tables).toEqual(json.tables);
    expect(cli.report).toEqual(json.report);
    for (const table of ['claim', 'site'] as const) {
      const printed = knotwork(
        ['report', 'outcomes', '--org', slug, '--from', '2026-01-01', '--to', '2026-06-30', '--csv', '--table', table],
        store.config,
      );
      expect(printed).toBe(csv.get(table));
    }
  });
});
