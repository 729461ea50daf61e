import { describe, expect, it } from 'vitest';
import { ADMIN_SCHEDULING_OPERATIONS } from '../../web/src/api/admin-scheduling.ts';
import { CARE_OPERATIONS } from '../../web/src/api/care.ts';
import { AUTH_OPERATIONS } from '../../web/src/api/auth.ts';
import { PATIENT_OPERATIONS } from '../../web/src/api/patients.ts';
import { LOCATION_OPERATIONS } from '../../web/src/api/locations.ts';
import { THERAPIST_OPERATIONS } from '../../web/src/api/therapists.ts';
import { STAFF_OPERATIONS } from '../../web/src/api/staff.ts';
import { AUDIT_OPERATIONS } from '../../web/src/api/audit.ts';
import { CHARTING_OPERATIONS } from '../../web/src/api/charting.ts';
import { LINK_OPERATIONS } from '../../web/src/api/links.ts';
import { RELIEF_OPERATIONS } from '../../web/src/api/relief.ts';
import { FRONT_DOOR_OPERATIONS } from '../../web/src/api/front-door.ts';
import { RECORD_OPERATIONS } from '../../web/src/api/records.ts';
import { MEASURE_OPERATIONS } from '../../web/src/api/measures.ts';
import { SCREENING_OPERATIONS } from '../../web/src/api/screening.ts';
import { SCHEDULING_OPERATIONS } from '../../web/src/api/scheduling.ts';
import { WAITLIST_OPERATIONS } from '../../web/src/api/waitlist.ts';
import { SCHEDULE_CHANGE_OPERATIONS } from '../../web/src/api/schedule-changes.ts';
import { OUTCOMES_OPERATIONS } from '../../web/src/api/outcomes.ts';
import { INSURANCE_OPERATIONS } from '../../web/src/api/insurance.ts';
import { MONEY_OPERATIONS } from '../../web/src/api/money.ts';
import { demoSuite } from './support.ts';

const API_OPERATIONS = [
  ...AUTH_OPERATIONS,
  ...PATIENT_OPERATIONS,
  ...LOCATION_OPERATIONS,
  ...THERAPIST_OPERATIONS,
  ...STAFF_OPERATIONS,
  ...AUDIT_OPERATIONS,
  ...SCHEDULING_OPERATIONS,
  ...LINK_OPERATIONS,
  ...RELIEF_OPERATIONS,
  ...FRONT_DOOR_OPERATIONS,
  ...WAITLIST_OPERATIONS,
  ...RECORD_OPERATIONS,
  ...SCHEDULE_CHANGE_OPERATIONS,
  ...INSURANCE_OPERATIONS,
];

let paths: Record<string, Record<string, unknown>>;
const app = demoSuite({
  async setup() {
    const response = await fetch(`${app.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    paths = ((await response.json()) as { paths: Record<string, Record<string, unknown>> }).paths;
  },
});

describe('the web client against the OpenAPI document', () => {
  it('calls only operations the server documents', () => {
    const missing = API_OPERATIONS.filter(([method, path]) => !paths[path]?.[method.toLowerCase()]).map(
      ([m, p]) => `${m} ${p}`,
    );
    expect(missing).toEqual([]);
  });

  it('calls only charting operations the server documents, each listed once', () => {
    const missing = CHARTING_OPERATIONS.filter(([method, path]) => !paths[path]?.[method.toLowerCase()]).map(
      ([m, p]) => `${m} ${p}`,
    );
    expect(missing).toEqual([]);
    const keys = CHARTING_OPERATIONS.map(([method, path]) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [, path] of CHARTING_OPERATIONS) expect(path).toMatch(/^\/api\/[a-z/{}.-]+$/);
  });

  it('calls only schedule-admin operations the server documents, each listed once', () => {
    const missing = ADMIN_SCHEDULING_OPERATIONS.filter(([method, path]) => !paths[path]?.[method.toLowerCase()]).map(
      ([m, p]) => `${m} ${p}`,
    );
    expect(missing).toEqual([]);
    const keys = ADMIN_SCHEDULING_OPERATIONS.map(([method, path]) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Path parameters keep the server's camelCase names ({closureId}, {exceptionId}).
    for (const [, path] of ADMIN_SCHEDULING_OPERATIONS) expect(path).toMatch(/^\/api(\/([a-z-]+|\{[a-zA-Z]+\}))+$/);
  });

  it('calls only documented operations from the screening and measures clients', () => {
    const missing = [...SCREENING_OPERATIONS, ...MEASURE_OPERATIONS]
      .filter(([method, path]) => !paths[path]?.[method.toLowerCase()])
      .map(([m, p]) => `${m} ${p}`);
    expect(missing).toEqual([]);
  });

  it('calls only documented operations from the care-team client, each listed once', () => {
    const missing = CARE_OPERATIONS.filter(([method, path]) => !paths[path]?.[method.toLowerCase()]).map(
      ([m, p]) => `${m} ${p}`,
    );
    expect(missing).toEqual([]);
    const keys = CARE_OPERATIONS.map(([method, path]) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('calls only documented operations from the money client (its files: PDF, 837P), each listed once', () => {
    const missing = MONEY_OPERATIONS.filter(([method, path]) => !paths[path]?.[method.toLowerCase()]).map(
      ([m, p]) => `${m} ${p}`,
    );
    expect(missing).toEqual([]);
    const keys = MONEY_OPERATIONS.map(([method, path]) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [, path] of MONEY_OPERATIONS) expect(path).toMatch(/^\/api\/[a-z0-9/{}.-]+$/);
  });

  it('calls only documented operations from the outcomes client (a CSV file is a .csv path), each listed once', () => {
    const missing = OUTCOMES_OPERATIONS.filter(([method, path]) => !paths[path]?.[method.toLowerCase()]).map(
      ([m, p]) => `${m} ${p}`,
    );
    expect(missing).toEqual([]);
    const keys = OUTCOMES_OPERATIONS.map(([method, path]) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [, path] of OUTCOMES_OPERATIONS) expect(path).toMatch(/^\/api\/[a-z/{}.-]+$/);
  });

  it('lists each operation once, with an OpenAPI-style path (a file ends in its type: .pdf, .json)', () => {
    const keys = API_OPERATIONS.map(([method, path]) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [, path] of API_OPERATIONS) expect(path).toMatch(/^\/api\/[a-z/{}-]+(\.(pdf|json))?$/);
  });
});
