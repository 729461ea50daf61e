import type { Bundle, CapabilityStatement, DocumentReference, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { seedFhirChartExtras } from '../../../test/support/fhir-chart-seed.ts';
import { fhirProblems } from '../../../test/support/fhir-validation.ts';
import { buildAppointment, buildService } from '../../../test/support/factories.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { intakeDocument, noteWithHomeCare } from '../../../test/support/session-kit.ts';
import { seedScreenedIntake } from '../../../test/support/session-seed.ts';

describe.each(BACKENDS)('the FHIR R4 read API on %s', (backend) => {
  let noteId: string;
  let extras: Awaited<ReturnType<typeof seedFhirChartExtras>>;
  const suite = httpSuite(backend, {
    async setup(s) {
      const { db, world } = s;
      noteId = await noteWithHomeCare(db, world, false);
      extras = await seedFhirChartExtras(
        db,
        world.orgId,
        { patientId: world.patients.a, therapistId: world.therapists.a, userId: world.users.therapist.id, noteId },
        new Date('2026-11-12T18:00:00Z'),
      );
      // The desk's readings with a later intake version.
      await seedScreenedIntake(
        db,
        world.orgId,
        world.patients.a,
        world.users.admin.id,
        {
          ...intakeDocument('clear'),
          answers: {
            ...intakeDocument('clear').answers,
            bloodPressure: { systolic: 128, diastolic: 82 },
            temperatureC: 36.7,
          },
        },
        new Date('2026-11-10T17:00:00Z'),
      );
      await db.query(
        `INSERT INTO measure_responses (org_id, patient_id, measure, answers, score, taken_at, session_note_id,
          entered_by, entered_role) VALUES ($1, $2, 'nprs', '[6]', 6, '2026-11-10T18:00:00Z', $3, $4, 'patient')`,
        [world.orgId, world.patients.a, noteId, world.users.patient.id],
      );
      await buildService(db, world.orgId);
      // 09:00 in Los Angeles on 2 December (A), and B's visit the same morning at B's site.
      for (const [patientId, therapistId, locationId] of [
        [world.patients.a, world.therapists.a, world.sites.a],
        [world.patients.b, world.therapists.b, world.sites.b],
      ] as const)
        await buildAppointment(db, world.orgId, { patientId, therapistId, locationId, start: '2026-12-02T17:00:00Z' });
    },
  });
  const a = () => suite.world.patients.a;
  const fhirJson = (res: { headers: Record<string, unknown> }) =>
    expect(String(res.headers['content-type'])).toMatch(/^application\/fhir\+json/);
  const resources = (bundle: Bundle) => bundle.entry!.map((e) => e.resource!);
  const outcome = (body: unknown) => (body as OperationOutcome).issue[0]!;

  it('serves its CapabilityStatement, which validates, to anyone', async () => {
    const res = await suite.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(res.statusCode).toBe(200);
    fhirJson(res);
    const cs = res.json() as Resource;
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(fhirProblems([cs])).toEqual([]);
    // The import at the base is said as FHIR says a system-level interaction.
    expect((cs as CapabilityStatement).rest![0]!.interaction).toEqual([
      expect.objectContaining({ code: 'transaction' }),
    ]);
  });

  it('reads a patient as the JSON API allows: own record, staff of the site, never another patient', async () => {
    const mine = await suite.as('patient', 'GET', `/fhir/R4/Patient/${a()}`);
    expect(mine.statusCode).toBe(200);
    fhirJson(mine);
    expect(mine.json()).toMatchObject({ resourceType: 'Patient', id: a(), birthDate: '1980-02-03' });
    expect((await suite.as('front_desk', 'GET', `/fhir/R4/Patient/${a()}`)).statusCode).toBe(200);
    const other = await suite.as('patient', 'GET', `/fhir/R4/Patient/${suite.world.patients.b}`);
    expect(other.statusCode).toBe(403);
    fhirJson(other);
    expect(outcome(other.json())).toMatchObject({ severity: 'error', code: 'forbidden' });
    const away = await suite.as('otherAdmin', 'GET', `/fhir/R4/Patient/${a()}`);
    expect(away.statusCode).toBe(404);
    expect(outcome(away.json()).code).toBe('not-found');
    const anonymous = await suite.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${a()}` });
    expect(anonymous.statusCode).toBe(401);
    expect(outcome(anonymous.json()).code).toBe('login');
    const audited = await suite.db.query<{ outcome: string; actor_role: string }>(
      `SELECT outcome, actor_role FROM audit_events WHERE org_id = $1 AND patient_id = $2 AND action = 'patient.read'
        ORDER BY id`,
      [suite.world.orgId, a()],
    );
    expect(audited.filter((e) => e.actor_role === 'patient').map((e) => e.outcome)).toContain('allowed');
  });

  it('searches patients by name, birth date and identifier, and counts before _count', async () => {
    const byName = await suite.as('admin', 'GET', '/fhir/R4/Patient?name=Alice');
    fhirJson(byName);
    expect(resources(byName.json()).map((r) => r.id)).toEqual([a()]);
    const both = await suite.as('admin', 'GET', '/fhir/R4/Patient?name=Alice&birthdate=1999-01-01');
    expect((both.json() as Bundle).total).toBe(0);
    const byDate = await suite.as('admin', 'GET', '/fhir/R4/Patient?birthdate=1980-02-03');
    expect(resources(byDate.json()).map((r) => r.id)).toEqual([a()]);
    const byId = await suite.as('admin', 'GET', `/fhir/R4/Patient?identifier=${a()}`);
    expect(resources(byId.json()).map((r) => r.id)).toEqual([a()]);
    const counted = (await suite.as('admin', 'GET', '/fhir/R4/Patient?_count=1')).json() as Bundle;
    expect(counted.total).toBe(2);
    expect(counted.entry).toHaveLength(1);
    // A patient's search finds only themself.
    const self = (await suite.as('patient', 'GET', '/fhir/R4/Patient')).json() as Bundle;
    expect(resources(self).map((r) => r.id)).toEqual([a()]);
  });

  it('searches observations by patient, code and date', async () => {
    const bp = await suite.as(
      'therapist',
      'GET',
      `/fhir/R4/Observation?patient=Patient/${a()}&code=http://loinc.org|85354-9`,
    );
    // Both intake versions carried readings: the clear intake's 118/76 and the later 128/82.
    const systolic = resources(bp.json()).map(
      (r) => (r as { component: { valueQuantity: { value: number } }[] }).component[0]!.valueQuantity.value,
    );
    expect(systolic).toEqual([118, 128]);
    const nprs = await suite.as('patient', 'GET', `/fhir/R4/Observation?patient=${a()}&code=72514-3&date=2026-11-10`);
    expect(
      resources(nprs.json()).map((r) => (r as { valueQuantity?: { value: number } }).valueQuantity?.value),
    ).toEqual([6]);
    const none = await suite.as('therapist', 'GET', `/fhir/R4/Observation?patient=${a()}&date=lt2026-01-01`);
    expect((none.json() as Bundle).total).toBe(0);
    const bad = await suite.as('therapist', 'GET', `/fhir/R4/Observation?patient=${a()}&date=yesterday`);
    expect(bad.statusCode).toBe(400);
    fhirJson(bad);
    expect(outcome(bad.json())).toMatchObject({ code: 'invalid', expression: ['date'] });
    expect(outcome(bad.json()).details!.text).toContain('not a date');
  });

  it('searches appointments by patient and local date, within what the caller may see', async () => {
    const ofA = await suite.as('front_desk', 'GET', `/fhir/R4/Appointment?patient=${a()}&date=2026-12-02`);
    fhirJson(ofA);
    const found = resources(ofA.json());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      resourceType: 'Appointment',
      status: 'booked',
      start: '2026-12-02T17:00:00.000Z',
    });
    expect(fhirProblems(found)).toEqual([]);
    const dayBefore = await suite.as('front_desk', 'GET', `/fhir/R4/Appointment?patient=${a()}&date=le2026-12-01`);
    expect((dayBefore.json() as Bundle).total).toBe(0);
    // The desk of site A sees its own site's day; the admin both sites'; the patient only their own visit.
    const deskDay = (await suite.as('front_desk', 'GET', '/fhir/R4/Appointment?date=2026-12-02')).json() as Bundle;
    expect(deskDay.total).toBe(1);
    expect(((await suite.as('admin', 'GET', '/fhir/R4/Appointment?date=2026-12-02')).json() as Bundle).total).toBe(2);
    const own = (await suite.as('patient', 'GET', '/fhir/R4/Appointment?date=2026-12-02')).json() as Bundle;
    expect(
      resources(own).map(
        (r) => (r as { participant: { actor: { reference: string } }[] }).participant[0]!.actor.reference,
      ),
    ).toEqual([`Patient/${a()}`]);
  });

  it("returns a patient's whole chart with $everything, each resource valid, each section read audited", async () => {
    const res = await suite.as('therapist', 'GET', `/fhir/R4/Patient/${a()}/$everything`);
    expect(res.statusCode).toBe(200);
    fhirJson(res);
    const all = resources(res.json());
    const types = new Set(all.map((r) => r.resourceType));
    for (const type of [
      'Patient',
      'Encounter',
      'Procedure',
      'Observation',
      'QuestionnaireResponse',
      'Consent',
      'Organization',
      'Practitioner',
    ])
      expect(types, type).toContain(type);
    expect(fhirProblems(all)).toEqual([]);
    const procedure = all.find((r) => r.resourceType === 'Procedure')!;
    expect(procedure).toMatchObject({ encounter: { reference: `Encounter/${noteId}` } });
    const read = await suite.db.query<{ action: string }>(
      `SELECT DISTINCT action FROM audit_events WHERE org_id = $1 AND patient_id = $2 AND actor_role = 'therapist'
        AND detail ->> 'via' = 'fhir'`,
      [suite.world.orgId, a()],
    );
    expect(read.map((r) => r.action).sort()).toEqual([
      'assessment.read',
      'file.read',
      'gate.read',
      'home-care.read',
      'intake.read',
      'measure.read',
      'plan.read',
      'session-note.read',
    ]);
    // The desk reads no clinical notes: its $everything leaves the visits out.
    const desk = resources((await suite.as('front_desk', 'GET', `/fhir/R4/Patient/${a()}/$everything`)).json());
    expect(desk.some((r) => r.resourceType === 'Encounter')).toBe(false);
    expect(desk.some((r) => r.resourceType === 'Consent')).toBe(true);
  });

  it('reads a charted record by id under its own policy; unknown types and ids are OperationOutcomes', async () => {
    expect((await suite.as('therapist', 'GET', `/fhir/R4/Encounter/${noteId}`)).json()).toMatchObject({
      resourceType: 'Encounter',
      status: 'in-progress',
    });
    const desk = await suite.as('front_desk', 'GET', `/fhir/R4/Encounter/${noteId}`);
    expect(desk.statusCode).toBe(403);
    expect((await suite.as('admin', 'GET', '/fhir/R4/Encounter/not-a-note')).statusCode).toBe(404);
    const unknown = await suite.as('admin', 'GET', '/fhir/R4/Medication');
    expect(unknown.statusCode).toBe(404);
    expect(outcome(unknown.json()).code).toBe('not-found');
    const codes = await suite.as('patient', 'GET', '/fhir/R4/CodeSystem/knotwork-muscle');
    expect(codes.json()).toMatchObject({ resourceType: 'CodeSystem', content: 'complete' });
  });

  it('reads range of motion from the assessment and from before and after a visit, in degrees', async () => {
    const res = await suite.as('therapist', 'GET', `/fhir/R4/Observation?patient=${a()}&code=cervical.rotation`);
    const found = resources(res.json());
    expect(found.map((r) => r.id)).toEqual([
      `${extras.assessmentId}-rom1`,
      `${noteId}-rom-before1`,
      `${noteId}-rom-after1`,
    ]);
    expect(found.map((r) => (r as { valueQuantity: { value: number } }).valueQuantity.value)).toEqual([40, 45, 55]);
    expect(fhirProblems(found)).toEqual([]);
    expect((found[0] as { code: { coding: { system: string }[] } }).code.coding[0]!.system).toMatch(
      /\/CodeSystem\/range-of-motion$/,
    );
    const after = await suite.as('therapist', 'GET', `/fhir/R4/Observation/${noteId}-rom-after1`);
    expect(after.json()).toMatchObject({
      encounter: { reference: `Encounter/${noteId}` },
      valueQuantity: { code: 'deg' },
    });
    // Visits are clinical notes: the desk reads none of them, not even their measurements.
    expect((await suite.as('front_desk', 'GET', `/fhir/R4/Observation/${noteId}-rom-after1`)).statusCode).toBe(403);
    expect((await suite.as('therapist', 'GET', `/fhir/R4/Observation/${noteId}-rom-after9`)).statusCode).toBe(404);
  });

  it('references the clearance letter and the home-care handout by the download links that serve them', async () => {
    const mine = resources((await suite.as('therapist', 'GET', `/fhir/R4/DocumentReference?patient=${a()}`)).json());
    expect(fhirProblems(mine)).toEqual([]);
    const letter = mine.find((r) => r.id === extras.clearanceId) as DocumentReference;
    expect(letter).toMatchObject({ status: 'current', date: '2026-11-12T18:00:00.000Z' });
    const attachment = letter.content[0]!.attachment;
    expect(attachment).toMatchObject({ contentType: 'application/pdf', title: 'clearance.pdf' });
    expect(attachment.data).toBeUndefined();
    expect(attachment.url).toBe(`http://localhost:80/api/files/${extras.fileId}`);
    const download = await suite.as('therapist', 'GET', new URL(attachment.url!).pathname);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const handout = mine.find((r) => r !== letter) as DocumentReference;
    expect(handout).toMatchObject({
      docStatus: 'preliminary',
      context: { encounter: [{ reference: `Encounter/${noteId}` }] },
    });
    expect(new URL(handout.content[0]!.attachment.url!).pathname).toBe(`/api/sessions/${noteId}/home-care.pdf`);
    // The patient sees the letter, but a handout only once it was sent to them.
    const theirs = resources((await suite.as('patient', 'GET', '/fhir/R4/DocumentReference')).json());
    expect(theirs.map((r) => r.id)).toEqual([extras.clearanceId]);
    // An unsent handout is not theirs to see yet: as far as they can tell, there is none.
    expect((await suite.as('patient', 'GET', `/fhir/R4/DocumentReference/${handout.id}`)).statusCode).toBe(404);
    expect((await suite.as('patient', 'GET', `/fhir/R4/DocumentReference/${extras.clearanceId}`)).statusCode).toBe(200);
  });

  it('reads the health questionnaire answers with their Questionnaire', async () => {
    const answers = resources(
      (await suite.as('patient', 'GET', `/fhir/R4/QuestionnaireResponse?patient=${a()}`)).json(),
    ).filter((r) => (r as { questionnaire?: string }).questionnaire?.endsWith('/Questionnaire/intake'));
    // The clear intake and the later version with the desk's readings.
    expect(answers).toHaveLength(2);
    const form = await suite.as('patient', 'GET', '/fhir/R4/Questionnaire/intake');
    expect(form.json()).toMatchObject({
      resourceType: 'Questionnaire',
      url: (answers[0] as { questionnaire: string }).questionnaire,
    });
    expect(fhirProblems([...answers, form.json() as Resource])).toEqual([]);
    const byId = await suite.as('therapist', 'GET', `/fhir/R4/QuestionnaireResponse/${answers[1]!.id}`);
    const readings = (byId.json() as { item: { linkId: string; item?: { answer: unknown[] }[] }[] }).item.find(
      (i) => i.linkId === 'bloodPressure',
    );
    expect(readings!.item!.map((i) => i.answer)).toEqual([[{ valueInteger: 128 }], [{ valueInteger: 82 }]]);
  });

  it('includes the patient, therapist and site an appointment names, only those the caller may read', async () => {
    const url =
      '/fhir/R4/Appointment?date=2026-12-02&_include=Appointment:patient&_include=Appointment:practitioner' +
      '&_include=Appointment:location';
    const desk = (await suite.as('front_desk', 'GET', url)).json() as Bundle;
    const { patients, therapists, sites } = suite.world;
    const of = (b: Bundle, mode: string) =>
      b.entry!.filter((e) => e.search!.mode === mode).map((e) => `${e.resource!.resourceType}/${e.resource!.id}`);
    expect(of(desk, 'match')).toHaveLength(1);
    expect(of(desk, 'include').sort()).toEqual(
      [`Patient/${patients.a}`, `Practitioner/${therapists.a}`, `Location/${sites.a}`].sort(),
    );
    const admin = (await suite.as('admin', 'GET', url)).json() as Bundle;
    expect(of(admin, 'include')).toHaveLength(6);
    expect(fhirProblems(admin.entry!.map((e) => e.resource!))).toEqual([]);
    const observations = (
      await suite.as('therapist', 'GET', `/fhir/R4/Observation?patient=${a()}&_include=Observation:patient`)
    ).json() as Bundle;
    expect(of(observations, 'include')).toEqual([`Patient/${a()}`]);
    const roles = (
      await suite.as(
        'admin',
        'GET',
        '/fhir/R4/PractitionerRole?_include=PractitionerRole:practitioner&_include=PractitionerRole:location',
      )
    ).json() as Bundle;
    expect(of(roles, 'include').filter((r) => r.startsWith('Practitioner/'))).toHaveLength(of(roles, 'match').length);
    expect(of(roles, 'include').some((r) => r.startsWith('Location/'))).toBe(true);
    const bad = await suite.as('admin', 'GET', '/fhir/R4/Appointment?_include=Appointment:service');
    expect(bad.statusCode).toBe(400);
    expect(outcome(bad.json())).toMatchObject({ code: 'invalid', expression: ['_include'] });
    expect(outcome(bad.json()).details!.text).toContain('Appointment:patient');
  });

  it('pages a search in a stable order by its next and previous links, total counted once', async () => {
    const all = (await suite.as('therapist', 'GET', `/fhir/R4/Observation?patient=${a()}`)).json() as Bundle;
    const everyId = resources(all).map((r) => r.id);
    expect(everyId.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let page = (await suite.as('therapist', 'GET', `/fhir/R4/Observation?patient=${a()}&_count=3`)).json() as Bundle;
    const link = (b: Bundle, relation: string) => b.link?.find((l) => l.relation === relation)?.url;
    expect(link(page, 'previous')).toBeUndefined();
    for (;;) {
      expect(page.total).toBe(everyId.length);
      seen.push(...resources(page).map((r) => r.id!));
      const next = link(page, 'next');
      if (!next) break;
      const following = (
        await suite.as('therapist', 'GET', new URL(next).pathname + new URL(next).search)
      ).json() as Bundle;
      // The way back leads to the page just read.
      const back = link(following, 'previous')!;
      const again = (await suite.as('therapist', 'GET', new URL(back).pathname + new URL(back).search)).json();
      expect(resources(again as Bundle).map((r) => r.id)).toEqual(seen.slice(-3));
      page = following;
    }
    expect(seen).toEqual(everyId);
    const bad = await suite.as('therapist', 'GET', `/fhir/R4/Observation?patient=${a()}&_offset=soon`);
    expect(bad.statusCode).toBe(400);
    expect(outcome(bad.json()).expression).toEqual(['_offset']);
    const forged = await suite.as('therapist', 'GET', '/fhir/R4/Observation?_page=bm9wZQ');
    expect(forged.statusCode).toBe(400);
    expect(outcome(forged.json()).expression).toEqual(['_page']);
  });
});
