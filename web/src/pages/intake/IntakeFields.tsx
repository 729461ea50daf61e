import type { ReactNode } from 'react';
import { fieldId } from '../../components/Form.tsx';

/** Small GOV.UK-style building blocks for the intake pages: a legend as the page question, big options. */

export function ErrorText({ error, name }: { error?: string; name: string }) {
  if (!error) return null;
  return (
    <p id={`${fieldId(name)}-error`} className="error-message">
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

export function Question({
  legend,
  hint,
  error,
  name,
  children,
}: {
  legend: string;
  hint?: ReactNode;
  error?: string;
  name: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={`fieldset ch-question${error ? ' field-error' : ''}`}
      aria-describedby={
        [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') ||
        undefined
      }
    >
      <legend className="ch-question-legend">
        <h1>{legend}</h1>
      </legend>
      {hint ? (
        <p className="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorText error={error} name={name} />
      {children}
    </fieldset>
  );
}

export function Radios<V extends string>({
  name,
  value,
  options,
  onValue,
  focusFirst,
  inline,
}: {
  name: string;
  value: V | '';
  options: readonly { value: V; label: string; hint?: string }[];
  onValue: (value: V) => void;
  focusFirst?: boolean;
  /** Side by side (short answers such as Yes / No / Not sure). */
  inline?: boolean;
}) {
  return (
    <div className={inline ? 'ch-options ch-options-inline' : 'ch-options'}>
      {options.map((option, i) => {
        const id = i === 0 && focusFirst !== false ? fieldId(name) : `${fieldId(name)}-${option.value}`;
        return (
          <div className="ch-option" key={option.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onValue(option.value)}
            />
            <label htmlFor={id}>
              {option.label}
              {option.hint ? <span className="ch-option-hint">{option.hint}</span> : null}
            </label>
          </div>
        );
      })}
    </div>
  );
}

export function Tick({
  id,
  label,
  hint,
  checked,
  onChecked,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChecked: (v: boolean) => void;
}) {
  return (
    <div className="ch-option">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => onChecked(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>
        {label}
        {hint ? (
          <span className="ch-option-hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}

export function TextInput({
  name,
  label,
  hint,
  error,
  value,
  onValue,
  type = 'text',
  width = 'full',
  multiline,
  maxLength,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'date' | 'number';
  width?: 'full' | 'medium' | 'short';
  multiline?: boolean;
  /** The server's limit; only text takes one (dates and numbers have their own form). */
  maxLength?: number;
}) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    maxLength: type === 'text' ? maxLength : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorText error={error} name={name} />
      {multiline ? (
        <textarea {...common} className="input ch-textarea" rows={3} onChange={(e) => onValue(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={type === 'number' ? 'numeric' : undefined}
          className={`input input-${width}`}
          onChange={(e) => onValue(e.target.value)}
        />
      )}
    </div>
  );
}
