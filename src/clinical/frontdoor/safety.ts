/**
 * "Is it safe for me?": the handful of screening questions that can block treatment, asked in patient
 * words, judged by the same rules as the intake (../screening). A result at "refer" or above (an absolute
 * contraindication, or one that needs a doctor's clearance) ends with "please see your doctor first" and
 * the content of a clearance request the physician fills in; a relative one ("caution") continues, with
 * a note for the therapist. This is a first look, not the intake: the intake asks everything again.
 */
import { DECISION_RANK, screen, type Decision, type IntakeAnswers, type QuestionId } from '../screening/index.ts';
import type { Locale } from './about.ts';

/** The public questions: each screening question it answers, or pregnancy. */
export const SAFETY_QUESTION_IDS = [
  'feverOrInfection',
  'bloodClot',
  'pulmonaryEmbolism',
  'clotHistory',
  'unstableHeart',
  'strokeOrTia',
  'activeCancer',
  'contagiousSkin',
  'fragilityFracture',
  'neurologicalSigns',
  'pregnant',
  'bleedingDisorder',
  'heartDisease',
  'epilepsy',
  'osteoporosis',
] as const satisfies readonly (QuestionId | 'pregnant')[];
export type SafetyQuestionId = (typeof SAFETY_QUESTION_IDS)[number];

const QUESTIONS: Record<Locale, Record<SafetyQuestionId, string>> = {
  en: {
    feverOrInfection: 'Do you have a fever, the flu or another infection right now?',
    bloodClot: 'Do you have a blood clot, or a leg that is swollen, warm, red or painful for no clear reason?',
    pulmonaryEmbolism: 'Are you being treated for a blood clot in the lung?',
    clotHistory: 'Have you ever had a blood clot in a leg or a lung?',
    unstableHeart:
      'Do you have chest pain at rest, a heart attack in the last 6 months, or heart failure or an irregular ' +
      'heartbeat that is getting worse?',
    strokeOrTia: 'Have you had a stroke or a "mini-stroke" (TIA)?',
    activeCancer: 'Do you have cancer now, or are you being treated for it?',
    contagiousSkin: 'Do you have a skin problem that can spread, such as shingles, scabies or ringworm?',
    fragilityFracture: 'Have you broken a bone from a simple fall, or been told your bones are very thin?',
    neurologicalSigns: 'Do you have numbness, tingling or weakness that no doctor has checked yet?',
    pregnant: 'Are you pregnant?',
    bleedingDisorder: 'Do you bruise or bleed easily, or take a blood thinner?',
    heartDisease: 'Do you have a heart condition that is stable and followed by a doctor?',
    epilepsy: 'Do you have epilepsy or seizures?',
    osteoporosis: 'Have you been told you have osteoporosis (thin bones)?',
  },
  es: {
    feverOrInfection: '¿Tiene fiebre, gripe u otra infección en este momento?',
    bloodClot: '¿Tiene un coágulo, o una pierna hinchada, caliente, roja o adolorida sin razón clara?',
    pulmonaryEmbolism: '¿Le están tratando por un coágulo en el pulmón?',
    clotHistory: '¿Ha tenido alguna vez un coágulo en una pierna o en el pulmón?',
    unstableHeart:
      '¿Tiene dolor de pecho en reposo, tuvo un infarto en los últimos 6 meses, o una falla del corazón o un ' +
      'ritmo irregular que está empeorando?',
    strokeOrTia: '¿Ha tenido un derrame cerebral o un "mini derrame" (AIT)?',
    activeCancer: '¿Tiene cáncer ahora o está en tratamiento por cáncer?',
    contagiousSkin: '¿Tiene un problema de la piel que se puede contagiar, como culebrilla, sarna o tiña?',
    fragilityFracture: '¿Se ha roto un hueso en una caída sencilla, o le dijeron que sus huesos están muy débiles?',
    neurologicalSigns: '¿Tiene adormecimiento, hormigueo o debilidad que ningún médico ha revisado todavía?',
    pregnant: '¿Está embarazada?',
    bleedingDisorder: '¿Le salen moretones o sangra con facilidad, o toma un anticoagulante?',
    heartDisease: '¿Tiene una condición del corazón estable y controlada por su médico?',
    epilepsy: '¿Tiene epilepsia o convulsiones?',
    osteoporosis: '¿Le han dicho que tiene osteoporosis (huesos débiles)?',
  },
};

const WORDS = {
  en: {
    title: 'Is it safe for me?',
    intro: 'A few health questions decide whether we can treat you, or need a note from your doctor first.',
    seeDoctor: 'Please see your doctor first.',
    seeDoctorWhy:
      'Because of what you answered, we need your doctor to say that this treatment is safe for you before your ' +
      'first visit. Print the clearance request, take it to your doctor, and upload it or bring it with you.',
    note: 'You can book. Your therapist will read your answers and adjust the treatment to them.',
    clear: 'Nothing you answered stops treatment. Your intake form will ask a little more before your visit.',
    book: 'Book a first visit',
    print: 'Print a clearance request for your doctor',
  },
  es: {
    title: '¿Es seguro para mí?',
    intro: 'Algunas preguntas de salud deciden si podemos tratarle o si primero necesitamos una nota de su médico.',
    seeDoctor: 'Por favor, consulte primero a su médico.',
    seeDoctorWhy:
      'Por lo que respondió, necesitamos que su médico diga que este tratamiento es seguro para usted antes de ' +
      'la primera visita. Imprima la solicitud, llévela a su médico y súbala o tráigala a la cita.',
    note: 'Puede reservar. Su terapeuta leerá sus respuestas y adaptará el tratamiento.',
    clear: 'Nada de lo que respondió impide el tratamiento. Su formulario de salud le preguntará un poco más.',
    book: 'Reservar una primera visita',
    print: 'Imprimir la solicitud para su médico',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Words of the printable clearance request the physician fills in. */
const CLEARANCE = {
  en: {
    title: 'Request for medical clearance for neuromuscular therapy',
    toPhysician:
      'Your patient would like to receive neuromuscular therapy (hands-on treatment of muscles and soft tissue ' +
      'with sustained pressure). They told us about the following. Please tell us whether treatment is safe, and ' +
      'any limits we should keep to.',
    reported: 'The patient reported',
    fields: [
      'Patient name',
      'Date of birth',
      'Treatment may proceed:   [ ] yes   [ ] yes, with the limits below   [ ] not at this time',
      'Limits (areas to avoid, pressure, positions)',
      'Valid until',
      'Physician name',
      'Practice and phone',
      'Signature',
      'Date',
    ],
  },
  es: {
    title: 'Solicitud de autorización médica para terapia neuromuscular',
    toPhysician:
      'Su paciente desea recibir terapia neuromuscular (tratamiento manual de músculos y tejidos blandos con ' +
      'presión sostenida). Nos informó lo siguiente. Indíquenos si el tratamiento es seguro y qué límites debemos ' +
      'respetar.',
    reported: 'El paciente informó',
    fields: [
      'Nombre del paciente',
      'Fecha de nacimiento',
      'Puede recibir el tratamiento:   [ ] sí   [ ] sí, con los límites indicados   [ ] no por ahora',
      'Límites (zonas a evitar, presión, posiciones)',
      'Válido hasta',
      'Nombre del médico',
      'Consultorio y teléfono',
      'Firma',
      'Fecha',
    ],
  },
} as const satisfies Record<Locale, { title: string; toPhysician: string; reported: string; fields: string[] }>;

export type YesNo = 'yes' | 'no';
export type SafetyAnswers = Record<SafetyQuestionId, YesNo>;

export interface SafetyQuestions {
  locale: Locale;
  title: string;
  intro: string;
  questions: { id: SafetyQuestionId; text: string }[];
}

export function safetyQuestions(locale: Locale): SafetyQuestions {
  return {
    locale,
    title: WORDS[locale].title,
    intro: WORDS[locale].intro,
    questions: SAFETY_QUESTION_IDS.map((id) => ({ id, text: QUESTIONS[locale][id] })),
  };
}

export interface ClearanceRequest {
  title: string;
  toPhysician: string;
  reported: string;
  /** The questions answered yes that call for clearance, in the patient's language. */
  reasons: string[];
  /** Lines the physician fills in. */
  fields: string[];
}

export type SafetyOutcome = 'see-doctor-first' | 'note-for-therapist' | 'clear';

export interface SafetyResult {
  locale: Locale;
  outcome: SafetyOutcome;
  message: string;
  /** Absolute contraindications: the clearance request to print. */
  clearance: ClearanceRequest | null;
  /** Relative ones: what the therapist reads before the visit (clinician words, from the screening rules). */
  therapistNote: string[];
  nextStep: { action: 'book-first-visit' | 'print-clearance'; label: string };
}

/** The intake answers these public answers stand for: unasked fields are left out, never guessed. */
function asIntake(answers: SafetyAnswers): IntakeAnswers {
  const questions: Partial<Record<QuestionId, 'yes' | 'no'>> = {};
  for (const id of SAFETY_QUESTION_IDS) if (id !== 'pregnant') questions[id] = answers[id];
  return { questions, pregnancy: { status: answers.pregnant } };
}

/** Which public question a screening finding or unknown is about, by the intake field it reads. */
function questionOf(path: string): SafetyQuestionId | null {
  if (path.startsWith('pregnancy')) return 'pregnant';
  if (path === 'lastStrokeOrTiaDate') return 'strokeOrTia';
  const id = path.replace(/^questions\./, '');
  return (SAFETY_QUESTION_IDS as readonly string[]).includes(id) ? (id as SafetyQuestionId) : null;
}

/**
 * Judges the answers with the intake's rules. Only findings, and unknowns about details of a question
 * answered yes (a pregnancy's trimester, a stroke's date), count: the rest of the intake is not asked here.
 */
export function evaluateSafety(locale: Locale, answers: SafetyAnswers, today: string): SafetyResult {
  const result = screen(asIntake(answers), { today });
  let decision: Decision = 'clear';
  const raise = (d: Decision) => {
    if (DECISION_RANK[d] > DECISION_RANK[decision]) decision = d;
  };
  for (const f of result.findings) raise(f.decision);
  const askedYes = (id: SafetyQuestionId | null) => id !== null && answers[id] === 'yes';
  for (const u of result.unknowns) if (askedYes(questionOf(u.question))) raise(u.gates);
  const w = WORDS[locale];
  if (DECISION_RANK[decision] >= DECISION_RANK.refer) {
    const c = CLEARANCE[locale];
    const reasons = SAFETY_QUESTION_IDS.filter((id) => answers[id] === 'yes').map((id) => QUESTIONS[locale][id]);
    return {
      locale,
      outcome: 'see-doctor-first',
      message: `${w.seeDoctor} ${w.seeDoctorWhy}`,
      clearance: { title: c.title, toPhysician: c.toPhysician, reported: c.reported, reasons, fields: [...c.fields] },
      therapistNote: [],
      nextStep: { action: 'print-clearance', label: w.print },
    };
  }
  const relative = decision !== 'clear';
  return {
    locale,
    outcome: relative ? 'note-for-therapist' : 'clear',
    message: relative ? w.note : w.clear,
    clearance: null,
    therapistNote: relative ? result.findings.map((f) => f.reason) : [],
    nextStep: { action: 'book-first-visit', label: w.book },
  };
}
