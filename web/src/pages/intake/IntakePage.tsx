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

const QUESTION_STEPS = STEPS.filter((s) => s.id !== 'review');
const DECISION_WORDS: Record<string, string> = {
  clear: 'No reason found not to treat.',
  caution: 'Treatment can go ahead with changes to technique.',
  local: 'Some places on the body must not be treated.',
  refer: 'A physician should be asked before treatment.',
  contraindicated: "Treatment cannot be recorded until a physician's clearance is recorded.",
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
  const [loaded] = useResource((signal) => loadIntake(patientId, signal), [patientId]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error')
    return <ErrorView error={loaded.error} what="questionnaire" missingIsUnavailable="Health questionnaire" />;
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
function draftProblem(err: unknown): string {
  if (err instanceof ApiError && err.status === 0)
    return 'Not saved: Knotwork cannot be reached. Check your connection; your answers are saved at your next change.';
  if (err instanceof ApiError && err.status >= 400 && err.status < 500)
    return `Not saved: ${err.message} Change that answer and it is saved again.`;
  return 'Not saved: something went wrong on our side. Your answers are saved at your next change.';
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
  const title =
    step === ''
      ? 'Health questionnaire'
      : step === 'done'
        ? 'Questionnaire sent'
        : (STEPS.find((s) => s.id === step)?.title ?? 'Health questionnaire');
  usePageTitle(title);

  const saveDraft = async (next: IntakeState) => {
    setSaved('saving');
    try {
      await charting.saveIntakeDraft(patientId, toDocument(next, true));
      setSaved('saved');
      dirty.current = false;
    } catch (err) {
      // Say what is wrong: an answer the server refuses will not save by waiting.
      setSaveProblem(draftProblem(err));
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
      search.get('check') && step !== '' && step !== 'done' && step !== 'review' ? checkStep(step, state, today()) : {},
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const change = (patch: Partial<IntakeState>) => {
    dirty.current = true;
    const next = { ...state, ...patch };
    setState(next);
    // A problem goes away as soon as it is fixed (a place marked, a question answered); none is added.
    if (Object.keys(errors).length > 0 && step !== '' && step !== 'done' && step !== 'review') {
      const still = checkStep(step, next, today());
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
    const problems = checkStep(step, state, today());
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
      Object.values(checkStep(id, state, today())).map((message) => ({ step: id, message })),
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
      } else setErrors({ form: err instanceof Error ? err.message : 'Something went wrong.' });
    } finally {
      setSubmitting(false);
    }
  };

  const status = (
    <p className="ch-autosave" role="status">
      {saved === 'saving'
        ? 'Saving…'
        : saved === 'saved'
          ? 'Your answers are saved.'
          : saved === 'failed'
            ? saveProblem
            : ''}
    </p>
  );

  if (step === '') {
    return (
      <div className="narrow ch-intake">
        <h1>{own ? 'Your health questionnaire' : 'Health questionnaire'}</h1>
        <p className="lead">
          {own
            ? 'Before your first visit we ask about your health, your medicines and your pain, so your therapist can ' +
              'treat you safely.'
            : 'Fill this in with the patient, or hand them the tablet.'}
        </p>
        <p>It takes about 10 minutes. Your answers are saved as you go, so you can stop and come back.</p>
        {hasVersion ? (
          <p className="notice">
            {own
              ? 'You have filled this in before. Check each answer is still right: anything new (a medicine, ' +
                'an operation) matters.'
              : 'A version is already on file; submitting creates a new version and keeps the old one.'}
          </p>
        ) : null}
        <Link to={`${base}?step=${QUESTION_STEPS[0]!.id}`} className="button button-large">
          Start now
        </Link>
      </div>
    );
  }

  if (step === 'done') {
    const decision = submitted?.screening.decision;
    return (
      <div className="narrow ch-intake">
        <div className="ch-confirmation" role="status">
          <h1>{own ? 'Thank you, your answers are sent' : 'Questionnaire submitted'}</h1>
          {submitted?.intake.version ? <p>Version {submitted.intake.version}</p> : null}
        </div>
        {own ? (
          <p>Your therapist will read them before your visit. If anything changes, fill the questionnaire in again.</p>
        ) : decision ? (
          <p>
            <strong>Screening:</strong> {DECISION_WORDS[decision] ?? decision}
          </p>
        ) : null}
        <p>
          {own ? (
            <Link to={`/patients/${patientId}`}>Back to my details</Link>
          ) : (
            <Link to={`/patients/${patientId}/chart`} className="button">
              Open the chart
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
          Back
        </Link>
      </p>
      <ErrorSummary items={summaryItems(errors)} labels={labels} />
      {step === 'review' ? <StepErrorSummary problems={stepProblems} base={base} /> : null}
      {step !== 'review' ? (
        <p className="ch-progress">
          Question {index + 1} of {QUESTION_STEPS.length}
        </p>
      ) : null}
      {step === 'review' ? (
        <>
          <h1>Check your answers before sending</h1>
          <IntakeReview state={state} base={base} />
          <h2 className="ch-subhead">Now send your answers</h2>
          <p>By sending this you confirm the answers are true to the best of your knowledge.</p>
          <button type="button" className="button button-large" onClick={() => void submit()} disabled={submitting}>
            {submitting ? 'Sending…' : 'Send my answers'}
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
            Continue
          </button>
        </form>
      )}
      {status}
    </div>
  );
}
