import { submitMeasure } from '../../src/services/charting/measures.ts';
import type { Database } from '../../src/store/database.ts';
import { buildAppointment, buildPlan, buildService } from './factories.ts';
import { actorOf, noteWithHomeCare, tickingContext } from './session-kit.ts';
import type { World } from './world.ts';

/**
 * Patient A with something in every part of the record: a clear health questionnaire, an attended visit,
 * an assessment with a trigger point, an active plan, a signed-off visit's home care sent and one not yet,
 * and two pain scores.
 */
export async function seedRecordOfA(db: Database, world: World): Promise<void> {
  const a = world.patients.a;
  await noteWithHomeCare(db, world, true);
  await noteWithHomeCare(db, world, false);
  await buildService(db, world.orgId);
  await buildAppointment(db, world.orgId, {
    patientId: a,
    therapistId: world.therapists.a,
    locationId: world.sites.a,
    start: '2026-11-10T17:00:00Z',
    status: 'completed',
  });
  await db.query(
    `INSERT INTO assessments (org_id, patient_id, assessed_on, therapist_id, findings, created_by, created_at,
      updated_by, updated_at)
     VALUES ($1, $2, '2026-11-10', $3, $4::jsonb, $5, now(), $5, now())`,
    [
      world.orgId,
      a,
      world.therapists.a,
      JSON.stringify({
        painMap: [{ region: 'temple-right', intensity: 6 }],
        rom: [],
        triggerPoints: [{ muscle: 'upper-trapezius', side: 'right', kind: 'active' }],
      }),
      world.users.therapist.id,
    ],
  );
  await buildPlan(db, world.orgId, {
    patientId: a,
    therapistId: world.therapists.a,
    locationId: world.sites.a,
    plan: { phase: 'acute', totalVisits: 6, startDate: '2026-11-10', goals: [{ kind: 'nprs', target: 3 }] },
    createdBy: world.users.therapist.id,
    status: 'active',
  });
  const ctx = tickingContext(db);
  const patient = actorOf(world, 'patient');
  await submitMeasure(ctx, patient, a, { measure: 'nprs', answers: [7] });
  await submitMeasure(ctx, patient, a, { measure: 'nprs', answers: [4] });
}
