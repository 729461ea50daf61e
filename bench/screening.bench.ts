// Screening a full intake (every question answered, findings at several levels) against a trivial
// baseline: one pass over the yes/no answers, the least any screening could do.
import { IntakeAnswersSchema, QUESTION_IDS, screen } from '../src/clinical/screening/index.ts';
import { busyAnswers } from '../src/clinical/screening/fixtures.ts';
import { addDays, daysBetween } from '../src/time/index.ts';
import { benchToday, time, withRatio, type Timing } from './lib.ts';

const ITERATIONS = 5_000;

export async function run(): Promise<Timing[]> {
  // The fixture's surgery dates are written for 2026-11-26; moved with the run's date, the same
  // findings come out whatever day the bench runs.
  const today = benchToday();
  const fixed = busyAnswers();
  const answers = {
    ...fixed,
    surgeries: fixed.surgeries?.map((s) => ({ ...s, date: addDays(today, daysBetween('2026-11-26', s.date)) })),
  };
  const json = JSON.parse(JSON.stringify(answers)) as unknown;
  const context = { today };
  let sink = 0;

  const baseline = await time('baseline: count yes answers', ITERATIONS, () => {
    for (const id of QUESTION_IDS) if (answers.questions?.[id] === 'yes') sink++;
  });
  const screening = await time('screen(full intake)', ITERATIONS, () => {
    sink += screen(answers, context).findings.length;
  });
  const parseAndScreen = await time('schema parse + screen', ITERATIONS, () => {
    sink += screen(IntakeAnswersSchema.parse(json), context).findings.length;
  });
  const findings = screen(answers, context).findings.length;
  return [
    { ...baseline, note: `sink ${sink > 0 ? 'used' : 'empty'}` },
    { ...withRatio(screening, baseline), note: `${findings} findings, decision ${screen(answers, context).decision}` },
    withRatio(parseAndScreen, baseline),
  ];
}
