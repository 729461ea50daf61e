// Conditions that change how (or whether) to treat: cancer, bone, skin, pregnancy, nerves.
import { ask, found, notKnown, unansweredQuestion, yesNoRule } from './rule-helpers.ts';
import { cite } from './sources.ts';
import type { RuleOutcome, ScreeningRule } from './types.ts';

export const activeCancerRule = yesNoRule({
  id: 'cancer-active',
  title: 'Cancer now or under treatment',
  question: 'activeCancer',
  decision: 'refer',
  evidence: 'consensus',
  source: cite('nccih', 'walton2011', 'werner'),
  why:
    'treatment effects (low platelets, ports, fragile bone, lymphedema risk) set the safe pressure and positions; ' +
    'no deep pressure over a tumour without approval',
  techniqueChanges: [
    'no deep or intense pressure over or near tumour sites',
    'no work over ports, lines or radiated skin',
  ],
  clearanceScope: 'oncology team states pressure level and sites to avoid',
});

export const cancerHistoryRule = yesNoRule({
  id: 'cancer-history',
  title: 'History of cancer',
  question: 'cancerHistory',
  decision: 'caution',
  evidence: 'consensus',
  source: cite('walton2011', 'werner'),
  why: 'ask about lymph-node removal or radiation: the affected quadrant keeps a lifelong lymphedema risk',
  techniqueChanges: ['gentle pressure in any quadrant where lymph nodes were removed or irradiated'],
});

const boneSource = cite('who1994', 'werner', 'walton2011');

export const osteoporosisRule: ScreeningRule = {
  id: 'osteoporosis',
  title: 'Osteoporosis',
  decision: 'refer',
  evidence: 'consensus',
  source: boneSource,
  evaluate(answers) {
    const diagnosed = ask(answers, 'osteoporosis');
    const fracture = ask(answers, 'fragilityFracture');
    const out: RuleOutcome[] = [];
    const bonePressure = [
      'no heavy pressure on ribs or spine',
      'no forceful joint mobilisation or stretching',
      'elbow and knuckle work only on thick muscle away from bone',
    ];
    if (fracture.value === 'yes') {
      out.push(
        found({
          rule: 'osteoporosis',
          decision: 'refer',
          reason:
            `${fracture.because}: a low-trauma fracture marks severe (established) osteoporosis or bone that ` +
            `has not been evaluated`,
          source: boneSource,
          techniqueChanges: bonePressure,
          clearance: { needed: true, scope: 'physician states the safe pressure level for fragile bone' },
        }),
      );
    } else if (diagnosed.value === 'yes') {
      out.push(
        found({
          rule: 'osteoporosis',
          decision: 'caution',
          reason: `${diagnosed.because}: bone may break under heavy pressure`,
          source: boneSource,
          techniqueChanges: bonePressure,
        }),
      );
    }
    if (diagnosed.value === 'unknown')
      out.push(unansweredQuestion(answers, 'osteoporosis', 'caution', 'lighter pressure over bone'));
    if (fracture.value === 'unknown' && diagnosed.value !== 'no')
      out.push(
        unansweredQuestion(answers, 'fragilityFracture', 'refer', 'severe osteoporosis: clearance for pressure'),
      );
    return out;
  },
};

export const contagiousSkinRule = yesNoRule({
  id: 'contagious-skin',
  title: 'Contagious or widespread skin condition',
  question: 'contagiousSkin',
  decision: 'contraindicated',
  evidence: 'consensus',
  source: cite('werner', 'batavia2004'),
  why: 'touch would spread it over the body or to others, or aggravate a widespread flare',
  clearanceScope: 'treated and no longer contagious (physician or pharmacist confirms)',
});

const pregnancySource = cite('fogarty', 'heit2005', 'kinsella1994', 'werner');
const laterPregnancyChanges = [
  'side-lying or semi-reclined, not flat on the back (aortocaval compression)',
  'no deep pressure on the legs (higher clot risk in pregnancy)',
  'no deep pressure on the abdomen',
];

export const pregnancyRule: ScreeningRule = {
  id: 'pregnancy',
  title: 'Pregnancy',
  decision: 'refer',
  evidence: 'consensus',
  source: pregnancySource,
  evaluate(answers) {
    const p = answers.pregnancy;
    if (p === undefined || p.status === 'unknown')
      return [
        notKnown({
          question: 'pregnancy.status',
          why:
            `pregnancy ${p === undefined ? 'not asked' : "answered 'unknown'"}: the first trimester or a ` +
            `high-risk pregnancy needs the prenatal provider's clearance`,
          gates: 'refer',
        }),
      ];
    if (p.status === 'no' || p.status === 'not-applicable') return [];
    const base = { rule: 'pregnancy', source: pregnancySource };
    const out: RuleOutcome[] = [];
    const clearance = { needed: true, scope: 'prenatal provider (obstetrician or midwife) clears massage' };
    if (p.highRisk === 'yes') {
      out.push(
        found({
          ...base,
          decision: 'refer',
          reason: 'high-risk pregnancy: the prenatal provider decides whether and how to treat',
          clearance,
          techniqueChanges: laterPregnancyChanges,
        }),
      );
    } else if (p.trimester === 1) {
      out.push(
        found({
          ...base,
          decision: 'refer',
          reason: 'first trimester: clinic policy asks for clearance (a precaution by consensus, not proven harm)',
          clearance,
          techniqueChanges: ['no deep pressure on the abdomen'],
        }),
      );
    } else if (p.trimester !== undefined) {
      out.push(
        found({
          ...base,
          decision: 'caution',
          reason: `pregnancy, trimester ${p.trimester}: position and pressure changes`,
          techniqueChanges: laterPregnancyChanges,
        }),
      );
    }
    if (p.trimester === undefined)
      out.push(
        notKnown({
          question: 'pregnancy.trimester',
          why: 'pregnant but the trimester is not given: the first trimester needs clearance',
          gates: 'refer',
        }),
      );
    if (p.highRisk === undefined || p.highRisk === 'unknown')
      out.push(
        notKnown({
          question: 'pregnancy.highRisk',
          why: 'pregnant but high risk not answered: a high-risk pregnancy needs clearance',
          gates: 'refer',
        }),
      );
    return out;
  },
};

const neuropathySource = cite('popBusui2017', 'werner');

export const diabeticNeuropathyRule: ScreeningRule = {
  id: 'diabetes-neuropathy',
  title: 'Diabetes with neuropathy',
  decision: 'caution',
  evidence: 'guideline',
  source: neuropathySource,
  evaluate(answers) {
    const diabetes = ask(answers, 'diabetes');
    const neuropathy = ask(answers, 'neuropathy');
    if (neuropathy.value === 'yes') {
      const what = diabetes.value === 'yes' ? 'diabetes with neuropathy' : 'neuropathy';
      return [
        found({
          rule: 'diabetes-neuropathy',
          decision: 'caution',
          reason:
            `${what} (${neuropathy.because}): reduced sensation means the patient cannot report too much ` +
            `pressure there`,
          source: neuropathySource,
          techniqueChanges: [
            'light pressure where sensation is reduced; do not rely on pain ratings there',
            'check the skin of the feet before and after',
          ],
        }),
      ];
    }
    const out: RuleOutcome[] = [];
    if (diabetes.value === 'unknown')
      out.push(unansweredQuestion(answers, 'diabetes', 'caution', 'asking about reduced sensation'));
    if (neuropathy.value === 'unknown' && diabetes.value !== 'no')
      out.push(unansweredQuestion(answers, 'neuropathy', 'caution', 'lighter pressure where sensation is reduced'));
    return out;
  },
};

export const epilepsyRule = yesNoRule({
  id: 'epilepsy',
  title: 'Epilepsy',
  question: 'epilepsy',
  decision: 'caution',
  evidence: 'consensus',
  source: cite('werner'),
  why: 'know the seizure plan and triggers before the session; keep the patient where a seizure cannot cause a fall',
  techniqueChanges: [
    'ask about triggers (e.g. flickering light, strong scents) and avoid them',
    'agree a seizure plan before starting',
  ],
});

export const neurologicalSignsRule = yesNoRule({
  id: 'neurological-signs',
  title: 'Unevaluated numbness, tingling or weakness',
  question: 'neurologicalSigns',
  decision: 'refer',
  evidence: 'consensus',
  source: cite('werner', 'walton2011'),
  why: 'nerve compression or disease must be ruled out before the symptoms are treated as trigger-point referral',
  clearanceScope: 'physician evaluates the neurological signs',
});

export const unexplainedPainRule = yesNoRule({
  id: 'unexplained-pain',
  title: 'Unexplained pain never evaluated',
  question: 'unexplainedPain',
  decision: 'refer',
  evidence: 'consensus',
  source: cite('werner', 'walton2011'),
  why: 'pain without a known cause can come from disease that massage would mask or delay',
  clearanceScope: 'physician evaluates the pain',
});

export const CONDITION_RULES: readonly ScreeningRule[] = [
  activeCancerRule,
  cancerHistoryRule,
  osteoporosisRule,
  contagiousSkinRule,
  pregnancyRule,
  diabeticNeuropathyRule,
  epilepsyRule,
  neurologicalSignsRule,
  unexplainedPainRule,
];
