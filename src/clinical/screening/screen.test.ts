import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regionById } from '../bodymap/regions.ts';
import { IntakeAnswersSchema, type IntakeAnswers } from './answers.ts';
import { allNoAnswers, busyAnswers } from './fixtures.ts';
import { QUESTION_IDS } from './questions.ts';
import { ENDANGERMENT_SITES, SCREENING_RULES, floorForUnknown, screen, DECISION_RANK } from './index.ts';

const today = '2026-06-15';
const withQuestions = (values: Record<string, 'yes' | 'no' | 'unknown'>): IntakeAnswers => {
  const answers = allNoAnswers();
  return { ...answers, questions: { ...answers.questions, ...values } };
};

describe('combined decision', () => {
  it('orders contraindicated > refer > local > caution > clear', () => {
    const order = Object.entries(DECISION_RANK)
      .sort((a, b) => b[1] - a[1])
      .map(([d]) => d);
    expect(order).toEqual(['contraindicated', 'refer', 'local', 'caution', 'clear']);
  });
  it('takes the most restrictive finding as layers are added', () => {
    const answers = allNoAnswers();
    expect(screen(answers, { today }).decision).toBe('clear');
    answers.questions = { ...answers.questions, epilepsy: 'yes' };
    expect(screen(answers, { today }).decision).toBe('caution');
    answers.localIssues = [{ kind: 'bruise', regions: ['calf-left'] }];
    expect(screen(answers, { today }).decision).toBe('local');
    answers.questions = { ...answers.questions, clotHistory: 'yes' };
    expect(screen(answers, { today }).decision).toBe('refer');
    answers.temperatureC = 38.5;
    const result = screen(answers, { today });
    expect(result.decision).toBe('contraindicated');
    expect(result.findings.map((f) => f.decision)).toEqual(['contraindicated', 'refer', 'local', 'caution']);
    // In words: the rule's title, never its id.
    expect(result.explanation[0]).toMatch(/^Do not treat/);
    expect(result.explanation[1]).toMatch(/^Fever/);
    expect(result.explanation.join(' ')).not.toMatch(/fever-infection|contraindicated/);
  });
  it('collects avoid regions from local findings only, technique changes and clearance', () => {
    const result = screen(busyAnswers(), { today: '2026-11-26' });
    expect(result.avoidRegions).toEqual(['calf-left', 'calf-right', 'groin-right', 'scapula-left', 'shin-right']);
    expect(result.avoidRegions).not.toContain('volar-wrist-left'); // 77 days: caution only
    expect(result.techniqueChanges).toContain('no deep pressure');
    expect(result.clearanceNeeded).toBe(true);
    expect(result.decision).toBe('refer');
  });
  it('a fully answered "all no" intake is clear with nothing to report', () => {
    const result = screen(allNoAnswers(), { today });
    expect(result).toMatchObject({
      decision: 'clear',
      findings: [],
      unknowns: [],
      avoidRegions: [],
      clearanceNeeded: false,
    });
  });
  it('rejects a today that is not a date', () => {
    expect(() => screen(allNoAnswers(), { today: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('unknown is never read as no', () => {
  it.each(QUESTION_IDS.filter((q) => q !== 'neuropathy' && q !== 'fragilityFracture' && q !== 'highBloodPressure'))(
    'questions.%s missing or unknown → reported, and the visit is not clear',
    (question) => {
      for (const value of ['unknown', undefined]) {
        const answers = allNoAnswers();
        answers.questions = { ...answers.questions, [question]: value };
        if (value === undefined) delete answers.questions[question];
        const result = screen(answers, { today });
        expect(result.unknowns.map((u) => u.question)).toContain(`questions.${question}`);
        expect(result.decision).not.toBe('clear');
      }
    },
  );
  it('follow-up questions matter only when their parent is not "no"', () => {
    const skipped = withQuestions({ osteoporosis: 'yes' });
    delete skipped.questions!.fragilityFracture;
    expect(screen(skipped, { today }).decision).toBe('refer');
    const parentNo = allNoAnswers();
    delete parentNo.questions!.fragilityFracture;
    expect(screen(parentNo, { today }).decision).toBe('clear');
  });
  it.each(['medications', 'surgeries', 'localIssues', 'pregnancy'] as const)(
    'a missing %s list is unknown, an empty one is "none"',
    (key) => {
      const answers = allNoAnswers();
      delete answers[key];
      const result = screen(answers, { today });
      expect(result.decision).not.toBe('clear');
      expect(result.unknowns.some((u) => u.question.startsWith(key === 'pregnancy' ? 'pregnancy.status' : key))).toBe(
        true,
      );
    },
  );
  it('an empty answers document is refer (never clear, never contraindicated) and lists every gating question', () => {
    const result = screen({}, { today });
    expect(result.decision).toBe('refer');
    expect(result.findings).toEqual([]);
    expect(result.unknowns.length).toBeGreaterThanOrEqual(20);
    expect(result.explanation.join(' ')).toMatch(/Unanswered questions/);
  });
  it('unknowns raise the decision to refer when they gate refer or worse, else to caution', () => {
    expect(floorForUnknown('contraindicated')).toBe('refer');
    expect(floorForUnknown('refer')).toBe('refer');
    expect(floorForUnknown('local')).toBe('caution');
    expect(floorForUnknown('caution')).toBe('caution');
    const onlyMeds = allNoAnswers();
    delete onlyMeds.medications;
    expect(screen(onlyMeds, { today })).toMatchObject({
      decision: 'caution',
      unknowns: [{ question: 'medications', gates: 'caution' }],
    });
  });
});

describe('rules and standing cautions are well formed', () => {
  it('every rule has a unique id, a title and a source', () => {
    const ids = SCREENING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of SCREENING_RULES) expect(rule.source.length).toBeGreaterThan(20);
  });
  it('endangerment sites use real body-map region ids and never change the decision', () => {
    expect(ENDANGERMENT_SITES.map((s) => s.site).join(' ')).toMatch(
      /anterior neck.*axilla.*cubital fossa.*femoral triangle.*popliteal fossa.*kidney/,
    );
    for (const site of ENDANGERMENT_SITES) for (const id of site.regions) expect(regionById(id), id).toBeDefined();
    expect(screen(allNoAnswers(), { today }).standingCautions).toHaveLength(6);
  });
});

describe('IntakeAnswersSchema', () => {
  const issuePaths = (data: unknown) => {
    const parsed = IntakeAnswersSchema.safeParse(data);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };
  it('accepts the fixtures and every example file', () => {
    expect(issuePaths(allNoAnswers())).toEqual([]);
    expect(issuePaths(busyAnswers())).toEqual([]);
    const dir = new URL('../../../examples/screening/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files)
      expect(issuePaths(JSON.parse(readFileSync(new URL(file, dir), 'utf8'))), file).toEqual([]);
  });
  it('rejects misspelt keys, bad answers, unreal dates and unknown region ids, naming the field', () => {
    expect(issuePaths({ questions: { fever: 'no' } })).toEqual(['questions']);
    expect(issuePaths({ questions: { bloodClot: 'maybe' } })).toEqual(['questions.bloodClot']);
    expect(issuePaths({ surgeries: [{ what: 'x', date: '2026-02-30' }] })).toEqual(['surgeries.0.date']);
    expect(issuePaths({ localIssues: [{ kind: 'burn', regions: ['left-calf'] }] })).toEqual([
      'localIssues.0.regions.0',
    ]);
    expect(issuePaths({ pregnancy: { status: 'yes', trimester: 4 } })).toEqual(['pregnancy.trimester']);
    expect(issuePaths({ extra: true })).toEqual(['']);
  });
});
