import { useState } from 'react';
import {
  NDI_MAX_MISSING,
  ODI_MAX_SKIPPED,
  PSFS_MAX_ACTIVITIES,
  PSFS_MIN_ACTIVITIES,
} from '../../../../src/clinical/measures/index.ts';
import { submitMeasureForm, type MeasureAnswer, type MeasureResult } from '../../api/measures.ts';
import { measureSeries } from '../../api/charting.ts';
import { ApiError } from '../../api/http.ts';
import { NumberScale } from '../../components/bodychart/NumberScale.tsx';
import { ErrorSummary, fieldId, summaryItems } from '../../components/Form.tsx';
import { Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { Link, useUrl } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { INSTRUMENT, isFormMeasure, sectionsFor, type FormMeasure, type Section } from './instruments.ts';
import { ErrorText } from '../intake/IntakeFields.tsx';
import '../screening-and-measures.css';
import { useCreateIntent } from '../../api/intent.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';
import { useT } from '../../i18n/t.ts';
import { useLocale } from '../../i18n/locale.tsx';

const SKIP = 'skip';
type SectionAnswer = number | typeof SKIP | undefined;
interface Activity {
  name: string;
  score: number | null;
}

/** An outcome measure filled by the patient on their phone, or by the desk or therapist with them. */
export function MeasureEntryPage({ patientId }: { patientId: string }) {
  const { search } = useUrl();
  const instrument = search.get('instrument');
  const own = useUser().patientId === patientId;
  // Opened from a session's due list: the answers belong to that visit, and "back" returns to it.
  const sessionId = search.get('session') ?? undefined;
  const t = useT();
  usePageTitle(isFormMeasure(instrument) ? t(`measures.${instrument}.name`) : t('measures.title'));
  if (!isFormMeasure(instrument)) {
    return (
      <div className="narrow">
        <h1>{t('measures.title')}</h1>
        <p className="lead">{own ? t('measures.choose') : t('measures.chooseForPatient')}</p>
        <ul className="ms-due">
          {(['ndi', 'odi', 'psfs'] as const).map((m) => (
            <li key={m}>
              <Link to={`/patients/${patientId}/measures/new?instrument=${m}`}>
                {t(`measures.${m}.name`)} ({INSTRUMENT[m].short})
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (instrument === 'psfs') return <PsfsForm patientId={patientId} own={own} sessionId={sessionId} />;
  return <MeasureForm key={instrument} patientId={patientId} measure={instrument} own={own} sessionId={sessionId} />;
}

/**
 * PSFS change is measured on the same activities, so a repeat starts from the ones named last time
 * (for those who may read the patient's measures: the desk enters but does not read them).
 */
function PsfsForm({ patientId, own, sessionId }: { patientId: string; own: boolean; sessionId?: string }) {
  const mayRead = useUser().can.readMeasures;
  const [series] = useResource(
    (signal) => (mayRead ? measureSeries(patientId, signal) : Promise.resolve([])),
    [patientId, mayRead],
  );
  if (series.status === 'loading') return <Loading />;
  const last =
    series.status === 'ok' ? series.data.find((s) => s.measure === 'psfs')?.points.at(-1)?.activities : undefined;
  return (
    <MeasureForm patientId={patientId} measure="psfs" own={own} sessionId={sessionId} previousActivities={last ?? []} />
  );
}

const SKIP_LIMIT: Record<'ndi' | 'odi', number> = { ndi: NDI_MAX_MISSING, odi: ODI_MAX_SKIPPED };

function MeasureForm({
  patientId,
  measure,
  own,
  sessionId,
  previousActivities = [],
}: {
  patientId: string;
  measure: FormMeasure;
  own: boolean;
  sessionId?: string;
  previousActivities?: string[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const back = sessionId ? `/patients/${patientId}/chart/sessions/${sessionId}` : `/patients/${patientId}`;
  const sections = measure === 'psfs' ? [] : sectionsFor(measure, locale);
  const [answers, setAnswers] = useState<SectionAnswer[]>(() => sections.map(() => undefined));
  const [activities, setActivities] = useState<Activity[]>(() => {
    const names = previousActivities.slice(0, PSFS_MAX_ACTIVITIES);
    while (names.length < PSFS_MIN_ACTIVITIES) names.push('');
    return names.map((name) => ({ name, score: null }));
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const [result, setResult] = useState<MeasureResult | null>(null);
  const info = INSTRUMENT[measure];
  const clearError = (field: string) =>
    setErrors((e) => {
      if (!(field in e)) return e;
      const { [field]: _gone, ...rest } = e;
      return rest;
    });

  const check = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (measure === 'psfs') {
      activities.forEach((a, i) => {
        if (!a.name.trim()) problems[`activity-${i}`] = t('measures.psfs.nameIt', { n: i + 1 });
        if (a.score === null) problems[`activity-${i}-score`] = t('measures.psfs.rateIt', { n: i + 1 });
      });
      return problems;
    }
    answers.forEach((a, i) => {
      if (a === undefined)
        problems[`section-${i}`] = t('measures.section.choose', { n: i + 1, title: sections[i]!.title });
    });
    const skipped = answers.filter((a) => a === SKIP).length;
    const limit = SKIP_LIMIT[measure];
    if (skipped > limit) problems.form = t('measures.tooManySkipped', { limit, short: info.short });
    return problems;
  };

  const submit = async () => {
    const problems = check();
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const body: MeasureAnswer[] =
      measure === 'psfs'
        ? activities.map((a) => ({ activity: a.name.trim(), score: a.score }))
        : answers.map((a) => (a === SKIP || a === undefined ? null : a));
    setBusy(true);
    try {
      setResult(
        await submitMeasureForm(patientId, measure, body, sessionId, intent.keyFor([measure, body, sessionId])),
      );
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        // The server names answers.N: section N+1 (or activity N+1).
        setErrors(
          Object.fromEntries(
            Object.entries(err.fields).map(([k, v]) => {
              const n = /^answers\.(\d+)$/.exec(k)?.[1];
              return [n === undefined ? 'form' : measure === 'psfs' ? `activity-${n}` : `section-${n}`, v];
            }),
          ),
        );
      } else setErrors({ form: err instanceof Error ? err.message : t('measures.notSent') });
    } finally {
      setBusy(false);
    }
  };

  if (result) return <Result back={back} backToSession={!!sessionId} measure={measure} result={result} own={own} />;

  const labels = Object.fromEntries(Object.keys(errors).map((k) => [k, '']));
  return (
    <div className="narrow ms-form">
      <p className="breadcrumb">
        <Link to={back} className="ch-back">
          {t('form.back')}
        </Link>
      </p>
      <ErrorSummary items={summaryItems(errors)} labels={labels} />
      <h1>{t(`measures.${measure}.name`)}</h1>
      <p className="lead">{t(`measures.${measure}.intro`)}</p>
      {errors.form ? (
        <p className="error-message" role="alert">
          {errors.form}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        {measure === 'psfs' ? (
          <PsfsActivities
            activities={activities}
            errors={errors}
            onChange={(next) => {
              // An answered activity loses its message at once; the rest wait for the next "Save".
              next.forEach((a, i) => {
                if (a.name.trim()) clearError(`activity-${i}`);
                if (a.score !== null) clearError(`activity-${i}-score`);
              });
              setActivities(next);
            }}
          />
        ) : (
          <>
            <p className="hint">{t('measures.skipHint', { limit: SKIP_LIMIT[measure] })}</p>
            {sections.map((section, i) => (
              <SectionField
                key={section.title}
                index={i}
                section={section}
                value={answers[i]}
                error={errors[`section-${i}`]}
                onValue={(v) => {
                  setAnswers((list) => list.map((a, j) => (j === i ? v : a)));
                  clearError(`section-${i}`);
                }}
              />
            ))}
          </>
        )}
        <button type="submit" className="button button-large" disabled={busy}>
          {busy ? t('measures.sending') : own ? t('measures.send') : t('measures.save')}
        </button>
      </form>
    </div>
  );
}

function SectionField({
  index,
  section,
  value,
  error,
  onValue,
}: {
  index: number;
  section: Section;
  value: SectionAnswer;
  error?: string;
  onValue: (v: SectionAnswer) => void;
}) {
  const t = useT();
  const name = `section-${index}`;
  const describedBy =
    [section.hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const choices: { value: number | typeof SKIP; label: string }[] = [
    ...section.options.map((label, score) => ({ value: score, label })),
    { value: SKIP, label: t('measures.skip') },
  ];
  return (
    <fieldset className={`ms-section${error ? ' field-error' : ''}`} aria-describedby={describedBy}>
      <legend>{t('measures.section.legend', { n: index + 1, title: section.title })}</legend>
      {section.hint ? (
        <p className="hint" id={`${fieldId(name)}-hint`}>
          {section.hint}
        </p>
      ) : null}
      <ErrorText error={error} name={name} />
      {choices.map((choice, i) => {
        const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${choice.value}`;
        return (
          <label key={choice.value} className={`ms-option${choice.value === SKIP ? ' ms-skip' : ''}`} htmlFor={id}>
            <input
              type="radio"
              id={id}
              name={name}
              checked={value === choice.value}
              onChange={() => onValue(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function PsfsActivities({
  activities,
  errors,
  onChange,
}: {
  activities: Activity[];
  errors: Record<string, string>;
  onChange: (a: Activity[]) => void;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<Activity>) =>
    onChange(activities.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <>
      {activities.map((a, i) => {
        const id = fieldId(`activity-${i}`);
        return (
          <div className="ms-activity" key={i}>
            <div className={`field${errors[`activity-${i}`] ? ' field-error' : ''}`}>
              <label className="label" htmlFor={id}>
                {t('measures.psfs.activity', { n: i + 1 })}
              </label>
              <ErrorText error={errors[`activity-${i}`]} name={`activity-${i}`} />
              <input
                id={id}
                className="input"
                value={a.name}
                onChange={(e) => set(i, { name: e.target.value })}
                maxLength={LIMIT.activity}
                aria-invalid={errors[`activity-${i}`] ? true : undefined}
                aria-describedby={errors[`activity-${i}`] ? `${id}-error` : undefined}
              />
            </div>
            <div
              className={errors[`activity-${i}-score`] ? 'field-error' : undefined}
              id={fieldId(`activity-${i}-score`)}
              tabIndex={-1}
            >
              <ErrorText error={errors[`activity-${i}-score`]} name={`activity-${i}-score`} />
              <NumberScale
                legend={t('measures.psfs.howWell', { n: i + 1 })}
                min={0}
                max={10}
                value={a.score}
                onValue={(score) => set(i, { score })}
                lowLabel={t('measures.psfs.low')}
                highLabel={t('measures.psfs.high')}
                name={`activity-${i}-score`}
              />
            </div>
            {activities.length > PSFS_MIN_ACTIVITIES ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => onChange(activities.filter((_, j) => j !== i))}
              >
                {t('measures.psfs.remove', { n: i + 1 })}
              </button>
            ) : null}
          </div>
        );
      })}
      {activities.length < PSFS_MAX_ACTIVITIES ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChange([...activities, { name: '', score: null }])}
          >
            {t('measures.psfs.add')}
          </button>
        </p>
      ) : null}
    </>
  );
}

function Result({
  back,
  backToSession,
  measure,
  result,
  own,
}: {
  back: string;
  backToSession: boolean;
  measure: FormMeasure;
  result: MeasureResult;
  own: boolean;
}) {
  const t = useT();
  const info = INSTRUMENT[measure];
  const score =
    measure === 'ndi'
      ? t('measures.result.ndi', { score: result.score, percent: result.percent ?? result.score * 2 })
      : measure === 'odi'
        ? t('measures.result.odi', { score: result.score })
        : t('measures.result.psfs', { score: result.score });
  const meaning = measure === 'psfs' ? t('measures.result.higherBetter') : t('measures.result.lowerBetter');
  return (
    <div className="narrow">
      <div className="ch-confirmation" role="status">
        <h1>{own ? t('measures.result.thanks') : t('measures.result.saved', { short: info.short })}</h1>
        <p className="ms-result">
          {t('measures.result.score', { name: t(`measures.${measure}.name`) })} <strong>{score}</strong>
          {result.band ? (
            <>
              {t('measures.result.band')} <strong>{bandWords(result.band, t)}</strong>
            </>
          ) : null}
        </p>
      </div>
      <p>
        {meaning} {own ? t('measures.result.therapist') : t('measures.result.inTrend')}
      </p>
      <p>
        <Link to={back} className="button">
          {own ? t('measures.back.mine') : backToSession ? t('measures.back.session') : t('measures.back.patient')}
        </Link>
      </p>
    </div>
  );
}

const BANDS = [
  'none',
  'mild',
  'moderate',
  'severe',
  'complete',
  'minimal-disability',
  'moderate-disability',
  'severe-disability',
  'crippled',
  'bed-bound',
] as const;

/** The score's band (the published interpretation's label) as the reader's language says it. */
function bandWords(band: string, t: ReturnType<typeof useT>): string {
  const key = BANDS.find((b) => b === band.replace(/ /g, '-'));
  return key ? t(`measures.band.${key}`) : band;
}
