/** The demo organisation: invented clinics, staff and patients for trying Knotwork out. */
export { DEFAULT_DEMO_PATIENTS, DEFAULT_DEMO_SEED, MAX_DEMO_PATIENTS, ensureDemo, seedDemo } from './seed.ts';
export type { DemoSummary, SeedDemoOptions } from './seed.ts';
export {
  DEMO_EMAIL_DOMAIN,
  DEMO_LOGINS,
  DEMO_ORG_NAME,
  DEMO_ORG_SLUG,
  DEMO_PASSWORD,
  frontDeskEmail,
} from './accounts.ts';
export type { DemoLogin } from './accounts.ts';
export { TIME_ZONE as DEMO_TIME_ZONE } from './sites.ts';
