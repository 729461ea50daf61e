import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApp } from '../../src/app.ts';
import { seedDemo } from '../../src/demo/index.ts';
import { addDays, wallClock, zonedWallTimeToInstant } from '../../src/time/index.ts';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_ROOT = `${REPO}dist/web`;
export const CHROMIUM = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'knotwork-demo';
export const DEMO_TODAY = '2026-11-26';
export const EMAILS = {
  admin: 'admin@demo.knotwork.test',
  manager: 'manager@demo.knotwork.test',
  front_desk: 'frontdesk@demo.knotwork.test',
  therapist: 'therapist@demo.knotwork.test',
  patient: 'patient@demo.knotwork.test',
} as const;
export type DemoRole = keyof typeof EMAILS;

/** Every demo site is in Oregon or SW Washington. */
export const DEMO_TIME_ZONE = 'America/Los_Angeles';
/** Where the tests' clock starts: 08:00 on the demo's day, site time (before the first visit). */
export const DEMO_START = zonedWallTimeToInstant(DEMO_TODAY, '08:00', DEMO_TIME_ZONE);

/** The sizes people work at: front desk, therapist's tablet, patient's phone. */
export const VIEWPORTS = {
  desk: { width: 1366, height: 900 },
  tablet: { width: 820, height: 1180 },
  phone: { width: 390, height: 844 },
} as const;
export interface Viewport {
  width: number;
  height: number;
}

/**
 * A clock that reads `start` when made and advances in real time from there, so the server and
 * the pages live on the demo's day whatever the machine's date is.
 */
export function demoClock(start: number = DEMO_START): () => Date {
  const startedAt = performance.now();
  return () => new Date(start + (performance.now() - startedAt));
}

export interface DemoServer {
  url: string;
  stop: () => Promise<void>;
  /** The server's clock; pages made by newPage start at its reading. */
  now: () => Date;
  /** The database it serves, for what the app wrote for people outside it (an outgoing message). */
  db: Database;
  /** The demo organisation's id. */
  orgId: string;
}

/** Builds the web app when its sources changed since the last build (no-op otherwise). */
function ensureWebBuild(): void {
  const { NODE_ENV: _testEnv, ...env } = process.env;
  execFileSync('node', ['scripts/ensure-build.mjs'], { cwd: REPO, stdio: 'inherit', env });
}

/** An in-memory database with the demo organisation, served with the built web app on the demo's clock. */
async function serveDemo(): Promise<DemoServer> {
  ensureWebBuild();
  const db = await openPglite();
  await migrate(db);
  await seedDemo(db, { seed: 1, patients: 60, today: DEMO_TODAY });
  const [org] = await db.query<{ id: string }>('SELECT id FROM organizations ORDER BY created_at LIMIT 1');
  const now = demoClock();
  const app = await startApp(db, { port: 0, webRoot: WEB_ROOT, now });
  return {
    url: app.url,
    now,
    db,
    orgId: org!.id,
    stop: async () => {
      await app.stop();
      await db.close();
    },
  };
}

export interface PageOptions {
  /** Playwright's default wait, ms. */
  timeout?: number;
  /** Touch screen; by default below desk width. */
  touch?: boolean;
  acceptDownloads?: boolean;
}

/**
 * A page in a fresh browser context at `viewport` whose clock (Date, timers) starts at the
 * server's time and then runs: page and server agree on "today". Close it with page.context().close().
 * Tests that time something pause the clock (page.clock.pauseAt / runFor) rather than wait.
 */
async function newPage(
  browser: Browser,
  server: Pick<DemoServer, 'now'>,
  viewport: Viewport,
  options: PageOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    hasTouch: options.touch ?? viewport.width < 1100,
    isMobile: viewport.width < 500,
    // axe is injected as an inline script, which the app's CSP rightly refuses; tests bypass it.
    bypassCSP: true,
    acceptDownloads: options.acceptDownloads ?? false,
    // The clinic's devices are in the clinic's zone, so the page's "today" is the site's.
    timezoneId: DEMO_TIME_ZONE,
  });
  context.setDefaultTimeout(options.timeout ?? 10_000);
  await context.clock.install({ time: server.now() });
  return context.newPage();
}

/** A missing browser is a failure with a clear message, never a skipped test. */
async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}; install it (e.g. apt-get install chromium) and run again.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

async function signIn(page: Page, baseUrl: string, role: DemoRole, path = '/'): Promise<void> {
  await page.goto(baseUrl + path);
  await page.getByLabel('Email address').fill(EMAILS[role]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#site-nav').waitFor({ state: 'attached' });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns only serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: `${REPO}node_modules/axe-core/axe.min.js` });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * The API client every browser test arranges its data with: signs in with a bearer token (no
 * cookie, no CSRF). Called as a function it answers the JSON body and throws on anything but 2xx;
 * `send` answers status and body without judging (for a test that asserts a refusal).
 */
export interface ApiClient {
  <T>(method: string, path: string, body?: unknown): Promise<T>;
  send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  get<T>(path: string): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

export async function apiAs(baseUrl: string, role: DemoRole): Promise<ApiClient> {
  const response = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAILS[role], password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`token for ${role}: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  const request = (method: string, path: string, body?: unknown) =>
    fetch(baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await request(method, path, body);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  return Object.assign(call, {
    send: async <T>(method: string, path: string, body?: unknown) => {
      const res = await request(method, path, body);
      return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
    },
    get: <T>(path: string) => call<T>('GET', path),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  });
}

export interface PatientSummary {
  id: string;
  givenName: string;
  familyName: string;
  version: number;
}

/** Saves a full-page screenshot when KNOTWORK_SHOTS names a folder: for looking, never asserted. */
export async function shotIfAsked(page: Page, name: string): Promise<void> {
  const dir = process.env.KNOTWORK_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** After a failed test, keeps a picture of the screen it failed on when KNOTWORK_SHOTS names a folder. */
async function shotIfFailed(
  page: Page,
  test: { task: { name: string; result?: { state?: string } } },
  index: number,
): Promise<void> {
  if (test.task.result?.state === 'fail') await shotIfAsked(page, `fail-${test.task.name.slice(0, 30)}-${index + 1}`);
}

/**
 * Stops the page's clock (a second ahead of its current reading), so nothing moves until the test
 * says page.clock.runFor(ms); page.clock.resume() lets it run again.
 */
export async function pauseClock(page: Page): Promise<void> {
  const pageNow = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(pageNow + 1000);
}

/**
 * The demo app a test file runs against, started before its first test and stopped after its
 * last. Read its fields from hooks and tests, not while the file is being collected.
 */
export interface DemoSuite {
  readonly url: string;
  readonly db: Database;
  readonly orgId: string;
  /** The server's clock (the pages' too). */
  now(): Date;
  /** The demo sites' calendar date `days` after the server's today. */
  localDate(days?: number): string;
  /** The API client of `role`, for arranging data and checking what the screens did. */
  api(role: DemoRole): Promise<ApiClient>;
}

interface DemoSuiteOptions<S> {
  /** Runs once the app is up (and the browser, in a browser suite): arrange the file's data here. */
  setup?: (suite: S) => Promise<void>;
}

/** Registers the hooks that serve the demo for this file (no browser: for tests of the served API). */
export function demoSuite(options: DemoSuiteOptions<DemoSuite> = {}): DemoSuite {
  const demo = serverSuite();
  beforeAll(async () => {
    await demo.start();
    await options.setup?.(demo.suite);
  });
  afterAll(() => demo.stop());
  return demo.suite;
}

function serverSuite(): { suite: DemoSuite; start(): Promise<void>; stop(): Promise<void> } {
  let server: DemoServer | undefined;
  const running = (): DemoServer => {
    if (!server) throw new Error('The demo server starts in beforeAll; read it from a hook or a test.');
    return server;
  };
  const suite: DemoSuite = {
    get url() {
      return running().url;
    },
    get db() {
      return running().db;
    },
    get orgId() {
      return running().orgId;
    },
    now: () => running().now(),
    localDate: (days = 0) => addDays(wallClock(running().now().getTime(), DEMO_TIME_ZONE).date, days),
    api: (role) => apiAs(running().url, role),
  };
  return {
    suite,
    async start() {
      server = await serveDemo();
    },
    async stop() {
      await server?.stop();
    },
  };
}

export interface BrowserSuite extends DemoSuite {
  /**
   * The page of the test running now, when the suite opens one before each test (`page`). One
   * object for the whole file that acts on the current test's page, so helpers can hold it.
   */
  readonly page: Page;
  /**
   * A page in its own context at `viewport`; closed after the test that opened it (with the browser, if opened in
   * setup).
   */
  open(viewport: Viewport, options?: PageOptions): Promise<Page>;
  /** Signs `page` in as `role` through the sign-in form, landing on `path`. */
  signIn(page: Page, role: DemoRole, path?: string): Promise<void>;
}

/**
 * Registers one test file's browser lifecycle: the demo server and Chromium before the first test,
 * a page at `page` before each test when given, and after each test the pages it opened closed (a
 * picture of each kept first when it failed, see shotIfFailed); the browser and server stop after
 * the last test.
 */
export function browserSuite(
  options: DemoSuiteOptions<BrowserSuite> & {
    /** Opens a page at this viewport before each test (`suite.page`). */
    page?: Viewport;
    /** Options for every page the suite opens, unless open() names its own. */
    pageOptions?: PageOptions;
  } = {},
): BrowserSuite {
  const demo = serverSuite();
  let browser: Browser | undefined;
  let current: Page | undefined;
  let testPages: Page[] | undefined;
  const open = async (viewport: Viewport, pageOptions?: PageOptions): Promise<Page> => {
    if (!browser) throw new Error('The browser starts in beforeAll; open pages from a hook or a test.');
    const page = await newPage(browser, demo.suite, viewport, pageOptions ?? options.pageOptions);
    testPages?.push(page);
    return page;
  };
  const page = new Proxy({} as Page, {
    get(_target, property) {
      if (!current) throw new Error('suite.page exists during a test of a suite opened with { page }.');
      const value: unknown = Reflect.get(current, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
  const suite: BrowserSuite = Object.assign(Object.create(demo.suite) as DemoSuite, {
    page,
    open,
    signIn: (target: Page, role: DemoRole, path?: string) => signIn(target, demo.suite.url, role, path),
  });
  beforeAll(async () => {
    await demo.start();
    browser = await launchBrowser();
    await options.setup?.(suite);
  });
  afterAll(async () => {
    await browser?.close();
    await demo.stop();
  });
  beforeEach(async () => {
    testPages = [];
    if (options.page) current = await open(options.page);
  });
  afterEach(async (test) => {
    const pages = testPages ?? [];
    testPages = undefined;
    current = undefined;
    for (const [index, opened] of pages.entries()) {
      if (opened.isClosed()) continue;
      await shotIfFailed(opened, test, index);
      await opened.context().close();
    }
  });
  return suite;
}
