import type { Resource } from '@medplum/fhirtypes';
import { toAppointment } from '../../src/fhir/appointment.ts';
import { toAuditEvent } from '../../src/fhir/audit-event.ts';
import type { FhirContext } from '../../src/fhir/base.ts';
import { toCarePlan, toGoals } from '../../src/fhir/care-plan.ts';
import { toConsent } from '../../src/fhir/consent.ts';
import { toTriggerPointObservations } from '../../src/fhir/observation-trigger-point.ts';
import { toVitalsObservations } from '../../src/fhir/observation-vitals.ts';
import { toProcedure } from '../../src/fhir/procedure.ts';

/**
 * Records the demo does not chart (trigger points, treatment steps, intake readings, screening,
 * goals, the audit log's variety), built for one patient so every mapping meets real-looking data.
 */
export function chartExtras(
  ctx: FhirContext,
  ids: { patientId: string; therapistId: string; locationId: string; at: Date },
): Resource[] {
  const { patientId, therapistId, locationId, at } = ids;
  const later = new Date(at.getTime() + 60 * 60_000);
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return [
    ...toTriggerPointObservations(ctx, {
      id: uuid(1),
      patientId,
      therapistId,
      assessedOn: at.toISOString().slice(0, 10),
      createdAt: at,
      triggerPoints: [
        {
          muscle: 'upper-trapezius',
          triggerPoint: 'upper-trapezius-posterior',
          side: 'left',
          kind: 'active',
          tautBand: true,
          localTwitch: false,
          jumpSign: true,
          referralReproduced: true,
          referralRegions: ['temple-left'],
          tenderness: 7,
          note: 'Reproduces the familiar headache.',
        },
        {
          muscle: 'masseter',
          side: 'midline',
          kind: 'latent',
          tautBand: true,
          localTwitch: true,
          jumpSign: false,
          referralReproduced: false,
          tenderness: 4,
        },
      ],
    }),
    toProcedure(
      ctx,
      {
        id: uuid(2),
        sessionNoteId: uuid(3),
        seq: 1,
        muscle: 'upper-trapezius',
        triggerPoint: 'upper-trapezius-posterior',
        side: 'right',
        technique: 'ischemic-compression-finger',
        durationSeconds: null,
        holdSeconds: 20,
        painRating: 6,
        releaseAchieved: true,
        recordedAt: at,
      },
      { patientId, therapistId, status: 'signed' },
    ),
    ...toVitalsObservations({
      id: uuid(4),
      patientId,
      takenAt: at,
      bloodPressure: { systolic: 128, diastolic: 82 },
      temperatureC: 36.8,
    }),
    toConsent(ctx, {
      id: uuid(5),
      patientId,
      intakeVersion: 1,
      decision: 'refer',
      screenedAt: at,
      override: { decidedAt: later },
      cleared: false,
    }),
    toConsent(ctx, {
      id: uuid(6),
      patientId,
      intakeVersion: 2,
      decision: 'clear',
      screenedAt: later,
      override: null,
      cleared: false,
    }),
    ...[
      ['patient.read', 'allowed'],
      ['appointment.book', 'allowed'],
      ['patient.update', 'denied'],
      ['appointment.cancel', 'allowed'],
      ['session-note.sign', 'allowed'],
    ].map(([action, outcome], i) =>
      toAuditEvent(ctx, {
        id: i + 1,
        at,
        actorUserId: uuid(10),
        actorRole: 'front_desk',
        actorName: 'Front Desk',
        action: action!,
        outcome: outcome as 'allowed' | 'denied',
        patientId,
        recordType: i === 1 ? 'appointment' : 'patient',
        recordId: i === 1 ? uuid(11) : patientId,
        ip: '127.0.0.1',
      }),
    ),
    ...[
      ['booked', null],
      ['in_session', null],
      ['late_cancel', 'Sick'],
      ['no_show', null],
    ].map(([status, reason], i) =>
      toAppointment(ctx, {
        id: uuid(20 + i),
        patientId,
        therapistId,
        locationId,
        serviceCode: 'nmt-initial-90',
        serviceName: 'Initial visit',
        status: status as 'booked',
        start: at,
        end: later,
        notes: null,
        cancelReason: reason ?? null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      }),
    ),
    ...(() => {
      const plan = {
        id: uuid(30),
        patientId,
        status: 'draft' as const,
        plan: {
          phase: 'acute',
          totalVisits: 8,
          startDate: '2026-03-02',
          goals: [
            { kind: 'nprs' as const, baseline: 7, target: 3, byVisit: 6 },
            { kind: 'psfs' as const, activity: 'Lift my toddler', target: 8 },
            { kind: 'rom' as const, joint: 'cervical', motion: 'rotation', side: 'left' as const, targetDegrees: 60 },
          ],
        },
        therapistId,
        assessmentId: uuid(1),
        diagnoses: ['M54.2'],
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      return [toCarePlan(ctx, plan), ...toGoals(ctx, plan)];
    })(),
  ];
}
