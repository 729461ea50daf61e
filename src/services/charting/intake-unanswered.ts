import { QUESTIONS, unansweredQuestions, type IntakeAnswers } from '../../clinical/screening/index.ts';

/**
 * Health questions a submitted intake left blank, as field → plain message. A blank is never read
 * as "no": the patient answers yes, no or not sure ("not sure" reaches screening as unknown).
 */
export function unansweredFields(answers: IntakeAnswers): Record<string, string> {
  return Object.fromEntries(
    unansweredQuestions(answers).map((question) => [
      `answers.questions.${question}`,
      `Answer yes, no or not sure: ${QUESTIONS[question]}`,
    ]),
  );
}

/** One sentence for the whole refusal, naming each unanswered question in the patient's words. */
export function intakeRefusalMessage(unanswered: Record<string, string>, problems: Record<string, string>): string {
  const count = Object.keys(unanswered).length;
  if (count === 0) return Object.values(problems).join(' ');
  const questions = Object.keys(unanswered).map(
    (field) => QUESTIONS[field.slice('answers.questions.'.length) as keyof typeof QUESTIONS],
  );
  const head = count === 1 ? 'One health question has no answer yet' : `${count} health questions have no answer yet`;
  return `${head}; answer each yes, no or not sure. ${questions.join(' ')}`;
}
