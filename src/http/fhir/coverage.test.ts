import type { Bundle, Coverage, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { seedCoverages } from '../../../test/support/fhir-coverage-kit.ts';
import { BACKENDS } from '../../../test/support/db.ts';
import { fhirProblems } from '../../../test/support/fhir-validation.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('Coverage in the FHIR R4 API on %s', (backend) => {
  let coverageOfA: string;
  const suite = httpSuite(backend, {
    async setup({ db, world }) {
      // A: auto PIP with an adjuster and an attorney; B: workers' comp.
      coverageOfA = (await seedCoverages(db, world.orgId, [world.patients.a, world.patients.b]))[0]!;
    },
  });
  const a = () => suite.world.patients.a;
  const resources = (bundle: Bundle) => bundle.entry!.map((e) => e.resource!);

  it('reads a coverage with its payer as an Organization, valid, for the desk and the patient', async () => {
    const res = await suite.as('front_desk', 'GET', `/fhir/R4/Coverage/${coverageOfA}`);
    expect(res.statusCode).toBe(200);
    const coverage = res.json() as Coverage;
    expect(coverage).toMatchObject({
      resourceType: 'Coverage',
      status: 'active',
      beneficiary: { reference: `Patient/${a()}` },
      subscriberId: 'POL-55501',
      type: { coding: [{ code: 'AUTOPOL' }] },
      order: 1,
    });
    const payerRef = coverage.payor[0]!.reference!;
    expect(payerRef).toMatch(/^Organization\//);
    const payer = await suite.as('front_desk', 'GET', `/fhir/R4/${payerRef}`);
    expect(payer.json()).toMatchObject({ resourceType: 'Organization', name: 'Evergreen Auto Insurance' });
    expect(fhirProblems([coverage, payer.json() as Resource])).toEqual([]);
    expect((await suite.as('patient', 'GET', `/fhir/R4/Coverage/${coverageOfA}`)).statusCode).toBe(200);
    const audited = await suite.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1 AND patient_id = $2 AND action = 'coverage.read'
        AND outcome = 'allowed'`,
      [suite.world.orgId, a()],
    );
    expect(audited[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('keeps insurance from therapists and from other organisations', async () => {
    const therapist = await suite.as('therapist', 'GET', `/fhir/R4/Coverage/${coverageOfA}`);
    expect(therapist.statusCode).toBe(403);
    expect((therapist.json() as OperationOutcome).issue[0]!.code).toBe('forbidden');
    expect((await suite.as('otherAdmin', 'GET', `/fhir/R4/Coverage/${coverageOfA}`)).statusCode).toBe(404);
    // A therapist's $everything leaves coverage out rather than refusing the chart.
    const chart = resources((await suite.as('therapist', 'GET', `/fhir/R4/Patient/${a()}/$everything`)).json());
    expect(chart.some((r) => r.resourceType === 'Coverage')).toBe(false);
  });

  it('searches Coverage by patient and puts coverage and payer in $everything', async () => {
    const found = (await suite.as('admin', 'GET', `/fhir/R4/Coverage?patient=Patient/${a()}`)).json() as Bundle;
    expect(resources(found).map((r) => r.id)).toEqual([coverageOfA]);
    const other = await suite.as('front_desk', 'GET', `/fhir/R4/Coverage?patient=${suite.world.patients.b}`);
    expect(other.statusCode).toBe(403);
    const all = resources((await suite.as('front_desk', 'GET', `/fhir/R4/Patient/${a()}/$everything`)).json());
    expect(all.filter((r) => r.resourceType === 'Coverage').map((r) => r.id)).toEqual([coverageOfA]);
    expect(all.some((r) => (r as { name?: string }).name === 'Evergreen Auto Insurance')).toBe(true);
    expect(fhirProblems(all)).toEqual([]);
  });
});
