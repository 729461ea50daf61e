import type { IntakeDocument, PainEntry } from '../../api/charting.ts';
import {
  checkStrokeDate,
  checkVitals,
  emptyVitals,
  vitalsAnswers,
  vitalsFrom,
  type VitalsState,
} from './vitalsModel.ts';
import type { MessageId, useT } from '../../i18n/t.ts';

type Translate = ReturnType<typeof useT>;

/** The intake as the form holds it; `toDocument` turns it into the API's questionnaire document. */
export interface IntakeState {
  /** Health questions answered so far: each one yes, no or not sure ('unknown'); none is assumed. */
  questions: Record<string, HealthAnswer>;
  answeredPages: string[];
  otherConditions: string;
  medications: Record<string, { on: boolean; name: string }>;
  /** Places not to press on (wounds, veins, lumps…), each with where it is on the body map. */
  localIssues: Record<string, { on: boolean; region: string }>;
  injuries: { what: string; date: string }[];
  surgeries: { what: string; date: string; region?: string }[];
  pregnancy: '' | 'yes' | 'no' | 'unknown' | 'not-applicable';
  trimester: '' | '1' | '2' | '3';
  goals: string[];
  onset: '' | 'sudden' | 'gradual' | 'after-injury' | 'unknown';
  durationAmount: string;
  durationUnit: 'days' | 'weeks' | 'months' | 'years';
  betterWith: string;
  worseWith: string;
  worstTime: '' | 'morning' | 'daytime' | 'evening' | 'night' | 'constant' | 'varies';
  wakesAtNight: '' | 'yes' | 'no' | 'unknown';
  limits: string;
  painMap: PainEntry[];
  /** Stroke date, blood pressure and temperature (see vitalsModel.ts). */
  vitals: VitalsState;
}

export type HealthAnswer = 'yes' | 'no' | 'unknown';
/** Labels are message ids (web/src/i18n): the page shows them in the patient's language. */
export const HEALTH_ANSWERS: readonly { value: HealthAnswer; label: MessageId }[] = [
  { value: 'yes', label: 'intake.answer.yes' },
  { value: 'no', label: 'intake.answer.no' },
  { value: 'unknown', label: 'intake.answer.unknown' },
];

// Plain labels for the screening module's questions (src/clinical/screening/questions.ts).
const question = (key: string): [string, MessageId] => [key, `intake.q.${key}` as MessageId];
export const HEALTH_NOW: readonly [string, MessageId][] = [
  'feverOrInfection',
  'bloodClot',
  'pulmonaryEmbolism',
  'unstableHeart',
  'contagiousSkin',
  'neurologicalSigns',
  'unexplainedPain',
].map(question);
export const HEALTH_HISTORY: readonly [string, MessageId][] = [
  'clotHistory',
  'highBloodPressure',
  'heartDisease',
  'strokeOrTia',
  'activeCancer',
  'cancerHistory',
  'osteoporosis',
  'fragilityFracture',
  'diabetes',
  'neuropathy',
  'epilepsy',
  'bleedingDisorder',
].map(question);
export const MEDICATION_GROUPS: readonly { class: string; label: MessageId; hint: MessageId }[] = [
  'anticoagulant',
  'antiplatelet',
  'analgesic',
  'muscle-relaxant',
  'corticosteroid',
  'other',
].map((c) => ({ class: c, label: `intake.med.${c}` as MessageId, hint: `intake.med.${c}.hint` as MessageId }));

export const LOCAL_ISSUES: readonly [string, MessageId][] = [
  'open-wound',
  'burn',
  'bruise',
  'skin-infection',
  'acute-inflammation',
  'acute-sprain',
  'recent-fracture',
  'varicose-veins',
  'phlebitis',
  'aneurysm',
  'tumour',
  'undiagnosed-lump',
  'irradiated-skin',
  'implanted-device',
].map((kind) => [kind, `intake.issue.${kind}` as MessageId]);

export const STEPS = [
  { id: 'health-now', title: 'intake.step.health-now' },
  { id: 'health-history', title: 'intake.step.health-history' },
  { id: 'medicines', title: 'intake.step.medicines' },
  { id: 'injuries', title: 'intake.step.injuries' },
  { id: 'body-issues', title: 'intake.step.body-issues' },
  { id: 'pregnancy', title: 'intake.step.pregnancy' },
  { id: 'vitals', title: 'intake.step.vitals' },
  { id: 'goals', title: 'intake.step.goals' },
  { id: 'pain-start', title: 'intake.step.pain-start' },
  { id: 'pain-pattern', title: 'intake.step.pain-pattern' },
  { id: 'pain-map', title: 'intake.step.pain-map' },
  { id: 'review', title: 'intake.step.review' },
] as const satisfies readonly { id: string; title: MessageId }[];
export type StepId = (typeof STEPS)[number]['id'];

export function emptyIntake(): IntakeState {
  return {
    questions: {},
    answeredPages: [],
    otherConditions: '',
    medications: {},
    localIssues: {},
    injuries: [],
    surgeries: [],
    pregnancy: '',
    trimester: '',
    goals: ['', '', ''],
    onset: '',
    durationAmount: '',
    durationUnit: 'weeks',
    betterWith: '',
    worseWith: '',
    worstTime: '',
    wakesAtNight: '',
    limits: '',
    painMap: [],
    vitals: emptyVitals(),
  };
}

const DAYS: Record<IntakeState['durationUnit'], number> = { days: 1, weeks: 7, months: 30, years: 365 };
const list = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 20);
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The questionnaire document; with `draft` it keeps only what is already well formed. */
export function toDocument(state: IntakeState, draft: boolean): IntakeDocument {
  const answered = (page: string) => state.answeredPages.includes(page);
  // Only what the patient chose: a question left blank stays blank (the server refuses to submit it).
  const questions: Record<string, HealthAnswer> = {};
  for (const [key] of [...HEALTH_NOW, ...HEALTH_HISTORY]) {
    const value = state.questions[key];
    if (value) questions[key] = value;
  }
  const medications = MEDICATION_GROUPS.filter((g) => state.medications[g.class]?.on).map((g) => {
    const name = state.medications[g.class]?.name.trim();
    return name ? { class: g.class, name } : { class: g.class };
  });
  const surgeries = state.surgeries
    .filter((s) => s.what.trim() && isDate(s.date))
    .map((s) => ({ what: s.what.trim(), date: s.date, ...(s.region ? { regions: [s.region] } : {}) }));
  const answers: IntakeDocument['answers'] = { ...vitalsAnswers(state.vitals, questions.strokeOrTia === 'yes') };
  if (Object.keys(questions).length > 0) answers.questions = questions;
  if (answered('medicines')) answers.medications = medications;
  if (answered('injuries')) answers.surgeries = surgeries;
  const issues = LOCAL_ISSUES.filter(([kind]) => state.localIssues[kind]?.on && state.localIssues[kind]?.region).map(
    ([kind]) => ({ kind, regions: [state.localIssues[kind]!.region] }),
  );
  if (answered('body-issues') || issues.length > 0) answers.localIssues = issues;
  if (state.pregnancy) {
    answers.pregnancy = {
      status: state.pregnancy,
      ...(state.pregnancy === 'yes' && state.trimester ? { trimester: Number(state.trimester) as 1 | 2 | 3 } : {}),
    };
  }
  const days = Number(state.durationAmount);
  const story: NonNullable<IntakeDocument['painStory']> = {};
  if (state.onset) story.onset = state.onset;
  if (state.durationAmount !== '' && Number.isInteger(days) && days >= 0)
    story.durationDays = Math.min(36500, days * DAYS[state.durationUnit]);
  story.betterWith = list(state.betterWith);
  story.worseWith = list(state.worseWith);
  if (state.worstTime) story.worstTime = state.worstTime;
  if (state.wakesAtNight) story.wakesAtNight = state.wakesAtNight;
  story.limits = list(state.limits);
  const complete = story.onset !== undefined && story.durationDays !== undefined;
  return {
    questionnaire: 'knotwork-intake-v1',
    answers,
    injuries: state.injuries
      .filter((i) => i.what.trim())
      .map((i) => ({ what: i.what.trim(), ...(isDate(i.date) ? { date: i.date } : {}) })),
    ...(state.otherConditions.trim() ? { otherConditions: state.otherConditions.trim() } : {}),
    goals: state.goals.map((g) => g.trim()).filter(Boolean),
    ...(draft || complete ? { painStory: story } : {}),
    painMap: state.painMap,
  };
}

/** Reads a saved draft (or the last version, for an update) back into the form. */
export function fromDocument(doc: IntakeDocument): IntakeState {
  const state = emptyIntake();
  const q = doc.answers?.questions ?? {};
  for (const [key, value] of Object.entries(q))
    if (value === 'yes' || value === 'no' || value === 'unknown') state.questions[key] = value;
  if (HEALTH_NOW.some(([k]) => k in q)) state.answeredPages.push('health-now');
  if (HEALTH_HISTORY.some(([k]) => k in q)) state.answeredPages.push('health-history');
  if (doc.answers?.medications) {
    state.answeredPages.push('medicines');
    for (const m of doc.answers.medications) state.medications[m.class] = { on: true, name: m.name ?? '' };
  }
  if (doc.answers?.surgeries) {
    state.answeredPages.push('injuries');
    state.surgeries = doc.answers.surgeries.map((s) => ({ what: s.what, date: s.date, region: s.regions?.[0] ?? '' }));
  }
  if (doc.answers?.localIssues) {
    state.answeredPages.push('body-issues');
    for (const issue of doc.answers.localIssues)
      state.localIssues[issue.kind] = { on: true, region: issue.regions[0] ?? '' };
  }
  state.injuries = (doc.injuries ?? []).map((i) => ({ what: i.what, date: i.date ?? '' }));
  if (doc.answers?.pregnancy) {
    state.pregnancy = doc.answers.pregnancy.status;
    state.trimester = doc.answers.pregnancy.trimester
      ? (String(doc.answers.pregnancy.trimester) as '1' | '2' | '3')
      : '';
  }
  state.otherConditions = doc.otherConditions ?? '';
  const goals = doc.goals ?? [];
  state.goals = [goals[0] ?? '', goals[1] ?? '', goals[2] ?? ''];
  const story = doc.painStory ?? {};
  state.onset = story.onset ?? '';
  if (story.durationDays !== undefined) {
    const unit = story.durationDays % 7 === 0 && story.durationDays > 0 ? 'weeks' : 'days';
    state.durationUnit = unit;
    state.durationAmount = String(unit === 'weeks' ? story.durationDays / 7 : story.durationDays);
  }
  state.betterWith = (story.betterWith ?? []).join(', ');
  state.worseWith = (story.worseWith ?? []).join(', ');
  state.worstTime = story.worstTime ?? '';
  state.wakesAtNight = story.wakesAtNight ?? '';
  state.limits = (story.limits ?? []).join(', ');
  state.painMap = doc.painMap ?? [];
  state.vitals = vitalsFrom(doc.answers);
  return state;
}

/** The field of one health question (its first radio button carries the id the error summary links to). */
export const questionField = (key: string) => `q-${key}`;

/** Every health question on a page needs its own answer: a blank is never taken as "no". */
function unansweredHealth(
  group: readonly [string, MessageId][],
  state: IntakeState,
  t: Translate,
): Record<string, string> {
  return Object.fromEntries(
    group
      .filter(([key]) => !state.questions[key])
      .map(([key, label]) => [questionField(key), t('intake.check.answer', { question: t(label) })]),
  );
}

/** Pages that hold each server field of a refused submission, so the review can send the patient back. */
export function stepOfServerField(field: string): StepId | undefined {
  const key = field.startsWith('answers.questions.') ? field.slice('answers.questions.'.length) : '';
  if (HEALTH_NOW.some(([k]) => k === key)) return 'health-now';
  if (HEALTH_HISTORY.some(([k]) => k === key)) return 'health-history';
  return undefined;
}

/** What must be fixed before leaving a page: field name → plain message. */
export function checkStep(step: StepId, state: IntakeState, today: string, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (step === 'medicines') {
    for (const g of MEDICATION_GROUPS) {
      const m = state.medications[g.class];
      if (m?.on && g.class === 'other' && !m.name.trim())
        errors[`med-${g.class}-name`] = t('intake.check.otherMedicine');
    }
  }
  if (step === 'injuries') {
    state.surgeries.forEach((s, i) => {
      if (!s.what.trim()) errors[`surgery-${i}-what`] = t('intake.check.operationWhat');
      if (!isDate(s.date)) errors[`surgery-${i}-date`] = t('intake.check.operationDate');
      else if (s.date > today) errors[`surgery-${i}-date`] = t('intake.check.operationPast');
    });
    state.injuries.forEach((inj, i) => {
      if (!inj.what.trim()) errors[`injury-${i}-what`] = t('intake.check.injuryWhat');
    });
  }
  if (step === 'body-issues') {
    for (const [kind] of LOCAL_ISSUES) {
      const issue = state.localIssues[kind];
      if (issue?.on && !issue.region) errors[`issue-${kind}-region`] = t('intake.check.where');
    }
  }
  if (step === 'health-now') Object.assign(errors, unansweredHealth(HEALTH_NOW, state, t));
  if (step === 'health-history') {
    Object.assign(errors, unansweredHealth(HEALTH_HISTORY, state, t));
    Object.assign(errors, checkStrokeDate(state.vitals, state.questions.strokeOrTia === 'yes', today, t));
  }
  if (step === 'vitals') Object.assign(errors, checkVitals(state.vitals, t));
  if (step === 'pregnancy' && !state.pregnancy) errors.pregnancy = t('intake.check.pregnancy');
  if (step === 'goals' && !state.goals.some((g) => g.trim())) errors['goal-0'] = t('intake.check.goal');
  if (step === 'pain-start') {
    if (!state.onset) errors.onset = t('intake.check.onset');
    const n = Number(state.durationAmount);
    if (state.durationAmount.trim() === '') errors.duration = t('intake.check.duration');
    else if (!Number.isInteger(n) || n < 0 || n > 100) errors.duration = t('intake.check.wholeNumber');
  }
  if (step === 'pain-map' && state.painMap.length === 0) errors['pain-map'] = t('intake.check.painMap');
  return errors;
}
