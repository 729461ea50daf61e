// Whole-body rules: fever, clots, blood pressure, heart, stroke. Most are systemic
// contraindications (no treatment anywhere until resolved or cleared) in Werner's grouping.
import { daysBetween } from '../../time/index.ts';
import { ask, found, notKnown, unansweredQuestion, yesNoRule } from './rule-helpers.ts';
import { cite } from './sources.ts';
import type { RuleOutcome, ScreeningRule } from './types.ts';

/** CDC's fever threshold: a measured 38.0 °C (100.4 °F) or more. */
export const FEVER_THRESHOLD_C = 38.0;
/** ACC/AHA 2017 bands, mmHg. Crisis is strictly above 180 / 120 in the guideline. */
export const BP_CRISIS = { systolicAbove: 180, diastolicAbove: 120 } as const;
export const BP_STAGE_2 = { systolic: 140, diastolic: 90 } as const;
export const BP_STAGE_1 = { systolic: 130, diastolic: 80 } as const;
/** Stroke risk after a TIA is concentrated in the first 90 days (Johnston 2000; Thacker 2010). */
export const STROKE_WINDOW_DAYS = 90;

const feverSource = cite('cdcFever', 'werner', 'batavia2004');

export const feverRule: ScreeningRule = {
  id: 'fever-infection',
  title: 'Fever or acute infection',
  decision: 'contraindicated',
  evidence: 'consensus',
  source: feverSource,
  evaluate(answers) {
    const t = answers.temperatureC;
    const because =
      'the body is fighting an infection; massage adds circulatory load and may spread it to staff and other patients';
    const finding = (reason: string): RuleOutcome =>
      found({
        rule: 'fever-infection',
        decision: 'contraindicated',
        reason,
        source: feverSource,
        clearance: { needed: true, scope: 'reschedule once fever-free and recovered' },
      });
    if (t !== undefined && t >= FEVER_THRESHOLD_C)
      return [finding(`temperature ${t} °C is at or above ${FEVER_THRESHOLD_C.toFixed(1)} °C: ${because}`)];
    const answer = ask(answers, 'feverOrInfection');
    if (answer.value === 'yes') return [finding(`${answer.because}: ${because}`)];
    if (answer.value === 'no') return [];
    const measured =
      t === undefined ? 'no temperature taken' : `temperature ${t} °C is normal but infection was not asked`;
    return [unansweredQuestion(answers, 'feverOrInfection', 'contraindicated', `no treatment today (${measured})`)];
  },
};

const clotSource = cite('werner', 'ernst2003', 'walton2011');

export const bloodClotRule = yesNoRule({
  id: 'dvt',
  title: 'Deep vein thrombosis or suspected clot',
  question: 'bloodClot',
  decision: 'contraindicated',
  evidence: 'consensus',
  source: clotSource,
  why:
    'pressure or strokes could dislodge a clot toward the lungs; a suspected clot needs medical assessment the ' +
    'same day',
  clearanceScope: 'physician rules out or treats the clot and states when massage may resume',
});

export const pulmonaryEmbolismRule = yesNoRule({
  id: 'pulmonary-embolism',
  title: 'Pulmonary embolism',
  question: 'pulmonaryEmbolism',
  decision: 'contraindicated',
  evidence: 'consensus',
  source: clotSource,
  why: 'an embolism under treatment means clots are active and anticoagulation is being established',
  clearanceScope: 'treating physician clears massage and pressure level',
});

export const clotHistoryRule = yesNoRule({
  id: 'clot-history',
  title: 'History of blood clots',
  question: 'clotHistory',
  decision: 'refer',
  evidence: 'consensus',
  source: cite('werner', 'walton2011'),
  why:
    'a past clot raises the risk of another; the physician should confirm it is resolved and say which pressure ' +
    'is safe on the legs',
  techniqueChanges: ['no deep pressure on the legs until cleared'],
  clearanceScope: 'physician confirms the clot is resolved and advises on leg work',
});

const bpSource = cite('whelton2018', 'werner');

export const bloodPressureRule: ScreeningRule = {
  id: 'blood-pressure',
  title: 'High blood pressure by reading',
  decision: 'contraindicated',
  evidence: 'guideline',
  source: bpSource,
  evaluate(answers) {
    const bp = answers.bloodPressure;
    if (bp) {
      const reading = `reading ${bp.systolic}/${bp.diastolic} mmHg`;
      const base = { rule: 'blood-pressure', source: bpSource };
      if (bp.systolic > BP_CRISIS.systolicAbove || bp.diastolic > BP_CRISIS.diastolicAbove)
        return [
          found({
            ...base,
            decision: 'contraindicated',
            reason:
              `${reading} is in the hypertensive-crisis range (above 180 and/or 120): no treatment; ` +
              `recheck after rest and send for prompt medical assessment`,
            clearance: { needed: true, scope: 'physician assessment of blood pressure before any treatment' },
          }),
        ];
      if (bp.systolic >= BP_STAGE_2.systolic || bp.diastolic >= BP_STAGE_2.diastolic)
        return [
          found({
            ...base,
            decision: 'refer',
            reason:
              `${reading} is stage 2 hypertension (>= 140 or >= 90): confirm with the physician that it is ` +
              `known and managed`,
            clearance: {
              needed: true,
              scope: 'physician confirms blood pressure is managed and massage is appropriate',
            },
            techniqueChanges: ['no vigorous or stimulating techniques', 'sit up slowly at the end of the session'],
          }),
        ];
      if (bp.systolic >= BP_STAGE_1.systolic || bp.diastolic >= BP_STAGE_1.diastolic)
        return [
          found({
            ...base,
            decision: 'caution',
            reason: `${reading} is stage 1 hypertension (130-139 or 80-89)`,
            techniqueChanges: ['sit up slowly at the end of the session'],
          }),
        ];
      return [];
    }
    const known = ask(answers, 'highBloodPressure');
    if (known.value === 'no') return [];
    if (known.value === 'unknown')
      return [
        unansweredQuestion(answers, 'highBloodPressure', 'contraindicated', 'a reading is needed before treatment'),
      ];
    return [
      found({
        rule: 'blood-pressure',
        decision: 'caution',
        reason: `${known.because}; no reading taken`,
        source: bpSource,
        techniqueChanges: ['sit up slowly at the end of the session'],
      }),
      notKnown({
        question: 'bloodPressure',
        why: 'known high blood pressure but no reading: a crisis-range reading would contraindicate treatment',
        gates: 'contraindicated',
      }),
    ];
  },
};

export const unstableHeartRule = yesNoRule({
  id: 'unstable-cardiac',
  title: 'Unstable heart disease',
  question: 'unstableHeart',
  decision: 'contraindicated',
  evidence: 'consensus',
  source: cite('werner', 'batavia2004'),
  why: 'an unstable heart may not tolerate the circulatory shifts of treatment and positioning',
  clearanceScope: 'cardiologist or physician clears massage once the condition is stable',
});

export const stableHeartRule = yesNoRule({
  id: 'heart-disease',
  title: 'Stable heart condition',
  question: 'heartDisease',
  decision: 'caution',
  evidence: 'consensus',
  source: cite('werner', 'walton2011'),
  why: 'avoid techniques that load the circulation; watch for breathlessness or chest discomfort',
  techniqueChanges: [
    'no vigorous circulatory strokes',
    'semi-reclined rather than flat if lying flat is uncomfortable',
    'sit up slowly at the end of the session',
  ],
});

const strokeSource = cite('johnston2000', 'thacker2010', 'werner');

export const strokeRule: ScreeningRule = {
  id: 'stroke-tia',
  title: `Stroke or TIA within ${STROKE_WINDOW_DAYS} days`,
  decision: 'contraindicated',
  evidence: 'study',
  source: strokeSource,
  evaluate(answers, context) {
    const answer = ask(answers, 'strokeOrTia');
    if (answer.value === 'no') return [];
    if (answer.value === 'unknown')
      return [
        unansweredQuestion(
          answers,
          'strokeOrTia',
          'contraindicated',
          `no treatment if it was within ${STROKE_WINDOW_DAYS} days`,
        ),
      ];
    const date = answers.lastStrokeOrTiaDate;
    const days = date === undefined ? undefined : daysBetween(date, context.today);
    if (date === undefined || days === undefined || days < 0)
      return [
        notKnown({
          question: 'lastStrokeOrTiaDate',
          why:
            `${answer.because}, ` +
            `but ${date === undefined ? 'no date was given' : `the date ${date} is after today`}: ` +
            `within ${STROKE_WINDOW_DAYS} days treatment is contraindicated`,
          gates: 'contraindicated',
        }),
      ];
    if (days <= STROKE_WINDOW_DAYS)
      return [
        found({
          rule: 'stroke-tia',
          decision: 'contraindicated',
          reason:
            `${answer.because}; last event ${date}, ${days} days ago (within ${STROKE_WINDOW_DAYS}): ` +
            `recurrence risk is highest in this window`,
          source: strokeSource,
          clearance: { needed: true, scope: 'neurologist or physician clears massage' },
        }),
      ];
    return [
      found({
        rule: 'stroke-tia',
        decision: 'caution',
        reason:
          `${answer.because}; last event ${date}, ${days} days ago: check sensation on the affected side and ` +
          `ask about blood thinners`,
        source: strokeSource,
        techniqueChanges: [
          'lighter pressure where sensation is reduced',
          'no strong pressure on the front or side of the neck',
        ],
      }),
    ];
  },
};

export const SYSTEMIC_RULES: readonly ScreeningRule[] = [
  feverRule,
  bloodClotRule,
  pulmonaryEmbolismRule,
  clotHistoryRule,
  bloodPressureRule,
  unstableHeartRule,
  stableHeartRule,
  strokeRule,
];
