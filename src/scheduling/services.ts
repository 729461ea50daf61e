/**
 * The bookable services and what each needs: length, turnover buffer, discipline, credentials and
 * whether it occupies a treatment room.
 */
import type { CredentialRequirement } from './credentials.ts';

export type Discipline = 'nmt' | 'chiropractic' | 'acupuncture' | 'corrective-exercise';

export interface ServiceDef {
  code: string;
  name: string;
  durationMinutes: number;
  /** Turnover after each session (room reset, notes) before the therapist or room is free again. */
  bufferAfterMinutes: number;
  discipline: Discipline;
  requirements: CredentialRequirement[];
  needsRoom: boolean;
}

/**
 * State massage licence titles differ: LMT in most states; Washington issued "LMP" (licensed massage
 * therapist) until SHB 2425 (Wash. Laws 2016 ch. 41, effective 2017-07-01) renamed it LMT, so older
 * WA licences still read LMP; North Carolina uses LMBT (REFERENCE.md, "The service as the clinic runs it").
 */
export const MASSAGE_LICENCE: CredentialRequirement = {
  kind: 'licence',
  types: ['LMT', 'LMP', 'LMBT'],
  sameStateAsSite: true,
  label: "an active massage licence in the site's state",
};

/** NMT certification (CNMT), about 2–2.5 years of training beyond the licence (REFERENCE.md). */
export const NMT_CERTIFICATION: CredentialRequirement = {
  kind: 'certification',
  types: ['CNMT'],
  label: 'a neuromuscular therapy certification (CNMT)',
};

export const CHIROPRACTIC_LICENCE: CredentialRequirement = {
  kind: 'licence',
  types: ['DC'],
  sameStateAsSite: true,
  label: "an active chiropractic licence (DC) in the site's state",
};

export const ACUPUNCTURE_LICENCE: CredentialRequirement = {
  kind: 'licence',
  types: ['LAc'],
  sameStateAsSite: true,
  label: "an active acupuncture licence (LAc) in the site's state",
};

/** Corrective exercise is not a state-licensed profession; we ask for a recognised certificate. */
export const CORRECTIVE_EXERCISE_CERTIFICATION: CredentialRequirement = {
  kind: 'certification',
  types: ['CES', 'CSCS', 'DPT', 'ATC'],
  label: 'a corrective-exercise qualification (CES, CSCS, DPT or ATC)',
};

const nmt = [MASSAGE_LICENCE, NMT_CERTIFICATION];

/**
 * Lengths: a first NMT visit runs 60–90 min in all (assessment 15–20, plan ~5, treatment 30–60,
 * reassessment 5–10, home care ~5), per REFERENCE.md "Visit timeline"; follow-ups and maintenance
 * drop the full assessment. Buffers are the clinic's own turnover allowance, not a clinical fact.
 */
export const DEFAULT_SERVICES: ServiceDef[] = [
  {
    code: 'nmt-initial-60',
    name: 'Initial NMT consultation with assessment (60 min)',
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    discipline: 'nmt',
    requirements: nmt,
    needsRoom: true,
  },
  {
    code: 'nmt-initial-90',
    name: 'Initial NMT consultation with assessment (90 min)',
    durationMinutes: 90,
    bufferAfterMinutes: 15,
    discipline: 'nmt',
    requirements: nmt,
    needsRoom: true,
  },
  {
    code: 'nmt-followup-30',
    name: 'NMT follow-up (30 min)',
    durationMinutes: 30,
    bufferAfterMinutes: 10,
    discipline: 'nmt',
    requirements: nmt,
    needsRoom: true,
  },
  {
    code: 'nmt-followup-60',
    name: 'NMT follow-up (60 min)',
    durationMinutes: 60,
    bufferAfterMinutes: 10,
    discipline: 'nmt',
    requirements: nmt,
    needsRoom: true,
  },
  {
    code: 'nmt-maintenance-60',
    name: 'NMT maintenance session (60 min)',
    durationMinutes: 60,
    bufferAfterMinutes: 10,
    discipline: 'nmt',
    requirements: nmt,
    needsRoom: true,
  },
  {
    code: 'chiro-adjustment-30',
    name: 'Chiropractic adjustment (30 min)',
    durationMinutes: 30,
    bufferAfterMinutes: 5,
    discipline: 'chiropractic',
    requirements: [CHIROPRACTIC_LICENCE],
    needsRoom: true,
  },
  {
    code: 'acupuncture-60',
    name: 'Acupuncture (60 min)',
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    discipline: 'acupuncture',
    requirements: [ACUPUNCTURE_LICENCE],
    needsRoom: true,
  },
  // Held on the exercise floor, so it does not take a treatment room.
  {
    code: 'corrective-exercise-45',
    name: 'Corrective exercise (45 min)',
    durationMinutes: 45,
    bufferAfterMinutes: 5,
    discipline: 'corrective-exercise',
    requirements: [CORRECTIVE_EXERCISE_CERTIFICATION],
    needsRoom: false,
  },
];

export function serviceByCode(
  code: string,
  services: readonly ServiceDef[] = DEFAULT_SERVICES,
): ServiceDef | undefined {
  return services.find((service) => service.code === code);
}
