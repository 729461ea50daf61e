import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { transferBundle } from '../../../test/support/fhir-import-kit.ts';
import { fhirProblems } from '../../../test/support/fhir-validation.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

const FHIR = { 'content-type': 'application/fhir+json' };

describe.each(BACKENDS)('FHIR import (transaction Bundle) on %s', (backend) => {
  const suite = httpSuite(backend);
  const count = async (table: string) =>
    Number(
      (
        await suite.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE org_id = $1`, [suite.world.orgId])
      )[0]!.n,
    );
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        ['patients', 'therapists', 'locations', 'payers', 'coverages', 'appointments', 'credentials'].map(
          async (t) => [t, await count(t)] as const,
        ),
      ),
    );

  it('imports a site, payer, therapist, patient, coverage and visit, and a second import changes nothing', async () => {
    const before = await counts();
    const first = await suite.as('admin', 'POST', '/fhir/R4', transferBundle('a'), FHIR);
    expect(first.statusCode, first.body).toBe(200);
    const answer = first.json() as Bundle;
    expect(answer.type).toBe('transaction-response');
    // What was sent and what came back are both valid R4 (the sample is what another system would send).
    expect(fhirProblems([transferBundle('a'), answer])).toEqual([]);
    expect(answer.entry!.map((e) => e.response!.status)).toEqual(Array(6).fill('201 Created'));
    // Entries answer in the order sent: the patient came first, the visit last.
    expect(answer.entry![0]!.response!.location).toMatch(/^Patient\/[0-9a-f-]{36}$/);
    expect(answer.entry![5]!.response!.location).toMatch(/^Appointment\//);
    const after = await counts();
    for (const table of ['patients', 'therapists', 'locations', 'payers', 'coverages', 'appointments', 'credentials'])
      expect(after[table], table).toBe(before[table]! + 1);

    const patient = await suite.as('admin', 'GET', `/fhir/R4/${answer.entry![0]!.response!.location}`);
    expect(patient.json()).toMatchObject({ name: [{ family: 'Okafor', given: ['Ngozia'] }], birthDate: '1979-04-12' });
    const visit = await suite.as('admin', 'GET', `/fhir/R4/${answer.entry![5]!.response!.location}`);
    expect(visit.json()).toMatchObject({ status: 'fulfilled', start: '2026-10-05T16:00:00.000Z' });
    const audited = await suite.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE org_id = $1
          AND action IN ('fhir.import', 'patient.create', 'appointment.import')`,
      [suite.world.orgId],
    );
    expect(audited.map((a) => a.action).sort()).toEqual(['appointment.import', 'fhir.import', 'patient.create']);

    const again = await suite.as('admin', 'POST', '/fhir/R4', transferBundle('a'), FHIR);
    expect(again.statusCode, again.body).toBe(200);
    const second = again.json() as Bundle;
    expect(second.entry!.map((e) => e.response!.status)).toEqual(Array(6).fill('200 OK'));
    expect(second.entry!.map((e) => e.response!.location)).toEqual(answer.entry!.map((e) => e.response!.location));
    expect(await counts()).toEqual(after);
  });

  it('refuses the whole Bundle, naming each refused entry and field, and writes nothing', async () => {
    const before = await counts();
    const bundle = transferBundle('b');
    delete (bundle.entry![0]!.resource as { birthDate?: string }).birthDate;
    bundle.entry![5]!.resource = {
      ...(bundle.entry![5]!.resource as object),
      participant: [
        { actor: { reference: 'urn:uuid:3f1c2c64-6c38-4d8e-9d1e-000000000004' }, status: 'accepted' },
        { actor: { reference: 'Practitioner/no-such-therapist' }, status: 'accepted' },
      ],
    } as never;
    const res = await suite.as('admin', 'POST', '/fhir/R4', bundle, FHIR);
    expect(res.statusCode).toBe(400);
    const outcome = res.json() as OperationOutcome;
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue.map((i) => i.details!.text)).toEqual(['Entry 0 (patient): the date of birth is missing.']);
    expect(outcome.issue[0]!.expression).toEqual(['Bundle.entry[0].resource.birthDate']);
    expect(await counts()).toEqual(before);

    // With the patient put right, the unknown therapist is what stops it, after the rest was written: all undone.
    (bundle.entry![0]!.resource as { birthDate?: string }).birthDate = '1979-04-12';
    const later = await suite.as('admin', 'POST', '/fhir/R4', bundle, FHIR);
    expect(later.statusCode).toBe(400);
    const texts = (later.json() as OperationOutcome).issue.map((i) => i.details!.text);
    expect(texts).toEqual([
      'Entry 5 (appointment): the therapist it names (Practitioner/no-such-therapist) ' +
        'is neither in this Bundle nor kept here.',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a batch, a type it does not import, and anyone but an administrator', async () => {
    const batch = await suite.as('admin', 'POST', '/fhir/R4', { ...transferBundle('c'), type: 'batch' }, FHIR);
    expect(batch.statusCode).toBe(400);
    expect((batch.json() as OperationOutcome).issue[0]!.code).toBe('not-supported');
    const encounter = transferBundle('c');
    encounter.entry!.push({
      resource: { resourceType: 'Encounter' } as never,
      request: { method: 'POST', url: 'Encounter' },
    });
    const refused = await suite.as('admin', 'POST', '/fhir/R4', encounter, FHIR);
    expect((refused.json() as OperationOutcome).issue[0]!.details!.text).toMatch(
      /^Entry 6 \(Encounter\): Knotwork imports patients/,
    );
    const manager = await suite.as('manager', 'POST', '/fhir/R4', transferBundle('c'), FHIR);
    expect(manager.statusCode).toBe(403);
    expect((manager.json() as OperationOutcome).resourceType).toBe('OperationOutcome');
  });

  it('refuses a visit that double-books the therapist, as a conflict', async () => {
    const first = await suite.as('admin', 'POST', '/fhir/R4', transferBundle('d', '2026-10-07T16:00:00Z'), FHIR);
    expect(first.statusCode, first.body).toBe(200);
    const bundle = transferBundle('d', '2026-10-07T16:30:00Z');
    // Another patient, the same therapist half an hour later.
    (bundle.entry![0]!.resource as { identifier: { value: string }[] }).identifier[0]!.value = 'MRN-d-2002';
    const clash = await suite.as('admin', 'POST', '/fhir/R4', bundle, FHIR);
    expect(clash.statusCode, clash.body).toBe(409);
    expect((clash.json() as OperationOutcome).issue[0]!.details!.text).toMatch(/^Entry 5 \(appointment\): it clashes/);
  });
});
