import { useEffect, useRef, type InputHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { fieldLabel } from '../../../src/words/fields.ts';
import { useT } from '../i18n/t.ts';

/** Field names from the API ("address.postalCode") → element ids ("f-address-postalCode"). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export interface SummaryItem {
  field: string;
  message: string;
}

/** Keys that stand for the whole form rather than one field. */
const WHOLE_FORM = new Set(['form', 'body', '_', '']);

/**
 * GOV.UK-style error summary: focused when it appears, each message links to its field.
 * A field the form does not label is named by its plain label (never its key), without a link.
 */
export function ErrorSummary({
  items,
  title,
  labels = {},
}: {
  items: SummaryItem[];
  title?: string;
  labels?: Record<string, string>;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<Set<string>>(new Set());
  const keys = items.map((item) => `${item.field}\u0000${item.message}`);
  const key = keys.join('\u0001');
  // Focus moves to the summary when a problem appears, not on every re-render, and not when the
  // list only shrinks because the person is fixing the fields one by one.
  useEffect(() => {
    const fresh = keys.some((k) => !shown.current.has(k));
    shown.current = new Set(keys);
    if (fresh) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (items.length === 0) return null;
  const jump = (field: string) => (event: MouseEvent) => {
    const target = document.getElementById(fieldId(field));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title" className="error-summary-title">
        {title ?? t('form.problem')}
      </h2>
      <ul>
        {items.map((item) => (
          <li key={item.field + item.message}>
            {labels[item.field] !== undefined ? (
              <a href={`#${fieldId(item.field)}`} onClick={jump(item.field)}>
                {labels[item.field] ? `${labels[item.field]}: ` : ''}
                {item.message}
              </a>
            ) : WHOLE_FORM.has(item.field) ? (
              item.message
            ) : (
              `${fieldLabel(item.field)}: ${item.message}`
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

type TextFieldProps = {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  value: string;
  onValue: (value: string) => void;
  width?: 'full' | 'medium' | 'short';
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name' | 'id'>;

export function TextField({ name, label, hint, error, value, onValue, width = 'full', ...input }: TextFieldProps) {
  const t = useT();
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id} className="label">
        {label}
      </label>
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
      <input
        id={id}
        name={name}
        className={`input input-${width}`}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  name,
  label,
  error,
  value,
  onValue,
  options,
  hint,
}: {
  name: string;
  label: string;
  error?: string;
  value: string;
  onValue: (v: string) => void;
  options: { value: string; label: string }[];
  hint?: string;
}) {
  const t = useT();
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id} className="label">
        {label}
      </label>
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
      <select
        id={id}
        name={name}
        className="input input-medium"
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox({
  name,
  label,
  checked,
  onChecked,
}: {
  name: string;
  label: string;
  checked: boolean;
  onChecked: (v: boolean) => void;
}) {
  const id = fieldId(name);
  return (
    <div className="checkbox">
      <input type="checkbox" id={id} name={name} checked={checked} onChange={(e) => onChecked(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Turns an API `fields` map into summary items, in the order the form shows them. */
export function summaryItems(fields: Record<string, string>, order: string[] = []): SummaryItem[] {
  const rank = (field: string) => {
    const index = order.findIndex((name) => field === name || field.startsWith(`${name}.`));
    return index === -1 ? order.length : index;
  };
  return Object.entries(fields)
    .map(([field, message]) => ({ field, message }))
    .sort((a, b) => rank(a.field) - rank(b.field));
}
