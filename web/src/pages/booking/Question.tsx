import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary, fieldId } from '../../components/Form.tsx';
import { Link } from '../../router.tsx';
import { useT } from '../../i18n/t.ts';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/**
 * One question on a page, GOV.UK style: the question is the page heading (legend), large radio
 * targets, an error summary that links to the first choice when nothing was picked.
 */
export function RadioQuestion({
  name,
  question,
  hint,
  choices,
  initial,
  back,
  onAnswer,
  submitLabel,
  children,
}: {
  name: string;
  question: string;
  hint?: string;
  choices: Choice[];
  initial?: string | null;
  back?: string;
  onAnswer: (value: string) => void;
  submitLabel?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const [value, setValue] = useState(initial ?? '');
  const [error, setError] = useState('');
  const id = fieldId(name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value) return setError(t('form.chooseOne'));
    onAnswer(value);
  };
  return (
    <div className="narrow sch-question">
      {back ? (
        <p className="breadcrumb">
          <Link to={back} className="sch-back">
            {t('form.back')}
          </Link>
        </p>
      ) : null}
      <ErrorSummary items={error ? [{ field: name, message: error }] : []} labels={{ [name]: '' }} />
      <form onSubmit={submit} noValidate>
        <div className={`field${error ? ' field-error' : ''}`}>
          <fieldset
            className="fieldset"
            aria-describedby={
              [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
            }
          >
            <legend>
              <h1 className="sch-question-title">{question}</h1>
            </legend>
            {hint ? (
              <p id={`${id}-hint`} className="hint">
                {hint}
              </p>
            ) : null}
            {error ? (
              <p id={`${id}-error`} className="error-message">
                <span className="visually-hidden">{t('form.error')} </span>
                {error}
              </p>
            ) : null}
            <div className="sch-radios sch-radios-large">
              {choices.map((choice, index) => {
                const choiceId = index === 0 ? id : `${id}-${index}`;
                return (
                  <div className="sch-radio" key={choice.value}>
                    <input
                      type="radio"
                      id={choiceId}
                      name={name}
                      value={choice.value}
                      checked={value === choice.value}
                      onChange={() => setValue(choice.value)}
                      aria-describedby={choice.hint ? `${choiceId}-hint` : undefined}
                    />
                    <label htmlFor={choiceId}>
                      {choice.label}
                      {choice.hint ? (
                        <span id={`${choiceId}-hint`} className="sch-radio-hint">
                          {choice.hint}
                        </span>
                      ) : null}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        {children}
        <button type="submit" className="button button-large">
          {submitLabel ?? t('form.continue')}
        </button>
      </form>
    </div>
  );
}
