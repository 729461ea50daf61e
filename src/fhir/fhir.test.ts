import type { Condition, Location } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { codeProblems, fhirProblems, structureProblems } from '../../test/support/fhir-validation.ts';
import { chartExtras } from '../../test/support/fhir-fixtures.ts';
import { APPOINTMENT_STATUS, toAppointment } from './appointment.ts';
import { auditAction } from './audit-event.ts';
import { canonicalBase, type FhirContext } from './base.ts';
import { CODE_SYSTEM_NAMES, codeSystemNameOf, codeSystemResource } from './code-systems.ts';
import { toConditions } from './condition.ts';
import { toConsent } from './consent.ts';
import { toEncounter } from './encounter.ts';
import { toLocation } from './location.ts';
import { toOrganization } from './organization.ts';
import { toPractitionerRole } from './practitioner-role.ts';
import { toMeasureObservation } from './observation-measure.ts';
import { toPatient } from './patient.ts';
import { toPractitioner } from './practitioner.ts';
import { isMeasureId, toQuestionnaire, toQuestionnaireResponse } from './questionnaire.ts';

const ctx: FhirContext = { base: canonicalBase('demo'), orgId: '11111111-1111-4111-8111-111111111111' };
const patientId = '22222222-2222-4222-8222-222222222222';
const therapistId = '33333333-3333-4333-8333-333333333333';
const locationId = '44444444-4444-4444-8444-444444444444';
const at = new Date('2026-03-01T18:00:00Z');

describe('FHIR mappings', () => {
  it('publishes every Knotwork code system as a valid CodeSystem under the organisation domain', () => {
    const systems = CODE_SYSTEM_NAMES.map((name) => codeSystemResource(ctx, name));
    expect(fhirProblems(systems)).toEqual([]);
    for (const cs of systems) {
      expect(cs.url).toBe(`https://demo.knotwork.clinic/fhir/CodeSystem/${codeSystemNameOf(cs.id!)}`);
    }
    const muscles = systems.find((s) => s.id === 'knotwork-muscle')!;
    expect(muscles.concept!.some((c) => c.code === 'upper-trapezius')).toBe(true);
    // NPRS has a LOINC code, so Knotwork's measure system holds only the other three.
    expect(systems.find((s) => s.id === 'knotwork-measure')!.concept!.map((c) => c.code)).toEqual([
      'ndi',
      'odi',
      'psfs',
    ]);
  });

  it('maps trigger points, steps, vitals, screening, plans, goals, appointments and audit events validly', () => {
    const resources = chartExtras(ctx, { patientId, therapistId, locationId, at });
    expect(resources.length).toBeGreaterThan(15);
    expect(fhirProblems(resources)).toEqual([]);
    const tp = resources.find((r) => r.id?.endsWith('-tp1'));
    expect(JSON.stringify(tp)).toContain('"code":"7771000"'); // left, as SNOMED CT
    expect(JSON.stringify(tp)).toContain('"code":"active"');
    const bp = resources.find((r) => r.id?.endsWith('-bp'));
    expect(JSON.stringify(bp)).toContain('"code":"mm[Hg]"');
  });

  it('writes NPRS with LOINC 72514-3 and the other measures in Knotwork’s system, with their forms', () => {
    const nprs = toMeasureObservation(ctx, {
      id: '55555555-5555-4555-8555-555555555555',
      patientId,
      measure: 'nprs',
      score: 6,
      takenAt: at,
      sessionNoteId: null,
      enteredRole: 'patient',
    });
    expect(nprs.code.coding![0]).toMatchObject({ system: 'http://loinc.org', code: '72514-3' });
    const odi = toMeasureObservation(ctx, {
      ...nprs,
      id: nprs.id!,
      patientId,
      measure: 'odi',
      score: 32,
      takenAt: at,
      sessionNoteId: null,
      enteredRole: 'therapist',
    });
    expect(odi.code.coding![0]!.system).toBe(`${ctx.base}/CodeSystem/measure`);
    const forms = ['nprs', 'ndi', 'odi', 'psfs'].filter(isMeasureId).map((m) => toQuestionnaire(ctx, m));
    const response = toQuestionnaireResponse(ctx, {
      id: nprs.id!,
      patientId,
      measure: 'psfs',
      answers: [
        { activity: 'Driving', score: 4 },
        { activity: 'Sleeping', score: null },
      ],
      score: 4,
      takenAt: at,
      sessionNoteId: null,
      enteredRole: 'patient',
    });
    expect(fhirProblems([nprs, odi, ...forms, response])).toEqual([]);
  });

  it('uses FHIR codes for Knotwork statuses, and the code check catches one outside its value set', () => {
    for (const [status, fhir] of Object.entries(APPOINTMENT_STATUS)) {
      const a = toAppointment(ctx, {
        id: locationId,
        patientId,
        therapistId,
        locationId,
        serviceCode: 'x',
        serviceName: 'X',
        status: status as keyof typeof APPOINTMENT_STATUS,
        start: at,
        end: at,
        notes: null,
        cancelReason: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      expect(a.status).toBe(fhir);
      expect(codeProblems(a)).toEqual([]);
    }
    const patient = toPatient(ctx, {
      id: patientId,
      givenName: 'Ada',
      familyName: 'Lovelace',
      preferredName: 'Addie',
      dateOfBirth: '1980-02-29',
      sexAtBirth: 'intersex',
      email: 'ada@example.com',
      phone: '+15035550100',
      address: { line1: '1 Main St', city: 'Portland', state: 'OR', postalCode: '97201', country: 'US' },
      emergencyContact: { name: 'Byron', relationship: 'Father', phone: '+15035550101' },
      preferredLocationId: locationId,
      communication: { language: 'en' },
      version: 3,
      updatedAt: at,
    });
    expect(patient.gender).toBe('other');
    expect(fhirProblems([patient])).toEqual([]);
    expect(codeProblems({ ...patient, gender: 'intersex' as 'other' })).toEqual([
      'Patient.gender: code "intersex" is not in http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1',
    ]);
    const denied = toConsent(ctx, {
      id: patientId,
      patientId,
      intakeVersion: 1,
      decision: 'contraindicated',
      screenedAt: at,
      override: null,
      cleared: false,
    });
    expect(denied.provision!.type).toBe('deny');
  });

  it('the code check flags statuses and classes outside their value sets, which the validator lets through', () => {
    const encounter = {
      resourceType: 'Encounter' as const,
      status: 'done' as 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ZZZ' },
    };
    expect(structureProblems(encounter)).toEqual([]);
    expect(codeProblems(encounter)).toEqual([
      'Encounter.status: code "done" is not in http://hl7.org/fhir/ValueSet/encounter-status|4.0.1',
      'Encounter.class: http://terminology.hl7.org/CodeSystem/v3-ActCode|ZZZ is not in ' +
        'http://terminology.hl7.org/ValueSet/v3-ActEncounterCode',
    ]);
    expect(codeProblems({ ...encounter, status: 'finished', class: { ...encounter.class, code: 'AMB' } })).toEqual([]);
    expect(codeProblems({ resourceType: 'Observation', status: 'done' as 'final', code: { text: 'x' } })).toEqual([
      'Observation.status: code "done" is not in http://hl7.org/fhir/ValueSet/observation-status|4.0.1',
    ]);
  });

  it('publishes credentials as qualifications with their periods', () => {
    const p = toPractitioner(ctx, { id: therapistId, name: 'Sam Lee', givenName: 'Sam', familyName: 'Lee' }, [
      {
        id: 'c1',
        kind: 'licence',
        type: 'Licensed Massage Therapist',
        issuer: 'Oregon Board of Massage Therapists',
        number: '12345',
        issuedOn: '2020-01-01',
        expiresOn: '2027-12-31',
      },
    ]);
    expect(p.qualification![0]!.period).toEqual({ start: '2020-01-01', end: '2027-12-31' });
    expect(fhirProblems([p])).toEqual([]);
  });

  it('maps the organisation, a site, a therapist role, a visit and its diagnoses validly', () => {
    const resources = [
      toOrganization(ctx, { id: ctx.orgId, name: 'Knotwork Demo Clinics', slug: 'demo' }),
      toLocation(ctx, {
        id: locationId,
        name: 'Portland',
        slug: 'portland',
        address: { line1: '1 Main St', line2: null, city: 'Portland', state: 'OR', postalCode: '97201', country: 'US' },
        phone: '+15035550100',
        timeZone: 'America/Los_Angeles',
        hours: {
          '1': [
            { open: '08:00', close: '12:00' },
            { open: '13:00', close: '18:30' },
          ],
        },
        active: true,
      }),
      toPractitionerRole(ctx, { id: therapistId, name: 'Sam Lee', discipline: 'nmt', locationIds: [locationId] }),
      toEncounter(ctx, {
        id: therapistId,
        patientId,
        appointmentId: null,
        therapistId,
        status: 'signed',
        createdAt: at,
        signedAt: at,
        version: 1,
        updatedAt: at,
      }),
      ...toConditions(ctx, {
        id: locationId,
        patientId,
        therapistId,
        appointmentId: null,
        assessedOn: '2026-03-01',
        createdAt: at,
        diagnoses: ['M54.2', 'M79.1'],
      }),
    ];
    expect(fhirProblems(resources)).toEqual([]);
    const location = resources[1] as Location;
    expect(location.hoursOfOperation).toEqual([
      { daysOfWeek: ['mon'], openingTime: '08:00:00', closingTime: '12:00:00' },
      { daysOfWeek: ['mon'], openingTime: '13:00:00', closingTime: '18:30:00' },
    ]);
    const neck = resources[4] as Condition;
    expect(neck.code!.coding![0]).toMatchObject({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.2' });
  });

  it('names audit actions as create, read, update, delete or execute', () => {
    expect(
      ['patient.read', 'appointment.book', 'patient.update', 'closure.remove', 'gate.override'].map(auditAction),
    ).toEqual(['R', 'C', 'U', 'D', 'E']);
  });
});
