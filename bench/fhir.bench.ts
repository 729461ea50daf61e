// The FHIR bulk export of the demo organisation (BENCH_FHIR_PATIENTS invented patients, 40 by
// default) on PGlite, in resources per second, as a ratio to a same-run baseline: reading every
// patient of the organisation through the JSON patient API's service (getPatient), which the export
// does too before it reads the rest of each chart. No target: the figure is for comparing runs.
import { seedDemo } from '../src/demo/seed.ts';
import { getPatient } from '../src/services/patients.ts';
import type { Actor, ServiceContext } from '../src/services/context.ts';
import { exportForOperator } from '../src/services/fhir/export-operator.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { benchNow, benchToday, time, withRatio, type Timing } from './lib.ts';

const PATIENTS = Number(process.env.BENCH_FHIR_PATIENTS ?? 40);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 3);

export async function run(): Promise<Timing[]> {
  const db = await openPglite();
  try {
    await migrate(db);
    const summary = await seedDemo(db, { seed: 1, patients: PATIENTS, today: benchToday() });
    const ctx: ServiceContext = { db, now: benchNow };
    const [admin] = await db.query<{ id: string; email: string }>(
      `SELECT id, email FROM users WHERE org_id = $1 AND role = 'admin' ORDER BY email LIMIT 1`,
      [summary.orgId],
    );
    const actor: Actor = {
      userId: admin!.id,
      orgId: summary.orgId,
      role: 'admin',
      email: admin!.email,
      displayName: 'Bench',
      patientId: null,
      therapistId: null,
      locationIds: [],
      orgTimeZone: 'America/Los_Angeles',
      sessionId: 'bench',
      ip: null,
    };
    const ids = (await db.query<{ id: string }>('SELECT id FROM patients WHERE org_id = $1', [summary.orgId])).map(
      (r) => r.id,
    );
    const baseline = await time(`JSON patient API: ${ids.length} patients read`, ITERATIONS, async () => {
      for (const id of ids) await getPatient(ctx, actor, id);
    });
    let resources = 0;
    const exported = await time(`FHIR $export of the demo organisation`, ITERATIONS, async () => {
      const { byType } = await exportForOperator(ctx, { orgSlug: 'demo' });
      resources = [...byType.values()].reduce((n, list) => n + list.length, 0);
    });
    const perSecond = Math.round(resources / (exported.medianMs / 1000));
    return [
      { ...baseline, note: `${Math.round(ids.length / (baseline.medianMs / 1000))} patients/s` },
      { ...withRatio(exported, baseline), note: `${resources} resources, ${perSecond} resources/s` },
    ];
  } finally {
    await db.close();
  }
}
