import * as gateRepo from '../../../store/repos/charting-gate.ts';
import * as intakeRepo from '../../../store/repos/charting-intake.ts';
import { audit } from '../../audit.ts';
import type { Actor, ServiceContext } from '../../context.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import { requireChart } from './access.ts';
import { dateIn } from '../../../time/index.ts';
import { treatmentGate, type TreatmentGate } from './gate.ts';
import { gateCan, type GateCan } from '../../can.ts';
import type { PatientFacts } from '../../policies.ts';
import { createOnce, type Once } from '../../idempotency.ts';

/** The gate with what its reader may do about it (override it, record a clearance). */
export type GateView = TreatmentGate & { can: GateCan };

export function gateView(gate: TreatmentGate, actor: Actor, patient: PatientFacts): GateView {
  return { ...gate, can: gateCan(actor, patient) };
}

/** The gate as the chart, the desk and the patient see it; reading it is an audited access. */
export async function getGate(ctx: ServiceContext, actor: Actor, patientId: string): Promise<GateView> {
  const { facts } = await requireChart(ctx.db, actor, patientId, 'gate.read');
  const gate = await treatmentGate(ctx.db, actor.orgId, patientId, dateIn(actor.orgTimeZone, ctx.now()));
  await audit(ctx.db, actor, [
    { action: 'gate.read', patientId, recordType: 'gate', recordId: String(gate.intakeVersion ?? 'none') },
  ]);
  return gateView(gate, actor, facts.patient);
}

/**
 * A manager or admin lets treatment go ahead for the current intake version despite a blocking
 * decision, saying why. A later intake version is screened afresh and needs its own decision.
 */
export async function overrideGate(ctx: ServiceContext, actor: Actor, patientId: string, reason: string, once?: Once) {
  const { facts } = await requireChart(ctx.db, actor, patientId, 'gate.override');
  const trimmed = reason.trim();
  if (trimmed.length < 3) throw new ValidationError({ reason: 'Say why treatment may go ahead.' });
  const now = ctx.now();
  const today = dateIn(actor.orgTimeZone, now);
  return createOnce(ctx, actor, once, async (tx) => {
    const intake = await intakeRepo.latestVersion(tx, actor.orgId, patientId);
    if (!intake || intake.version === null)
      throw new ConflictError(undefined, 'There is no submitted intake to decide on.');
    const before = await treatmentGate(tx, actor.orgId, patientId, today);
    if (before.treatmentAllowed)
      throw new ConflictError(undefined, 'Treatment is not blocked for this patient; there is nothing to override.');
    const override = await gateRepo.insertOverride(tx, actor.orgId, {
      patientId,
      intakeVersion: intake.version,
      reason: trimmed,
      decidedBy: actor.userId,
      decidedRole: actor.role,
      decidedAt: now,
    });
    await audit(tx, actor, [
      {
        action: 'gate.override',
        patientId,
        recordType: 'gate_override',
        recordId: override.id,
        detail: { intakeVersion: intake.version, decision: before.decision, reason: trimmed },
      },
    ]);
    return { override, gate: gateView(await treatmentGate(tx, actor.orgId, patientId, today), actor, facts.patient) };
  });
}
