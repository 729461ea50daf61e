// Answer sets for tests and benchmarks: a fully answered "all no" intake to vary one field at a time.
import type { IntakeAnswers } from './answers.ts';
import { QUESTION_IDS, type QuestionId } from './questions.ts';

export function allNoAnswers(): IntakeAnswers {
  const questions: Partial<Record<QuestionId, 'no'>> = {};
  for (const id of QUESTION_IDS) questions[id] = 'no';
  return {
    questions,
    conditions: [],
    medications: [],
    surgeries: [],
    pregnancy: { status: 'not-applicable' },
    bloodPressure: { systolic: 118, diastolic: 76 },
    temperatureC: 36.8,
    localIssues: [],
  };
}

/** A full intake with several findings at every level: the bench's realistic case. */
export function busyAnswers(): IntakeAnswers {
  const answers = allNoAnswers();
  answers.questions = {
    ...answers.questions,
    highBloodPressure: 'yes',
    osteoporosis: 'yes',
    diabetes: 'yes',
    neuropathy: 'yes',
    cancerHistory: 'yes',
  };
  answers.conditions = ['hypertension', 'osteoporosis', 'diabetes-type-2', 'peripheral-neuropathy'];
  answers.medications = [
    { class: 'anticoagulant', name: 'warfarin' },
    { class: 'analgesic', name: 'paracetamol' },
    { class: 'corticosteroid', name: 'prednisone' },
    { class: 'antihypertensive' },
  ];
  answers.surgeries = [
    { what: 'hernia repair', date: '2026-10-30', regions: ['groin-right'] },
    { what: 'wrist fracture fixation', date: '2026-09-10', regions: ['volar-wrist-left'] },
  ];
  answers.bloodPressure = { systolic: 146, diastolic: 88 };
  answers.localIssues = [
    { kind: 'varicose-veins', regions: ['calf-left', 'calf-right'] },
    { kind: 'open-wound', regions: ['shin-right'] },
    { kind: 'undiagnosed-lump', regions: ['scapula-left'] },
  ];
  return answers;
}
