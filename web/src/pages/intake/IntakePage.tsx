import { useEffect, useRef, useState } from 'react';
import { StepErrorSummary, type StepProblem } from './StepErrorSummary.tsx';
import { listLocations } from '../../api/locations.ts';
import { getPatient } from '../../api/patients.ts';
import * as charting from '../../api/charting.ts';
import type { SubmittedIntake } from '../../api/charting.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorSummary, summaryItems } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { todayAt } from '../schedule/time.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { Link, navigate, useUrl } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import {
  checkStep,
  emptyIntake,
  fromDocument,
  STEPS,
  stepOfServerField,
  toDocument,
  type IntakeState,
  type StepId,
} from './intakeModel.ts';
import { IntakeReview } from './IntakeReview.tsx';
import { StepBody } from './IntakeSteps.tsx';
import { PreviousVersions } from './IntakeVersions.tsx';
import { emptyVitals, SERVER_FIELDS, temperatureUnitFor, withTemperatureUnit } from './vitalsModel.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { useT, type MessageId } from '../../i18n/t.ts';

const QUESTION_STEPS = STEPS.filter((s) => s.id !== 'review');
/** What screening decided, for the staff who fill the questionnaire with a patient (never shown to the patient). */
const DECISION_WORDS: Record<string, MessageId> = {
  clear: 'intake.decision.clear',
  caution: 'intake.decision.caution',
  local: 'intake.decision.local',
  refer: 'intake.decision.refer',
  contraindicated: 'intake.decision.contraindicated',
};

/** The country of the patient's clinic (their preferred site; else every site's, when they agree). */
async function siteCountry(patientId: string): Promise<string | null> {
  const [patient, locations] = await Promise.all([
    getPatient(patientId).catch(() => null),
    listLocations().catch(() => []),
  ]);
  const preferred = locations.find((l) => l.id === patient?.preferredLocationId);
  if (preferred) return preferred.address.country;
  const countries = new Set(locations.map((l) => l.address.country));
  return countries.size === 1 ? [...countries][0]! : (patient?.address?.country ?? null);
}

async function loadIntake(patientId: string, signal: AbortSignal) {
  const [intake, country] = await Promise.all([charting.getIntake(patientId, signal), siteCountry(patientId)]);
  return { ...intake, unit: temperatureUnitFor(country) };
}

/** The health questionnaire, one question (or small group) per page, saved as a draft as it goes. */
export function IntakePage({ patientId }: { patientId: string }) {
  const t = useT();
  const [loaded] = useResource((signal) => loadIntake(patientId, signal), [patientId]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error')
    return <ErrorView error={loaded.error} what={t('intake.what')} missingIsUnavailable={t('intake.title')} />;
  const { draft, latest } = loaded.data;
  // Readings are of the day they were taken: an update starts from the last version without them.
  const start = draft
    ? fromDocument(draft.document)
    : latest
      ? {
          ...fromDocument(latest.document),
          vitals: { ...emptyVitals(), strokeDate: fromDocument(latest.document).vitals.strokeDate },
        }
      : emptyIntake();
  // Temperatures are entered in the unit of the clinic's country (°F in the US); stored in °C.
  const initial = { ...start, vitals: withTemperatureUnit(start.vitals, loaded.data.unit) };
  return (
    <>
      <IntakeWizard patientId={patientId} initial={initial} hasVersion={latest !== null} />
      <PreviousVersions patientId={patientId} versions={loaded.data.versions} />
    </>
  );
}

/** Why a draft was not saved, in words the person can act on. */
function draftProblem(err: unknown, t: ReturnType<typeof useT>): string {
  if (err instanceof ApiError && err.status === 0) return t('intake.draft.offline');
  if (err instanceof ApiError && err.status >= 400 && err.status < 500)
    return t('intake.draft.refused', { problem: err.message });
  return t('intake.draft.failed');
}

function IntakeWizard({
  patientId,
  initial,
  hasVersion,
}: {
  patientId: string;
  initial: IntakeState;
  hasVersion: boolean;
}) {
  const user = useUser();
  const t = useT();
  // Dates are checked on the organisation's day, as the server checks them, even on a phone in another zone.
  const today = () => todayAt(user.orgTimeZone);
  const own = user.patientId === patientId;
  const base = `/patients/${patientId}/intake`;
  const { search } = useUrl();
  const step = (search.get('step') ?? '') as StepId | '' | 'done';
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [saveProblem, setSaveProblem] = useState('');
  const [submitted, setSubmitted] = useState<SubmittedIntake | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [stepProblems, setStepProblems] = useState<StepProblem[]>([]);
  const intent = useCreateIntent();
  const dirty = useRef(false);
  const index = QUESTION_STEPS.findIndex((s) => s.id === step);
  const stepTitle = STEPS.find((s) => s.id === step)?.title;
  const title =
    step === '' ? t('intake.title') : step === 'done' ? t('intake.sent') : stepTitle ? t(stepTitle) : t('intake.title');
  usePageTitle(title);

  const saveDraft = async (next: IntakeState) => {
    setSaved('saving');
    try {
      await charting.saveIntakeDraft(patientId, toDocument(next, true));
      setSaved('saved');
      dirty.current = false;
    } catch (err) {
      // Say what is wrong: an answer the server refuses will not save by waiting.
      setSaveProblem(draftProblem(err, t));
      setSaved('failed');
    }
  };

  // Autosave: a second and a half after the last change.
  useEffect(() => {
    if (!dirty.current) return;
    const timer = window.setTimeout(() => void saveDraft(state), 1500);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // Arriving from the review's error summary (?check=1) shows the page's problems at once.
  useEffect(() => {
    setStepProblems([]);
    setErrors(
      search.get('check') && step !== '' && step !== 'done' && step !== 'review'
        ? checkStep(step, state, today(), t)
        : {},
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const change = (patch: Partial<IntakeState>) => {
    dirty.current = true;
    const next = { ...state, ...patch };
    setState(next);
    // A problem goes away as soon as it is fixed (a place marked, a question answered); none is added.
    if (Object.keys(errors).length > 0 && step !== '' && step !== 'done' && step !== 'review') {
      const still = checkStep(step, next, today(), t);
      setErrors((current) =>
        Object.fromEntries(
          Object.keys(current)
            .filter((k) => k in still)
            .map((k) => [k, still[k]!]),
        ),
      );
    }
  };

  const next = async () => {
    if (step === '' || step === 'done' || step === 'review') return;
    const problems = checkStep(step, state, today(), t);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const answered = { ...state, answeredPages: [...new Set([...state.answeredPages, step])] };
    setState(answered);
    void saveDraft(answered);
    const following = QUESTION_STEPS[index + 1]?.id ?? 'review';
    navigate(`${base}?step=${following}`);
  };

  const submit = async () => {
    setErrors({});
    // Every page is checked again: a page skipped by its address must not send blanks as answers.
    const missing = QUESTION_STEPS.flatMap(({ id }) =>
      Object.values(checkStep(id, state, today(), t)).map((message) => ({ step: id, message })),
    );
    setStepProblems(missing);
    if (missing.length > 0) return;
    setSubmitting(true);
    try {
      const document = toDocument(state, false);
      setSubmitted(await charting.submitIntake(patientId, document, intent.keyFor(document)));
      navigate(`${base}?step=done`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const onPages = Object.entries(err.fields).flatMap(([k, message]) => {
          const page = stepOfServerField(k);
          return page ? [{ step: page, message }] : [];
        });
        setStepProblems(onPages);
        const fields = Object.fromEntries(
          Object.entries(err.fields)
            .filter(([k]) => !stepOfServerField(k))
            .map(([k, v]) => [SERVER_FIELDS[k] ?? k, v]),
        );
        setErrors(Object.keys(fields).length || onPages.length ? fields : { form: err.message });
      } else setErrors({ form: err instanceof Error ? err.message : t('status.wrong.body') });
    } finally {
      setSubmitting(false);
    }
  };

  const status = (
    <p className="ch-autosave" role="status">
      {saved === 'saving'
        ? t('intake.saving')
        : saved === 'saved'
          ? t('intake.saved')
          : saved === 'failed'
            ? saveProblem
            : ''}
    </p>
  );

  if (step === '') {
    return (
      <div className="narrow ch-intake">
        <h1>{own ? t('intake.mine') : t('intake.title')}</h1>
        <p className="lead">{own ? t('intake.lead') : t('intake.leadStaff')}</p>
        <p>{t('intake.howLong')}</p>
        {hasVersion ? <p className="notice">{own ? t('intake.before') : t('intake.beforeStaff')}</p> : null}
        <Link to={`${base}?step=${QUESTION_STEPS[0]!.id}`} className="button button-large">
          {t('intake.start')}
        </Link>
      </div>
    );
  }

  if (step === 'done') {
    const decision = submitted?.screening.decision;
    return (
      <div className="narrow ch-intake">
        <div className="ch-confirmation" role="status">
          <h1>{own ? t('measures.result.thanks') : t('intake.submitted')}</h1>
          {submitted?.intake.version ? <p>{t('intake.version', { version: submitted.intake.version })}</p> : null}
        </div>
        {own ? (
          <p>{t('intake.thenTherapist')}</p>
        ) : decision ? (
          <p>
            <strong>{t('intake.screening')}</strong>{' '}
            {DECISION_WORDS[decision] ? t(DECISION_WORDS[decision]!) : decision}
          </p>
        ) : null}
        <p>
          {own ? (
            <Link to={`/patients/${patientId}`}>{t('measures.back.mine')}</Link>
          ) : (
            <Link to={`/patients/${patientId}/chart`} className="button">
              {t('intake.openChart')}
            </Link>
          )}
        </p>
      </div>
    );
  }

  const labels = Object.fromEntries(Object.keys(errors).map((k) => [k, '']));
  return (
    <div className={step === 'pain-map' ? 'ch-intake ch-intake-wide' : 'narrow ch-intake'}>
      <p className="breadcrumb">
        <Link
          to={
            index > 0
              ? `${base}?step=${QUESTION_STEPS[index - 1]!.id}`
              : step === 'review'
                ? `${base}?step=pain-map`
                : base
          }
          className="ch-back"
        >
          {t('form.back')}
        </Link>
      </p>
      <ErrorSummary items={summaryItems(errors)} labels={labels} />
      {step === 'review' ? <StepErrorSummary problems={stepProblems} base={base} /> : null}
      {step !== 'review' ? (
        <p className="ch-progress">{t('intake.progress', { n: index + 1, total: QUESTION_STEPS.length })}</p>
      ) : null}
      {step === 'review' ? (
        <>
          <h1>{t('intake.review.title')}</h1>
          <IntakeReview state={state} base={base} />
          <h2 className="ch-subhead">{t('intake.review.send')}</h2>
          <p>{t('intake.review.confirm')}</p>
          <button type="button" className="button button-large" onClick={() => void submit()} disabled={submitting}>
            {submitting ? t('measures.sending') : t('measures.send')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void next();
          }}
          noValidate
        >
          <StepBody step={step} state={state} errors={errors} change={change} />
          <button type="submit" className="button button-large">
            {t('form.continue')}
          </button>
        </form>
      )}
      {status}
    </div>
  );
}
