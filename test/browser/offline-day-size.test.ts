import { describe, expect, it } from 'vitest';
import { zonedWallTimeToInstant } from '../../src/time/index.ts';
import { DEMO_TIME_ZONE, browserSuite, type PatientSummary } from './support.ts';
import { keptOnTablet, openOnTablet, openTodaysNote } from './tablet-kit.ts';

// How much of a therapist's working day the tablet keeps: the encrypted bytes IndexedDB really holds.

const app = browserSuite({ pageOptions: { touch: true } });

/** The AES-GCM tag (16 bytes) and IV (12 bytes) each sealed record carries beside its JSON. */
const SEAL_BYTES = 28;
const PATIENTS = 5;

interface KeptDay {
  date: string;
  patients: { assessments: unknown[]; plans: unknown[]; notes: { createdAt: string }[] }[];
}

/** An assessment as a first visit charts it: pain map, posture, motion, strength, a trigger point. */
const ASSESSMENT = {
  findings: {
    painMap: [
      { region: 'temple-right', intensity: 7 },
      { region: 'posterolateral-neck-right', intensity: 5 },
    ],
    posture: { findings: ['forward-head', 'elevated-shoulder-right'], notes: 'Right shoulder sits higher.' },
    rom: [
      { joint: 'cervical', motion: 'rotation', side: 'left', degrees: 45, painOnMotion: true },
      { joint: 'cervical', motion: 'rotation', side: 'right', degrees: 55 },
    ],
    strength: [{ movement: 'shoulder abduction', side: 'right', grade: 4 }],
    triggerPoints: [
      {
        muscle: 'upper-trapezius',
        triggerPoint: 'upper-trapezius-anterior',
        side: 'right',
        kind: 'active',
        tautBand: true,
        localTwitch: false,
        jumpSign: true,
        referralReproduced: true,
        referralRegions: ['temple-right'],
        tenderness: 7,
      },
    ],
  },
};

/**
 * One of the therapist's patients part-way through care: assessed and on a plan at their first
 * visit a week ago, with that visit's note; today's visit opened (a walk-in, so today's day holds them).
 */
async function patientInCare(patient: { id: string; preferredLocationId: string | null }, therapistId: string) {
  const { therapist, note } = await openTodaysNote(app, patient.id);
  const weekAgo = app.localDate(-7);
  await therapist('POST', `/api/patients/${patient.id}/assessments`, ASSESSMENT);
  await therapist('POST', `/api/patients/${patient.id}/plans`, {
    phase: 'chronic',
    stages: [{ phase: 'chronic', label: 'Weekly', visitsPerWeek: 1, visits: 6 }],
    totalVisits: 6,
    reassessmentAtVisits: [3, 6],
    goals: [{ kind: 'nprs', target: 3 }],
    startDate: weekAgo,
    preferredDays: [4],
    therapistId,
    locationId: patient.preferredLocationId,
    serviceCode: 'nmt-followup-60',
  });
  const first = await therapist<{ id: string }>('POST', `/api/patients/${patient.id}/sessions`, {
    subjective: { painToday: 7 },
    objective: { rom: [{ joint: 'cervical', motion: 'rotation', side: 'left', degrees: 45 }] },
    assessment: 'Active upper trapezius point reproduces the temple headache.',
    plan: 'Weekly for six visits; reassess at the third.',
    cptMinutes: [],
  });
  // The first visit's note dates from a week before the server's today (its clock is the demo's).
  const created = new Date(app.now().getTime() - 7 * 86_400_000);
  await app.db.query('UPDATE session_notes SET created_at = $2 WHERE org_id = $3 AND id = $1', [
    first.id,
    created,
    app.orgId,
  ]);
  return { therapist, patientId: patient.id, note };
}

describe('the working day kept on a therapist’s tablet', () => {
  it('holds five patients’ visits, history and gate, encrypted, in well under 200 kB', async () => {
    const therapist = await app.api('therapist');
    const me = (await therapist<{ user: { therapistId: string } }>('GET', '/api/auth/session')).user.therapistId;
    const { patients } = await therapist<{ patients: (PatientSummary & { preferredLocationId: string | null })[] }>(
      'GET',
      '/api/patients?pageSize=20',
    );
    const visits = [];
    for (const patient of patients.slice(0, PATIENTS)) visits.push(await patientInCare(patient, me));
    const { patientId, note } = visits[0]!;

    const page = await openOnTablet(app, patientId, note.id);
    const kept = await keptOnTablet(page);
    expect(kept).toMatchObject({ records: 2, plain: false });

    // The day as the server hands it out: every patient with assessments, a plan, today's note and the last before.
    const day = await therapist<KeptDay>('GET', '/api/me/day/offline');
    expect(day.patients).toHaveLength(PATIENTS);
    const startOfToday = zonedWallTimeToInstant(day.date, '00:00', DEMO_TIME_ZONE);
    for (const entry of day.patients) {
      expect(entry.assessments.length).toBeGreaterThan(0);
      expect(entry.plans.length).toBeGreaterThan(0);
      expect(entry.notes.some((n) => Date.parse(n.createdAt) < startOfToday)).toBe(true);
    }
    // What is stored is the day and the empty outbox, sealed: nothing more, nothing less.
    const plain = new TextEncoder().encode(JSON.stringify(day)).byteLength + '[]'.length + 2 * SEAL_BYTES;
    console.log(
      `A therapist's day kept on the tablet (${day.date}, ${PATIENTS} patients): ` +
        `${kept.bytes} bytes encrypted in IndexedDB (${(kept.bytes / 1024).toFixed(1)} kB)`,
    );
    expect(Math.abs(kept.bytes - plain)).toBeLessThan(plain * 0.02);
    expect(kept.bytes).toBeLessThan(200_000);
  });
});
