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
  group: readonly [string, string][];
  page: string;
  legend: string;
  hint: string;
  follow?: Record<string, ReactNode>;
}) {
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
          label="None of these"
          hint="Answers No to every question on this page."
          checked={allNo}
          onChecked={none}
        />
      </div>
      <p className="ch-or">or answer each one:</p>
      {group.map(([key, label]) => {
        const name = questionField(key);
        const error = errors[name];
        return (
          <fieldset
            key={key}
            className={`fieldset ch-yn${error ? ' field-error' : ''}`}
            aria-describedby={error ? `${fieldId(name)}-error` : undefined}
          >
            <legend className="ch-yn-legend">{label}</legend>
            {/* The summary names the question; beside it, the legend already does. */}
            <ErrorText error={error ? 'Answer yes, no or not sure' : undefined} name={name} />
            <Radios
              name={name}
              value={state.questions[key] ?? ''}
              onValue={(value) => set(key, value)}
              options={HEALTH_ANSWERS}
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
  const set = (cls: string, patch: Partial<{ on: boolean; name: string }>) => {
    const current = state.medications[cls] ?? { on: false, name: '' };
    change({ medications: { ...state.medications, [cls]: { ...current, ...patch } } });
  };
  return (
    <Question
      legend="Which medicines do you take?"
      hint="Select all that apply. Some medicines change how firmly we can press."
      name="medicines"
    >
      <div className="ch-options">
        {MEDICATION_GROUPS.map((g, i) => {
          const m = state.medications[g.class];
          return (
            <div key={g.class}>
              <Tick
                id={i === 0 ? fieldId('medicines') : `med-${g.class}`}
                label={g.label}
                hint={g.hint}
                checked={m?.on ?? false}
                onChecked={(on) => set(g.class, { on })}
              />
              {m?.on ? (
                <div className="ch-conditional">
                  <TextInput
                    maxLength={LIMIT.intakeItem}
                    name={`med-${g.class}-name`}
                    label="Name of the medicine (optional)"
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
        <p className="ch-or">If you take none of these, just continue.</p>
      </div>
    </Question>
  );
}

function Injuries({ state, errors, change }: StepProps) {
  const setRow = (
    key: 'injuries' | 'surgeries',
    i: number,
    patch: Partial<{ what: string; date: string; region: string }>,
  ) => change({ [key]: state[key].map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const remove = (key: 'injuries' | 'surgeries', i: number) => change({ [key]: state[key].filter((_, j) => j !== i) });
  return (
    <>
      <h1>Injuries and operations</h1>
      <p className="lead">Tell us about injuries and operations, even old ones. If you have had none, just continue.</p>
      <h2 className="ch-subhead">Operations</h2>
      {state.surgeries.map((s, i) => (
        <div className="ch-repeat" key={`s${i}`}>
          <TextInput
            maxLength={LIMIT.intakeItem}
            name={`surgery-${i}-what`}
            label={`Operation ${i + 1}: what was it?`}
            error={errors[`surgery-${i}-what`]}
            value={s.what}
            onValue={(what) => setRow('surgeries', i, { what })}
          />
          <TextInput
            name={`surgery-${i}-date`}
            label="Date of the operation"
            hint="If you are not sure of the day, choose the 1st of the month."
            type="date"
            width="medium"
            error={errors[`surgery-${i}-date`]}
            value={s.date}
            onValue={(date) => setRow('surgeries', i, { date })}
          />
          <RegionSelect
            id={`surgery-${i}-region`}
            label="Where on the body (optional)"
            value={s.region || null}
            onSelect={(region) => setRow('surgeries', i, { region })}
          />
          <button type="button" className="button button-secondary" onClick={() => remove('surgeries', i)}>
            Remove operation {i + 1}
          </button>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => change({ surgeries: [...state.surgeries, { what: '', date: '' }] })}
        >
          Add an operation
        </button>
      </p>
      <h2 className="ch-subhead">Injuries</h2>
      {state.injuries.map((inj, i) => (
        <div className="ch-repeat" key={`i${i}`}>
          <TextInput
            maxLength={LIMIT.intakeItem}
            name={`injury-${i}-what`}
            label={`Injury ${i + 1}: what happened?`}
            hint="For example: car accident, whiplash"
            error={errors[`injury-${i}-what`]}
            value={inj.what}
            onValue={(what) => setRow('injuries', i, { what })}
          />
          <TextInput
            name={`injury-${i}-date`}
            label="When (optional)"
            type="date"
            width="medium"
            value={inj.date}
            onValue={(date) => setRow('injuries', i, { date })}
          />
          <button type="button" className="button button-secondary" onClick={() => remove('injuries', i)}>
            Remove injury {i + 1}
          </button>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => change({ injuries: [...state.injuries, { what: '', date: '' }] })}
        >
          Add an injury
        </button>
      </p>
    </>
  );
}

function BodyIssues({ state, errors, change }: StepProps) {
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
    <Question
      legend="Is there anywhere on your body we should not press?"
      hint="Select all that you have now, and say where. We will not treat those places."
      name="body-issues"
    >
      <div className="ch-options">
        {LOCAL_ISSUES.map(([kind, label], i) => (
          <div key={kind}>
            <Tick
              id={i === 0 ? fieldId('body-issues') : `issue-${kind}`}
              label={label}
              checked={state.localIssues[kind]?.on ?? false}
              onChecked={(on) => set(kind, { on })}
            />
            {state.localIssues[kind]?.on ? (
              <div className="ch-conditional">
                <ErrorText error={errors[`issue-${kind}-region`]} name={`issue-${kind}-region`} />
                <RegionSelect
                  id={fieldId(`issue-${kind}-region`)}
                  label="Where is it?"
                  value={state.localIssues[kind]?.region || null}
                  onSelect={(region) => set(kind, { region })}
                />
              </div>
            ) : null}
          </div>
        ))}
        <p className="ch-or">or</p>
        <Tick
          id="none-body-issues"
          label="None of these"
          checked={state.answeredPages.includes('body-issues') && !any}
          onChecked={none}
        />
      </div>
    </Question>
  );
}

function Pregnancy({ state, errors, change }: StepProps) {
  return (
    <Question
      legend="Are you pregnant?"
      hint="Some positions and pressure points are avoided in pregnancy."
      error={errors.pregnancy}
      name="pregnancy"
    >
      <Radios
        name="pregnancy"
        value={state.pregnancy}
        onValue={(pregnancy) => change({ pregnancy })}
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
          { value: 'unknown', label: "I'm not sure" },
          { value: 'not-applicable', label: 'Does not apply to me' },
        ]}
      />
      {state.pregnancy === 'yes' ? (
        <div className="ch-conditional">
          <fieldset className="fieldset">
            <legend className="label">How far along are you?</legend>
            <Radios
              name="trimester"
              value={state.trimester}
              onValue={(trimester) => change({ trimester })}
              options={[
                { value: '1', label: 'Up to 13 weeks' },
                { value: '2', label: '14 to 27 weeks' },
                { value: '3', label: '28 weeks or more' },
              ]}
            />
          </fieldset>
        </div>
      ) : null}
    </Question>
  );
}

function Goals({ state, errors, change }: StepProps) {
  return (
    <>
      <h1>What do you want treatment to help with?</h1>
      <p className="lead">
        In your own words, for example "sleep through the night" or "turn my head to reverse the car".
      </p>
      {state.goals.map((goal, i) => (
        <TextInput
          key={i}
          maxLength={LIMIT.intakeItem}
          name={`goal-${i}`}
          label={`Goal ${i + 1}${i > 0 ? ' (optional)' : ''}`}
          error={errors[`goal-${i}`]}
          value={goal}
          onValue={(v) => change({ goals: state.goals.map((g, j) => (j === i ? v : g)) })}
        />
      ))}
    </>
  );
}

function PainStart({ state, errors, change }: StepProps) {
  return (
    <>
      <Question legend="How did your pain start?" error={errors.onset} name="onset">
        <Radios
          name="onset"
          value={state.onset}
          onValue={(onset) => change({ onset })}
          options={[
            { value: 'sudden', label: 'Suddenly' },
            { value: 'gradual', label: 'Slowly, over time' },
            { value: 'after-injury', label: 'After an injury or accident' },
            { value: 'unknown', label: "I don't know" },
          ]}
        />
      </Question>
      <fieldset className={`fieldset${errors.duration ? ' field-error' : ''}`}>
        <legend className="ch-subhead">How long have you had it?</legend>
        <ErrorText error={errors.duration} name="duration" />
        <div className="ch-inline">
          <div className="field">
            <label className="label" htmlFor={fieldId('duration')}>
              Number
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
              Days, weeks, months or years
            </label>
            <select
              id="duration-unit"
              className="input input-short"
              value={state.durationUnit}
              onChange={(e) => change({ durationUnit: e.target.value as IntakeState['durationUnit'] })}
            >
              <option value="days">days</option>
              <option value="weeks">weeks</option>
              <option value="months">months</option>
              <option value="years">years</option>
            </select>
          </div>
        </div>
      </fieldset>
    </>
  );
}

function PainPattern({ state, change }: StepProps) {
  return (
    <>
      <h1>How your pain behaves</h1>
      <TextInput
        maxLength={LIST_TEXT}
        name="better"
        label="What makes it better?"
        hint="For example: heat, rest, a walk. Separate with commas."
        value={state.betterWith}
        onValue={(betterWith) => change({ betterWith })}
        multiline
      />
      <TextInput
        maxLength={LIST_TEXT}
        name="worse"
        label="What makes it worse?"
        hint="For example: sitting at a desk, lifting, driving."
        value={state.worseWith}
        onValue={(worseWith) => change({ worseWith })}
        multiline
      />
      <fieldset className="fieldset">
        <legend className="ch-subhead">When in the day is it worst?</legend>
        <Radios
          name="worst-time"
          value={state.worstTime}
          onValue={(worstTime) => change({ worstTime })}
          options={[
            { value: 'morning', label: 'When I get up' },
            { value: 'daytime', label: 'During the day' },
            { value: 'evening', label: 'In the evening' },
            { value: 'night', label: 'At night' },
            { value: 'constant', label: 'All the time, the same' },
            { value: 'varies', label: 'It changes' },
          ]}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="ch-subhead">Does it wake you at night?</legend>
        <Radios
          name="wakes"
          value={state.wakesAtNight}
          onValue={(wakesAtNight) => change({ wakesAtNight })}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: 'unknown', label: "I'm not sure" },
          ]}
        />
      </fieldset>
      <TextInput
        maxLength={LIST_TEXT}
        name="limits"
        label="What does it stop you doing?"
        hint="For example: sleeping on my side, lifting my child, working a full day."
        value={state.limits}
        onValue={(limits) => change({ limits })}
        multiline
      />
    </>
  );
}

export function StepBody({ step, ...props }: StepProps & { step: StepId }) {
  switch (step) {
    case 'health-now':
      return (
        <HealthList
          {...props}
          group={HEALTH_NOW}
          page="health-now"
          legend="Do you have any of these now?"
          hint="Answer each one yes, no or not sure. These help us check that treatment is safe for you today."
        />
      );
    case 'health-history':
      return (
        <>
          <HealthList
            {...props}
            group={HEALTH_HISTORY}
            page="health-history"
            legend="Have you ever had any of these?"
            hint="Answer each one yes, no or not sure."
            follow={{
              strokeOrTia: (
                <TextInput
                  name="stroke-date"
                  label="Date of the most recent stroke or TIA"
                  hint={
                    'If you are not sure of the day, choose the 1st of the month. ' +
                    'Within 3 months of a stroke, treatment has to wait.'
                  }
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
            label="Any other health conditions (optional)"
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
