/**
 * Where the plan rules come from. Each rule's rationale quotes one of these keys, so a reader can
 * tell evidence from the clinic's own convention.
 */
export const PLAN_SOURCES = {
  clinicFrequency:
    "Clinic protocol (Knotwork clinical reference, 'Frequency'): acute 2–3/week for 2–3 weeks then tapering; " +
    'chronic 1–2/week for 4–6 weeks, then every 1–2 weeks, then monthly; maintenance monthly (demanding work or ' +
    'active life), every 6–8 weeks (less demanding) or 4 times a year (preventive). Clinic convention, ' +
    'not trial evidence.',
  shermanDose:
    'Sherman KJ et al. 2014, "Five-week outcomes from a dosing trial of therapeutic massage for chronic neck pain", ' +
    'Ann Fam Med 12(2):112–120: 60-min visits 2–3 times a week for 4 weeks beat fewer or shorter visits.',
  chronicDefinition:
    'Treede RD et al. 2015, "A classification of chronic pain for ICD-11", Pain 156(6):1003–1007: chronic pain ' +
    'persists or recurs for longer than 3 months (about 12 weeks).',
  progressReport:
    'CMS Medicare Benefit Policy Manual (100-02) ch. 15 §220.3: a therapy progress report at least once every 10 ' +
    'treatment days; the clinic reassesses more often, every 4–6 visits (clinic convention, matching its own claim ' +
    'that most patients improve within 4–6 sessions).',
  clinicFactors:
    "Clinic protocol (Knotwork clinical reference, 'Frequency'): severity and duration, response, lifestyle demands, " +
    'self-care ' +
    "compliance, insurance and budget shape the plan. How much each factor moves the dose is the clinic's " +
    'convention, ' +
    'encoded here as an intensity score.',
} as const;
