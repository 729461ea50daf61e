import type { IntakeAnswers } from '../../clinical/screening/index.ts';

/**
 * Checks on the desk's readings and the stroke date that need more than one field or today's date,
 * so the clinical schema (ranges only) cannot hold them: field path → plain message, empty when fine.
 */
export function vitalsProblems(answers: IntakeAnswers, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const bp = answers.bloodPressure;
  if (bp && bp.diastolic >= bp.systolic) {
    problems['answers.bloodPressure.diastolic'] =
      'The lower (diastolic) number must be less than the upper (systolic) number.';
  }
  const stroke = answers.lastStrokeOrTiaDate;
  if (stroke !== undefined) {
    if (stroke > today)
      problems['answers.lastStrokeOrTiaDate'] = 'The date of the stroke or TIA cannot be in the future.';
    else if (answers.questions?.strokeOrTia === 'no')
      problems['answers.lastStrokeOrTiaDate'] = 'A stroke date was given but the stroke question is answered no.';
  }
  return problems;
}
