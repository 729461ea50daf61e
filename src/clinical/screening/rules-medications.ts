// Medication and blood rules: they change technique (pressure, holds), they rarely stop treatment.
import type { IntakeAnswers, MedicationClass } from './answers.ts';
import { ask, found, notKnown, unansweredQuestion } from './rule-helpers.ts';
import { cite } from './sources.ts';
import type { RuleOutcome, ScreeningRule } from './types.ts';

/** What a therapist calls each class of medicine, for reasons they read at the table. */
const CLASS_WORDS: Partial<Record<MedicationClass, string>> = {
  anticoagulant: 'a blood thinner',
  antiplatelet: 'an antiplatelet',
  analgesic: 'a pain killer',
  'muscle-relaxant': 'a muscle relaxant',
  corticosteroid: 'a steroid',
};

function takes(answers: IntakeAnswers, classes: readonly MedicationClass[]): string[] {
  const words = (c: MedicationClass) => CLASS_WORDS[c] ?? c;
  const names = (answers.medications ?? [])
    .filter((m) => classes.includes(m.class))
    .map((m) => (m.name ? `${m.name} (${words(m.class)})` : words(m.class)));
  return [...new Set(names)].sort();
}

const medicationsNotAsked = (consequence: string): RuleOutcome =>
  notKnown({ question: 'medications', why: `medications not asked: ${consequence}`, gates: 'caution' });

const bleedingSource = cite('nccih', 'walton2011', 'werner');

export const bleedingRiskRule: ScreeningRule = {
  id: 'bleeding-risk',
  title: 'Anticoagulants, antiplatelets or a bleeding disorder',
  decision: 'caution',
  evidence: 'consensus',
  source: bleedingSource,
  evaluate(answers) {
    const out: RuleOutcome[] = [];
    const drugs = takes(answers, ['anticoagulant', 'antiplatelet']);
    const disorder = ask(answers, 'bleedingDisorder');
    const reasons = [
      ...(drugs.length > 0 ? [`takes ${drugs.join(', ')}`] : []),
      ...(disorder.value === 'yes' ? [disorder.because] : []),
    ];
    if (reasons.length > 0)
      out.push(
        found({
          rule: 'bleeding-risk',
          decision: 'caution',
          reason: `${reasons.join('; ')}: bruising and bleeding into tissue under pressure`,
          source: bleedingSource,
          techniqueChanges: [
            'no deep pressure',
            'no elbow, knuckle or tool ischemic compression',
            'lighter, shorter holds on trigger points',
            'check for bruising at the next visit',
          ],
        }),
      );
    if (answers.medications === undefined) out.push(medicationsNotAsked('blood thinners call for lighter pressure'));
    if (disorder.value === 'unknown')
      out.push(unansweredQuestion(answers, 'bleedingDisorder', 'caution', 'no deep pressure'));
    return out;
  },
};

const feedbackSource = cite('werner', 'walton2011');

export const painFeedbackRule: ScreeningRule = {
  id: 'pain-feedback',
  title: 'Analgesics or muscle relaxants blunt pain feedback',
  decision: 'caution',
  evidence: 'consensus',
  source: feedbackSource,
  evaluate(answers) {
    if (answers.medications === undefined)
      return [medicationsNotAsked('pain relievers make pain ratings less reliable')];
    const drugs = takes(answers, ['analgesic', 'muscle-relaxant']);
    if (drugs.length === 0) return [];
    return [
      found({
        rule: 'pain-feedback',
        decision: 'caution',
        trigger: `takes ${drugs.join(', ')}`,
        reason: `takes ${drugs.join(', ')}: pain ratings are less reliable, so the 5–7 target can be overshot`,
        source: feedbackSource,
        techniqueChanges: [
          'moderate pressure; do not push to the 5–7 discomfort target on ratings alone',
          'ask when the last dose was taken',
        ],
      }),
    ];
  },
};

const steroidSource = cite('buckley2018', 'werner');

export const corticosteroidRule: ScreeningRule = {
  id: 'corticosteroid',
  title: 'Corticosteroids thin skin and bone',
  decision: 'caution',
  evidence: 'study',
  source: steroidSource,
  evaluate(answers) {
    if (answers.medications === undefined) return [medicationsNotAsked('long-term corticosteroids thin skin and bone')];
    const drugs = takes(answers, ['corticosteroid']);
    if (drugs.length === 0) return [];
    return [
      found({
        rule: 'corticosteroid',
        decision: 'caution',
        reason: `takes ${drugs.join(', ')}: long-term use thins skin and bone`,
        source: steroidSource,
        techniqueChanges: ['no heavy pressure over bone', 'no friction on thin skin'],
      }),
    ];
  },
};

export const MEDICATION_RULES: readonly ScreeningRule[] = [bleedingRiskRule, painFeedbackRule, corticosteroidRule];
