import { allNoAnswers } from '../../src/clinical/screening/fixtures.ts';
import type { Database } from '../../src/store/database.ts';
import { seedScreenedIntake, seedTreatedPatient } from './session-seed.ts';
import type { Actor, ServiceContext } from '../../src/services/context.ts';
import type { World, WorldRole } from './world.ts';
import { generateForNote, sendForNote } from '../../src/services/charting/homecare.ts';
import { signNote } from '../../src/services/charting/notes.ts';
import { addStep } from '../../src/services/charting/session-steps.ts';
import { createNote } from '../../src/services/charting/session.ts';

/** Shared by the charting tests (service and HTTP): actors, a ticking clock, patients behind a gate. */

export function actorOf(world: World, role: WorldRole): Actor {
  const u = world.users[role] as { id: string; email: string; role: Actor['role']; displayName?: string };
  const isOther = role === 'otherAdmin';
  return {
    userId: u.id,
    orgId: isOther ? world.otherOrgId : world.orgId,
    role: u.role,
    email: u.email,
    displayName: u.displayName ?? role,
    patientId: role === 'patient' ? world.patients.a : null,
    therapistId: role === 'therapist' ? world.therapists.a : null,
    locationIds: role === 'manager' || role === 'front_desk' ? [world.sites.a] : [],
    orgTimeZone: 'America/Los_Angeles',
    sessionId: 'test',
    ip: '127.0.0.1',
  };
}

/** A clock that moves one minute per reading, so "first" and "latest" are never ties. */
export function tickingContext(db: Database, start = '2026-11-20T15:00:00Z'): ServiceContext {
  let t = Date.parse(start);
  return { db, now: () => new Date((t += 60_000)) };
}

export type GateKind = 'clear' | 'contraindicated' | 'local-upper-back' | 'no-deep-pressure' | 'blunted-pain' | 'none';

export function intakeDocument(
  kind: Exclude<GateKind, 'none'>,
  painMap: Array<{ region: string; intensity: number }> = [],
) {
  const answers: Record<string, unknown> = { ...allNoAnswers() };
  if (kind === 'contraindicated') answers.temperatureC = 38.6;
  if (kind === 'local-upper-back') answers.localIssues = [{ kind: 'open-wound', regions: ['upper-back'] }];
  if (kind === 'no-deep-pressure') answers.medications = [{ class: 'anticoagulant', name: 'warfarin' }];
  if (kind === 'blunted-pain')
    answers.medications = [
      { class: 'analgesic', name: 'ibuprofen' },
      { class: 'corticosteroid', name: 'prednisone' },
    ];
  return { questionnaire: 'knotwork-intake-v1', answers, injuries: [], goals: [], painMap };
}

/** A new patient at site A, treated by therapist A, behind the given screening gate. */
export async function patientBehindGate(
  db: Database,
  world: World,
  kind: GateKind,
  painMap?: Array<{ region: string; intensity: number }>,
) {
  const id = await seedTreatedPatient(
    db,
    world.orgId,
    world.sites.a,
    world.therapists.a,
    `Gate-${kind}-${Math.random().toString(36).slice(2, 8)}`,
  );
  if (kind !== 'none')
    await seedScreenedIntake(
      db,
      world.orgId,
      id,
      world.users.admin.id,
      intakeDocument(kind, painMap),
      new Date('2026-11-01T10:00:00Z'),
    );
  return id;
}

/** Seeds a clear gate for an existing patient (e.g. the world's patient A). */
export async function clearGateFor(
  db: Database,
  world: World,
  patientId: string,
  painMap?: Array<{ region: string; intensity: number }>,
) {
  await seedScreenedIntake(
    db,
    world.orgId,
    patientId,
    world.users.admin.id,
    intakeDocument('clear', painMap),
    new Date('2026-11-01T10:00:00Z'),
  );
}

const gated = new WeakMap<World, Promise<void>>();

/** Patient A behind a clear gate, seeded once per world (the authorization matrix shares one). */
export function ensureClearGateForA(db: Database, world: World): Promise<void> {
  let done = gated.get(world);
  if (!done) gated.set(world, (done = clearGateFor(db, world, world.patients.a)));
  return done;
}

/** A draft note of patient A (or `patientId`) by therapist A, written through the service. */
export async function draftNote(
  db: Database,
  world: World,
  patientId = world.patients.a,
  assessment = 'Active trigger point, upper trapezius',
): Promise<string> {
  const note = await createNote(tickingContext(db), actorOf(world, 'therapist'), patientId, {
    subjective: { painToday: 6 },
    objective: {},
    assessment,
    cptMinutes: [],
  });
  return note.id;
}

export async function signedNote(db: Database, world: World): Promise<string> {
  const id = await draftNote(db, world);
  await signNote(tickingContext(db), actorOf(world, 'therapist'), id);
  return id;
}

/** A draft note of patient A with generated home care, sent when asked. */
export async function noteWithHomeCare(db: Database, world: World, send: boolean): Promise<string> {
  await ensureClearGateForA(db, world);
  const id = await draftNote(db, world);
  const ctx = tickingContext(db);
  const therapist = actorOf(world, 'therapist');
  await addStep(ctx, therapist, id, {
    muscle: 'upper-trapezius',
    side: 'left',
    region: 'suprascapular-left',
    technique: 'ischemic-compression-finger',
    holdSeconds: 20,
    painRating: 6,
  });
  await generateForNote(ctx, therapist, id);
  if (send) await sendForNote(ctx, therapist, id);
  return id;
}
