import { fieldId } from '../../components/Form.tsx';
import {
  HEALTH_ANSWERS,
  HEALTH_HISTORY,
  HEALTH_NOW,
  LOCAL_ISSUES,
  MEDICATION_GROUPS,
  questionField,
  type HealthAnswer,
  type IntakeState,
  type StepId,
} from './intakeModel.ts';
import { ErrorText, Question, Radios, TextInput, Tick } from './IntakeFields.tsx';
import { PainMapStep } from './PainMapStep.tsx';
import { VitalsStep } from './VitalsStep.tsx';
import type { ReactNode } from 'react';
import { RegionSelect } from '../../components/bodychart/BodyChart.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';
import { useT, type MessageId } from '../../i18n/t.ts';

/** Comma-separated answers: up to 20 items of the server's length, with their separators. */
const LIST_TEXT = 20 * (200 + 2);

export interface StepProps {
  state: IntakeState;
  errors: Record<string, string>;
  change: (patch: Partial<IntakeState>) => void;
}

/**
 * A page of health questions, each answered yes, no or not sure: nothing is preselected and a blank
 * is never read as "no". "None of these" is an explicit answer that sets every question here to no.
 */
function HealthList({
  state,
  errors,
  change,
  group,
  page,
  legend,
  hint,
  follow,
}: StepProps & {
  group: readonly [string, MessageId][];
  page: string;
  legend: string;
  hint: string;
  follow?: Record<string, ReactNode>;
}) {
  const t = useT();
  const allNo = group.every(([key]) => state.questions[key] === 'no');
  const set = (key: string, value: HealthAnswer) => change({ questions: { ...state.questions, [key]: value } });
  const none = (on: boolean) => {
    const next = { ...state.questions };
    for (const [key] of group) {
      if (on) next[key] = 'no';
      else delete next[key];
    }
    change({ questions: next });
  };
  return (
    <>
      <h1>{legend}</h1>
      <p className="hint" id={`${fieldId(page)}-hint`}>
        {hint}
      </p>
      <div className="ch-none-all">
        <Tick
          id={`none-${page}`}
          label={t('intake.none')}
          hint={t('intake.noneHint')}
          checked={allNo}
          onChecked={none}
        />
      </div>
      <p className="ch-or">{t('intake.orEach')}</p>
      {group.map(([key, label]) => {
        const name = questionField(key);
        const error = errors[name];
        return (
          <fieldset
            key={key}
            className={`fieldset ch-yn${error ? ' field-error' : ''}`}
            aria-describedby={error ? `${fieldId(name)}-error` : undefined}
          >
            <legend className="ch-yn-legend">{t(label)}</legend>
            {/* The summary names the question; beside it, the legend already does. */}
            <ErrorText error={error ? t('intake.answerEach') : undefined} name={name} />
            <Radios
              name={name}
              value={state.questions[key] ?? ''}
              onValue={(value) => set(key, value)}
              options={HEALTH_ANSWERS.map((a) => ({ value: a.value, label: t(a.label) }))}
              inline
            />
            {state.questions[key] === 'yes' && follow?.[key] ? (
              <div className="ch-conditional">{follow[key]}</div>
            ) : null}
          </fieldset>
        );
      })}
    </>
  );
}

function Medicines({ state, errors, change }: StepProps) {
  const t = useT();
  const set = (cls: string, patch: Partial<{ on: boolean; name: string }>) => {
    const current = state.medications[cls] ?? { on: false, name: '' };
    change({ medications: { ...state.medications, [cls]: { ...current, ...patch } } });
  };
  return (
    <Question legend={t('intake.med.legend')} hint={t('intake.med.hint')} name="medicines">
      <div className="ch-options">
        {MEDICATION_GROUPS.map((g, i) => {
          const m = state.medications[g.class];
          return (
            <div key={g.class}>
              <Tick
                id={i === 0 ? fieldId('medicines') : `med-${g.class}`}
                label={t(g.label)}
                hint={t(g.hint)}
                checked={m?.on ?? false}
                onChecked={(on) => set(g.class, { on })}
              />
              {m?.on ? (
                <div className="ch-conditional">
                  <TextInput
                    maxLength={LIMIT.intakeItem}
                    name={`med-${g.class}-name`}
                    label={t('intake.med.name')}
                    error={errors[`med-${g.class}-name`]}
                    value={m.name}
                    onValue={(name) => set(g.class, { name })}
                    width="medium"
                  />
                </div>
              ) : null}
            </div>
          );
        })}
        <p className="ch-or">{t('intake.med.none')}</p>
      </div>
    </Question>
  );
}

function Injuries({ state, errors, change }: StepProps) {
  const t = useT();
  const setRow = (
    key: 'injuries' | 'surgeries',
    i: number,
    patch: Partial<{ what: string; date: string; region: string }>,
  ) => change({ [key]: state[key].map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const remove = (key: 'injuries' | 'surgeries', i: number) => change({ [key]: state[key].filter((_, j) => j !== i) });
  return (
    <>
      <h1>{t('intake.step.injuries')}</h1>
      <p className="lead">{t('intake.injuries.lead')}</p>
      <h2 className="ch-subhead">{t('intake.operations')}</h2>
      {state.surgeries.map((s, i) => (
        <div className="ch-repeat" key={`s${i}`}>
          <TextInput
            maxLength={LIMIT.intakeItem}
            name={`surgery-${i}-what`}
            label={t('intake.operation.what', { n: i + 1 })}
            error={errors[`surgery-${i}-what`]}
            value={s.what}
            onValue={(what) => setRow('surgeries', i, { what })}
          />
          <TextInput
            name={`surgery-${i}-date`}
            label={t('intake.operation.date')}
            hint={t('intake.dayHint')}
            type="date"
            width="medium"
            error={errors[`surgery-${i}-date`]}
            value={s.date}
            onValue={(date) => setRow('surgeries', i, { date })}
          />
          <RegionSelect
            id={`surgery-${i}-region`}
            label={t('intake.operation.where')}
            value={s.region || null}
            onSelect={(region) => setRow('surgeries', i, { region })}
          />
          <button type="button" className="button button-secondary" onClick={() => remove('surgeries', i)}>
            {t('intake.operation.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => change({ surgeries: [...state.surgeries, { what: '', date: '' }] })}
        >
          {t('intake.operation.add')}
        </button>
      </p>
      <h2 className="ch-subhead">{t('intake.injuries')}</h2>
      {state.injuries.map((inj, i) => (
        <div className="ch-repeat" key={`i${i}`}>
          <TextInput
            maxLength={LIMIT.intakeItem}
            name={`injury-${i}-what`}
            label={t('intake.injury.what', { n: i + 1 })}
            hint={t('intake.injury.hint')}
            error={errors[`injury-${i}-what`]}
            value={inj.what}
            onValue={(what) => setRow('injuries', i, { what })}
          />
          <TextInput
            name={`injury-${i}-date`}
            label={t('intake.injury.when')}
            type="date"
            width="medium"
            value={inj.date}
            onValue={(date) => setRow('injuries', i, { date })}
          />
          <button type="button" className="button button-secondary" onClick={() => remove('injuries', i)}>
            {t('intake.injury.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => change({ injuries: [...state.injuries, { what: '', date: '' }] })}
        >
          {t('intake.injury.add')}
        </button>
      </p>
    </>
  );
}

function BodyIssues({ state, errors, change }: StepProps) {
  const t = useT();
  const set = (kind: string, patch: Partial<{ on: boolean; region: string }>) => {
    const current = state.localIssues[kind] ?? { on: false, region: '' };
    change({ localIssues: { ...state.localIssues, [kind]: { ...current, ...patch } } });
  };
  const any = LOCAL_ISSUES.some(([kind]) => state.localIssues[kind]?.on);
  const none = (on: boolean) => {
    if (!on) return;
    change({ localIssues: {}, answeredPages: [...new Set([...state.answeredPages, 'body-issues'])] });
  };
  return (
    <Question legend={t('intake.issues.legend')} hint={t('intake.issues.hint')} name="body-issues">
      <div className="ch-options">
        {LOCAL_ISSUES.map(([kind, label], i) => (
          <div key={kind}>
            <Tick
              id={i === 0 ? fieldId('body-issues') : `issue-${kind}`}
              label={t(label)}
              checked={state.localIssues[kind]?.on ?? false}
              onChecked={(on) => set(kind, { on })}
            />
            {state.localIssues[kind]?.on ? (
              <div className="ch-conditional">
                <ErrorText error={errors[`issue-${kind}-region`]} name={`issue-${kind}-region`} />
                <RegionSelect
                  id={fieldId(`issue-${kind}-region`)}
                  label={t('intake.issues.where')}
                  value={state.localIssues[kind]?.region || null}
                  onSelect={(region) => set(kind, { region })}
                />
              </div>
            ) : null}
          </div>
        ))}
        <p className="ch-or">{t('intake.or')}</p>
        <Tick
          id="none-body-issues"
          label={t('intake.none')}
          checked={state.answeredPages.includes('body-issues') && !any}
          onChecked={none}
        />
      </div>
    </Question>
  );
}

function Pregnancy({ state, errors, change }: StepProps) {
  const t = useT();
  return (
    <Question
      legend={t('intake.pregnancy.legend')}
      hint={t('intake.pregnancy.hint')}
      error={errors.pregnancy}
      name="pregnancy"
    >
      <Radios
        name="pregnancy"
        value={state.pregnancy}
        onValue={(pregnancy) => change({ pregnancy })}
        options={[
          { value: 'yes', label: t('intake.answer.yes') },
          { value: 'no', label: t('intake.answer.no') },
          { value: 'unknown', label: t('intake.imNotSure') },
          { value: 'not-applicable', label: t('intake.pregnancy.na') },
        ]}
      />
      {state.pregnancy === 'yes' ? (
        <div className="ch-conditional">
          <fieldset className="fieldset">
            <legend className="label">{t('intake.pregnancy.howFar')}</legend>
            <Radios
              name="trimester"
              value={state.trimester}
              onValue={(trimester) => change({ trimester })}
              options={[
                { value: '1', label: t('intake.pregnancy.1') },
                { value: '2', label: t('intake.pregnancy.2') },
                { value: '3', label: t('intake.pregnancy.3') },
              ]}
            />
          </fieldset>
        </div>
      ) : null}
    </Question>
  );
}

function Goals({ state, errors, change }: StepProps) {
  const t = useT();
  return (
    <>
      <h1>{t('intake.goals.title')}</h1>
      <p className="lead">{t('intake.goals.lead')}</p>
      {state.goals.map((goal, i) => (
        <TextInput
          key={i}
          maxLength={LIMIT.intakeItem}
          name={`goal-${i}`}
          label={i > 0 ? t('intake.goal.optional', { n: i + 1 }) : t('intake.goal', { n: i + 1 })}
          error={errors[`goal-${i}`]}
          value={goal}
          onValue={(v) => change({ goals: state.goals.map((g, j) => (j === i ? v : g)) })}
        />
      ))}
    </>
  );
}

function PainStart({ state, errors, change }: StepProps) {
  const t = useT();
  return (
    <>
      <Question legend={t('intake.onset.legend')} error={errors.onset} name="onset">
        <Radios
          name="onset"
          value={state.onset}
          onValue={(onset) => change({ onset })}
          options={[
            { value: 'sudden', label: t('intake.onset.sudden') },
            { value: 'gradual', label: t('intake.onset.gradual') },
            { value: 'after-injury', label: t('intake.onset.after-injury') },
            { value: 'unknown', label: t('intake.dontKnow') },
          ]}
        />
      </Question>
      <fieldset className={`fieldset${errors.duration ? ' field-error' : ''}`}>
        <legend className="ch-subhead">{t('intake.duration.legend')}</legend>
        <ErrorText error={errors.duration} name="duration" />
        <div className="ch-inline">
          <div className="field">
            <label className="label" htmlFor={fieldId('duration')}>
              {t('intake.duration.number')}
            </label>
            <input
              id={fieldId('duration')}
              maxLength={5}
              className="input input-short"
              inputMode="numeric"
              value={state.durationAmount}
              onChange={(e) => change({ durationAmount: e.target.value })}
              aria-invalid={errors.duration ? true : undefined}
            />
          </div>
          <div className="field">
            <label className="label" htmlFor="duration-unit">
              {t('intake.duration.unit')}
            </label>
            <select
              id="duration-unit"
              className="input input-short"
              value={state.durationUnit}
              onChange={(e) => change({ durationUnit: e.target.value as IntakeState['durationUnit'] })}
            >
              <option value="days">{t('intake.duration.days')}</option>
              <option value="weeks">{t('intake.duration.weeks')}</option>
              <option value="months">{t('intake.duration.months')}</option>
              <option value="years">{t('intake.duration.years')}</option>
            </select>
          </div>
        </div>
      </fieldset>
    </>
  );
}

function PainPattern({ state, change }: StepProps) {
  const t = useT();
  return (
    <>
      <h1>{t('intake.step.pain-pattern')}</h1>
      <TextInput
        maxLength={LIST_TEXT}
        name="better"
        label={t('intake.better')}
        hint={t('intake.better.hint')}
        value={state.betterWith}
        onValue={(betterWith) => change({ betterWith })}
        multiline
      />
      <TextInput
        maxLength={LIST_TEXT}
        name="worse"
        label={t('intake.worse')}
        hint={t('intake.worse.hint')}
        value={state.worseWith}
        onValue={(worseWith) => change({ worseWith })}
        multiline
      />
      <fieldset className="fieldset">
        <legend className="ch-subhead">{t('intake.worst.legend')}</legend>
        <Radios
          name="worst-time"
          value={state.worstTime}
          onValue={(worstTime) => change({ worstTime })}
          options={[
            { value: 'morning', label: t('intake.worst.morning') },
            { value: 'daytime', label: t('intake.worst.daytime') },
            { value: 'evening', label: t('intake.worst.evening') },
            { value: 'night', label: t('intake.worst.night') },
            { value: 'constant', label: t('intake.worst.constant') },
            { value: 'varies', label: t('intake.worst.varies') },
          ]}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="ch-subhead">{t('intake.wakes.legend')}</legend>
        <Radios
          name="wakes"
          value={state.wakesAtNight}
          onValue={(wakesAtNight) => change({ wakesAtNight })}
          options={[
            { value: 'yes', label: t('intake.answer.yes') },
            { value: 'no', label: t('intake.answer.no') },
            { value: 'unknown', label: t('intake.imNotSure') },
          ]}
        />
      </fieldset>
      <TextInput
        maxLength={LIST_TEXT}
        name="limits"
        label={t('intake.limits')}
        hint={t('intake.limits.hint')}
        value={state.limits}
        onValue={(limits) => change({ limits })}
        multiline
      />
    </>
  );
}

export function StepBody({ step, ...props }: StepProps & { step: StepId }) {
  const t = useT();
  switch (step) {
    case 'health-now':
      return (
        <HealthList
          {...props}
          group={HEALTH_NOW}
          page="health-now"
          legend={t('intake.now.legend')}
          hint={t('intake.now.hint')}
        />
      );
    case 'health-history':
      return (
        <>
          <HealthList
            {...props}
            group={HEALTH_HISTORY}
            page="health-history"
            legend={t('intake.history.legend')}
            hint={t('intake.history.hint')}
            follow={{
              strokeOrTia: (
                <TextInput
                  name="stroke-date"
                  label={t('intake.stroke.date')}
                  hint={t('intake.stroke.hint')}
                  type="date"
                  width="medium"
                  error={props.errors['stroke-date']}
                  value={props.state.vitals.strokeDate}
                  onValue={(strokeDate) => props.change({ vitals: { ...props.state.vitals, strokeDate } })}
                />
              ),
            }}
          />
          <TextInput
            maxLength={LIMIT.shortNote}
            name="other-conditions"
            label={t('intake.other')}
            value={props.state.otherConditions}
            onValue={(otherConditions) => props.change({ otherConditions })}
            multiline
          />
        </>
      );
    case 'medicines':
      return <Medicines {...props} />;
    case 'injuries':
      return <Injuries {...props} />;
    case 'body-issues':
      return <BodyIssues {...props} />;
    case 'pregnancy':
      return <Pregnancy {...props} />;
    case 'vitals':
      return <VitalsStep {...props} />;
    case 'goals':
      return <Goals {...props} />;
    case 'pain-start':
      return <PainStart {...props} />;
    case 'pain-pattern':
      return <PainPattern {...props} />;
    case 'pain-map':
      return <PainMapStep {...props} />;
    default:
      return null;
  }
}
