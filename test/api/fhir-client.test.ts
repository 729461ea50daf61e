import type { Bundle, CapabilityStatement, Resource } from '@medplum/fhirtypes';
import { Client } from 'fhir-kit-client';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/db.ts';
import { buildAppointment, buildService } from '../support/factories.ts';
import { transferBundle } from '../support/fhir-import-kit.ts';
import { httpSuite } from '../support/http-suite.ts';
import { tokenFor } from '../support/world.ts';

/** A real FHIR client (fhir-kit-client) against a listening server: what another system would do. */
describe.each(BACKENDS)('the FHIR API through fhir-kit-client on %s', (backend) => {
  let client: Client;
  const suite = httpSuite(backend, {
    async setup(s) {
      const { db, world } = s;
      await buildService(db, world.orgId);
      await buildAppointment(db, world.orgId, {
        patientId: world.patients.a,
        therapistId: world.therapists.a,
        locationId: world.sites.a,
        start: '2026-12-02T17:00:00Z',
      });
      await s.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = s.app.server.address() as { port: number };
      client = new Client({
        baseUrl: `http://127.0.0.1:${port}/fhir/R4`,
        bearerToken: await tokenFor(s.app, world.users.admin.email),
      });
    },
  });
  /** The client types every answer loosely; these tests read them as what the server sent. */
  const bundleOf = (answer: unknown) => answer as Bundle;
  const ids = (answer: unknown, mode = 'match') =>
    (bundleOf(answer).entry ?? [])
      .filter((e) => e.search?.mode === mode)
      .map((e) => `${e.resource!.resourceType}/${e.resource!.id}`);

  it('reads the CapabilityStatement, with the includes the server follows', async () => {
    const cs = (await client.capabilityStatement()) as unknown as CapabilityStatement;
    expect(cs.fhirVersion).toBe('4.0.1');
    const appointment = cs.rest![0]!.resource!.find((r) => r.type === 'Appointment')!;
    expect(appointment.searchInclude).toEqual([
      'Appointment:patient',
      'Appointment:practitioner',
      'Appointment:location',
    ]);
  });

  it('searches patients by name and pages through all of them by the next and previous links', async () => {
    const found = await client.search({ resourceType: 'Patient', searchParams: { name: 'Alice' } });
    expect(ids(found)).toEqual([`Patient/${suite.world.patients.a}`]);
    const first = await client.search({ resourceType: 'Patient', searchParams: { _count: 1 } });
    expect(bundleOf(first).total).toBe(2);
    const second = (await client.nextPage({ bundle: first as Parameters<Client['nextPage']>[0]['bundle'] }))!;
    expect(bundleOf(second).total).toBe(2);
    expect(ids(second)).toHaveLength(1);
    expect(new Set([...ids(first), ...ids(second)])).toEqual(
      new Set([`Patient/${suite.world.patients.a}`, `Patient/${suite.world.patients.b}`]),
    );
    // The last page has no next; going back returns the first page again.
    const last = second as Parameters<Client['nextPage']>[0]['bundle'];
    expect(client.nextPage({ bundle: last })).toBeUndefined();
    expect(ids(await client.prevPage({ bundle: last }))).toEqual(ids(first));
  });

  it('searches appointments with the patient, therapist and site included', async () => {
    const { patients, therapists, sites } = suite.world;
    const bundle = await client.search({
      resourceType: 'Appointment',
      searchParams: {
        patient: patients.a,
        _include: ['Appointment:patient', 'Appointment:practitioner', 'Appointment:location'],
      },
    });
    expect(ids(bundle)).toHaveLength(1);
    expect(ids(bundle, 'include').sort()).toEqual(
      [`Patient/${patients.a}`, `Practitioner/${therapists.a}`, `Location/${sites.a}`].sort(),
    );
  });

  it("calls Patient/$everything and gets the patient's chart", async () => {
    const bundle = bundleOf(
      await client.operation({
        name: '$everything',
        resourceType: 'Patient',
        id: suite.world.patients.a,
        method: 'GET',
      }),
    );
    const types = new Set((bundle.entry ?? []).map((e) => (e.resource as Resource).resourceType));
    expect(types).toContain('Patient');
    expect(types).toContain('Appointment');
    const read = (await client.read({ resourceType: 'Patient', id: suite.world.patients.a })) as unknown as Resource;
    expect(read).toMatchObject({ resourceType: 'Patient', id: suite.world.patients.a });
  });

  it('sends a transaction Bundle and reads back the patient it imported', async () => {
    type Answer = Parameters<Client['transaction']>[0]['body'];
    const answer = bundleOf(await client.transaction({ body: transferBundle('kit') as unknown as Answer }));
    expect(answer.type).toBe('transaction-response');
    expect(answer.entry!.map((e) => e.response!.status)).toEqual(Array(6).fill('201 Created'));
    const [type, id] = answer.entry![0]!.response!.location!.split('/');
    const patient = (await client.read({ resourceType: type!, id: id! })) as unknown as Resource;
    expect(patient).toMatchObject({ resourceType: 'Patient', birthDate: '1979-04-12' });
    // The same Bundle again: every record matched, none made twice.
    const again = bundleOf(await client.transaction({ body: transferBundle('kit') as unknown as Answer }));
    expect(again.entry!.map((e) => e.response!.location)).toEqual(answer.entry!.map((e) => e.response!.location));
  });
});
