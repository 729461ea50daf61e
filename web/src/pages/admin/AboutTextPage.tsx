import { useState } from 'react';
import { getAboutForEditing, saveAbout, type About } from '../../api/front-door.ts';
import { TextField } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { LANGUAGE_NAMES } from '../../i18n/locale.tsx';
import { LOCALES, type Locale } from '../../../../src/words/locales.ts';
import { AdminTabs } from './AdminTabs.tsx';
import { errorAt, Outcome, useSubmit } from './useSubmit.tsx';
import './admin.css';

/** The sections a page may have, as the server takes them. */
const MAX_SECTIONS = 12;

/**
 * The public "what to expect" page, one language at a time: until the organisation saves its own text,
 * the page shows Knotwork's default, which is what the form starts from.
 */
export function AboutTextPage() {
  usePageTitle('Public pages: what to expect');
  const [locale, setLocale] = useState<Locale>('en');
  const [loaded] = useResource((signal) => getAboutForEditing(locale, signal), [locale]);
  return (
    <>
      <AdminTabs />
      <h1>What to expect (public pages)</h1>
      <p className="lead">
        The text people read before they book: what neuromuscular therapy is and what the first visit is like. Each
        language has its own text.
      </p>
      <div className="ch-toggle-row" role="group" aria-label="Language">
        {LOCALES.map((l) => (
          <button
            key={l}
            type="button"
            className={`ch-toggle${l === locale ? ' is-on' : ''}`}
            aria-pressed={l === locale}
            onClick={() => setLocale(l)}
          >
            {LANGUAGE_NAMES[l]}
          </button>
        ))}
      </div>
      {loaded.status === 'loading' ? (
        <Loading />
      ) : loaded.status === 'error' ? (
        <ErrorView error={loaded.error} />
      ) : (
        <AboutForm key={locale} locale={locale} initial={loaded.data} />
      )}
    </>
  );
}

function AboutForm({ locale, initial }: { locale: Locale; initial: About }) {
  const [title, setTitle] = useState(initial.title);
  const [sections, setSections] = useState(initial.sections);
  const [custom, setCustom] = useState(initial.custom);
  const { errors, outcome, busy, run } = useSubmit();
  const change = (index: number, part: 'heading' | 'body', value: string) =>
    setSections((was) => was.map((s, i) => (i === index ? { ...s, [part]: value } : s)));
  const save = async () => {
    const saved = await run(() => saveAbout(locale, { title, sections }), `${LANGUAGE_NAMES[locale]} text saved.`);
    if (saved) setCustom(saved.custom);
  };
  return (
    <form
      className="adm-form panel"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <p>{custom ? 'The public page shows your text.' : 'The public page shows the default text until you save.'}</p>
      <TextField name="title" label="Page title" value={title} onValue={setTitle} error={errorAt(errors, 'title')} />
      {sections.map((section, i) => (
        <fieldset className="fieldset" key={i}>
          <legend>Section {i + 1}</legend>
          <TextField
            name={`sections.${i}.heading`}
            label="Heading"
            value={section.heading}
            onValue={(v) => change(i, 'heading', v)}
            error={errorAt(errors, `sections.${i}.heading`)}
          />
          <div className="field">
            <label className="label" htmlFor={`about-body-${i}`}>
              Text
            </label>
            <p className="hint" id={`about-body-${i}-hint`}>
              A blank line starts a new paragraph.
            </p>
            {errorAt(errors, `sections.${i}.body`) ? (
              <p className="error-message">{errorAt(errors, `sections.${i}.body`)}</p>
            ) : null}
            <textarea
              id={`about-body-${i}`}
              className="input ch-textarea"
              rows={6}
              aria-describedby={`about-body-${i}-hint`}
              value={section.body}
              onChange={(e) => change(i, 'body', e.target.value)}
            />
          </div>
          {sections.length > 1 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setSections((was) => was.filter((_, j) => j !== i))}
            >
              Remove section {i + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      <div className="button-row">
        {sections.length < MAX_SECTIONS ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setSections((was) => [...was, { heading: '', body: '' }])}
          >
            Add a section
          </button>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          Save the {LANGUAGE_NAMES[locale]} text
        </button>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}
