// The yes/no intake questions the rules depend on, and the condition codes that answer them.
// A listed condition counts as 'yes' to its question even if the flag says otherwise: a
// diagnosis written on the form outweighs an unticked box.

export const QUESTIONS = {
  feverOrInfection: 'Do you have a fever, or an acute infection such as flu, right now?',
  bloodClot: 'Do you have a blood clot (DVT), or a leg that is painful, swollen, warm or red for no known reason?',
  pulmonaryEmbolism: 'Are you being treated for a clot in the lung (pulmonary embolism)?',
  clotHistory: 'Have you ever had a blood clot in a leg or lung?',
  highBloodPressure: 'Have you been told you have high blood pressure?',
  unstableHeart:
    'Do you have chest pain at rest, a heart attack in the last 6 months, worsening heart failure or an uncontrolled ' +
    'irregular heartbeat?',
  heartDisease: 'Do you have a heart condition that is stable and under care?',
  strokeOrTia: 'Have you ever had a stroke or a "mini-stroke" (TIA)?',
  activeCancer: 'Do you have cancer now, or are you being treated for it?',
  cancerHistory: 'Have you had cancer in the past (treatment finished)?',
  osteoporosis: 'Have you been told you have osteoporosis (thin bones)?',
  fragilityFracture:
    'Have you broken a bone from a fall from standing height or less, or been told your osteoporosis is severe?',
  contagiousSkin:
    'Do you have a skin condition that could spread (e.g. shingles, scabies, impetigo, ' +
    'ringworm) or a widespread flare?',
  diabetes: 'Do you have diabetes?',
  neuropathy: 'Do you have reduced feeling, numbness or burning in your feet or hands from nerve damage (neuropathy)?',
  epilepsy: 'Do you have epilepsy or seizures?',
  bleedingDisorder: 'Do you bruise or bleed easily, or have a bleeding disorder or low platelets?',
  neurologicalSigns: 'Do you have numbness, tingling or weakness that a doctor has not yet checked?',
  unexplainedPain:
    'Do you have pain with no known cause that has never been checked by a doctor (e.g. constant, worse at night)?',
} as const;

export type QuestionId = keyof typeof QUESTIONS;
export const QUESTION_IDS = Object.keys(QUESTIONS) as QuestionId[];

/** Diagnosed conditions a patient may list, each answering one question with 'yes'. */
export const CONDITIONS = {
  influenza: 'feverOrInfection',
  'covid-19': 'feverOrInfection',
  'deep-vein-thrombosis': 'bloodClot',
  'pulmonary-embolism': 'pulmonaryEmbolism',
  'past-deep-vein-thrombosis': 'clotHistory',
  'past-pulmonary-embolism': 'clotHistory',
  hypertension: 'highBloodPressure',
  'unstable-angina': 'unstableHeart',
  'decompensated-heart-failure': 'unstableHeart',
  'coronary-artery-disease': 'heartDisease',
  'stable-heart-failure': 'heartDisease',
  'atrial-fibrillation': 'heartDisease',
  stroke: 'strokeOrTia',
  'transient-ischemic-attack': 'strokeOrTia',
  'cancer-active': 'activeCancer',
  'cancer-history': 'cancerHistory',
  osteoporosis: 'osteoporosis',
  shingles: 'contagiousSkin',
  scabies: 'contagiousSkin',
  impetigo: 'contagiousSkin',
  ringworm: 'contagiousSkin',
  'diabetes-type-1': 'diabetes',
  'diabetes-type-2': 'diabetes',
  'peripheral-neuropathy': 'neuropathy',
  epilepsy: 'epilepsy',
  hemophilia: 'bleedingDisorder',
  'von-willebrand-disease': 'bleedingDisorder',
  thrombocytopenia: 'bleedingDisorder',
} as const satisfies Record<string, QuestionId>;

export type ConditionCode = keyof typeof CONDITIONS;
export const CONDITION_CODES = Object.keys(CONDITIONS) as ConditionCode[];
