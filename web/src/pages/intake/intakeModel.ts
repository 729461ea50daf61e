import type { IntakeDocument, PainEntry } from '../../api/charting.ts';
import {
  checkStrokeDate,
  checkVitals,
  emptyVitals,
  vitalsAnswers,
  vitalsFrom,
  type VitalsState,
} from './vitalsModel.ts';

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
export const HEALTH_ANSWERS: readonly { value: HealthAnswer; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Not sure' },
];

// Plain labels for the screening module's questions (src/clinical/screening/questions.ts).
export const HEALTH_NOW: readonly [string, string][] = [
  ['feverOrInfection', 'A fever, flu or another infection right now'],
  ['bloodClot', 'A blood clot (DVT), or a leg that is swollen, warm, red or painful for no known reason'],
  ['pulmonaryEmbolism', 'Treatment for a clot in the lung (pulmonary embolism)'],
  ['unstableHeart', 'Chest pain at rest, a heart attack in the last 6 months, or heart failure that is getting worse'],
  ['contagiousSkin', 'A skin condition that can spread, such as shingles, scabies or impetigo'],
  ['neurologicalSigns', 'Numbness, tingling or weakness that a doctor has not checked yet'],
  [
    'unexplainedPain',
    'Pain with no known cause that a doctor has never checked (for example constant, or worse at night)',
  ],
];
export const HEALTH_HISTORY: readonly [string, string][] = [
  ['clotHistory', 'A blood clot in a leg or lung in the past'],
  ['highBloodPressure', 'High blood pressure'],
  ['heartDisease', 'A heart condition that is stable and under care'],
  ['strokeOrTia', 'A stroke or "mini-stroke" (TIA)'],
  ['activeCancer', 'Cancer now, or treatment for cancer'],
  ['cancerHistory', 'Cancer in the past (treatment finished)'],
  ['osteoporosis', 'Osteoporosis (thin bones)'],
  ['fragilityFracture', 'A broken bone from a fall from standing height or less'],
  ['diabetes', 'Diabetes'],
  ['neuropathy', 'Numbness or burning in the feet or hands from nerve damage (neuropathy)'],
  ['epilepsy', 'Epilepsy or seizures'],
  ['bleedingDisorder', 'Bruising or bleeding easily, or a bleeding disorder'],
];
export const MEDICATION_GROUPS: readonly { class: string; label: string; hint: string }[] = [
  {
    class: 'anticoagulant',
    label: 'Blood thinners',
    hint: 'For example warfarin, apixaban (Eliquis), rivaroxaban (Xarelto). Firm pressure can bruise you more easily.',
  },
  {
    class: 'antiplatelet',
    label: 'Daily aspirin or clopidogrel',
    hint: 'Medicines that stop blood cells sticking together, such as low-dose aspirin or Plavix.',
  },
  {
    class: 'analgesic',
    label: 'Pain killers',
    hint:
      'For example ibuprofen, naproxen, acetaminophen (Tylenol) or codeine. They can dull how much pressure ' +
      'you feel.',
  },
  {
    class: 'muscle-relaxant',
    label: 'Muscle relaxants',
    hint: 'For example cyclobenzaprine, methocarbamol or baclofen.',
  },
  {
    class: 'corticosteroid',
    label: 'Steroid tablets or injections',
    hint: 'For example prednisone, or a recent cortisone injection.',
  },
  { class: 'other', label: 'Other regular medicines', hint: 'Anything else you take most days.' },
];

export const LOCAL_ISSUES: readonly [string, string][] = [
  ['open-wound', 'An open cut or wound'],
  ['burn', 'A burn'],
  ['bruise', 'A bad bruise'],
  ['skin-infection', 'A skin infection'],
  ['acute-inflammation', 'A hot, red, swollen area'],
  ['acute-sprain', 'A sprain in the last few days'],
  ['recent-fracture', 'A broken bone that is still healing'],
  ['varicose-veins', 'Varicose veins'],
  ['phlebitis', 'A painful, inflamed vein (phlebitis)'],
  ['aneurysm', 'An aneurysm'],
  ['tumour', 'A tumour'],
  ['undiagnosed-lump', 'A lump a doctor has not checked'],
  ['irradiated-skin', 'Skin treated with radiotherapy'],
  ['implanted-device', 'An implanted device, such as a pacemaker, pump or port'],
];

export const STEPS = [
  { id: 'health-now', title: 'Your health today' },
  { id: 'health-history', title: 'Your health in the past' },
  { id: 'medicines', title: 'Medicines you take' },
  { id: 'injuries', title: 'Injuries and operations' },
  { id: 'body-issues', title: 'Places not to press on' },
  { id: 'pregnancy', title: 'Pregnancy' },
  { id: 'vitals', title: 'Blood pressure and temperature' },
  { id: 'goals', title: 'What you want from treatment' },
  { id: 'pain-start', title: 'When your pain started' },
  { id: 'pain-pattern', title: 'How your pain behaves' },
  { id: 'pain-map', title: 'Where it hurts' },
  { id: 'review', title: 'Check your answers' },
] as const;
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
function unansweredHealth(group: readonly [string, string][], state: IntakeState): Record<string, string> {
  return Object.fromEntries(
    group
      .filter(([key]) => !state.questions[key])
      .map(([key, label]) => [questionField(key), `Answer yes, no or not sure: ${label}`]),
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
export function checkStep(step: StepId, state: IntakeState, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (step === 'medicines') {
    for (const g of MEDICATION_GROUPS) {
      const m = state.medications[g.class];
      if (m?.on && g.class === 'other' && !m.name.trim())
        errors[`med-${g.class}-name`] = 'Tell us the name of the other medicine';
    }
  }
  if (step === 'injuries') {
    state.surgeries.forEach((s, i) => {
      if (!s.what.trim()) errors[`surgery-${i}-what`] = 'Say what the operation was';
      if (!isDate(s.date)) errors[`surgery-${i}-date`] = 'Enter the date of the operation';
      else if (s.date > today) errors[`surgery-${i}-date`] = 'The date of the operation must be today or in the past';
    });
    state.injuries.forEach((inj, i) => {
      if (!inj.what.trim()) errors[`injury-${i}-what`] = 'Say what the injury was, or remove it';
    });
  }
  if (step === 'body-issues') {
    for (const [kind] of LOCAL_ISSUES) {
      const issue = state.localIssues[kind];
      if (issue?.on && !issue.region) errors[`issue-${kind}-region`] = 'Choose where on the body it is';
    }
  }
  if (step === 'health-now') Object.assign(errors, unansweredHealth(HEALTH_NOW, state));
  if (step === 'health-history') {
    Object.assign(errors, unansweredHealth(HEALTH_HISTORY, state));
    Object.assign(errors, checkStrokeDate(state.vitals, state.questions.strokeOrTia === 'yes', today));
  }
  if (step === 'vitals') Object.assign(errors, checkVitals(state.vitals));
  if (step === 'pregnancy' && !state.pregnancy) errors.pregnancy = 'Select whether you are pregnant';
  if (step === 'goals' && !state.goals.some((g) => g.trim()))
    errors['goal-0'] = 'Tell us at least one thing you want treatment to help with';
  if (step === 'pain-start') {
    if (!state.onset) errors.onset = 'Select how your pain started';
    const n = Number(state.durationAmount);
    if (state.durationAmount.trim() === '') errors.duration = 'Enter how long you have had the pain';
    else if (!Number.isInteger(n) || n < 0 || n > 100) errors.duration = 'Enter a whole number, like 3';
  }
  if (step === 'pain-map' && state.painMap.length === 0)
    errors['pain-map'] = 'Tap at least one place on the body where you have pain';
  return errors;
}
