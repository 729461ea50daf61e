import { useEffect, useRef } from 'react';
import { Link } from '../../router.tsx';
import type { StepId } from './intakeModel.ts';
import { useT } from '../../i18n/t.ts';

export interface StepProblem {
  step: StepId;
  message: string;
}

/**
 * The review page's error summary: each problem links back to the page that asks the question
 * (which then shows its own errors), in the GOV.UK pattern: focused when it appears.
 */
export function StepErrorSummary({ problems, base }: { problems: StepProblem[]; base: string }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="step-error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="step-error-summary-title" className="error-summary-title">
        {t('intake.review.stillNeeded')}
      </h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.step + problem.message}>
            <Link to={`${base}?step=${problem.step}&check=1`}>{problem.message}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
