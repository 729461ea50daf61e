import type { ReactNode } from 'react';
import { regionName } from '../../components/bodychart/BodyChart.tsx';
import { Link } from '../../router.tsx';
import { dateLabel } from '../schedule/time.ts';
import {
  HEALTH_HISTORY,
  HEALTH_NOW,
  LOCAL_ISSUES,
  MEDICATION_GROUPS,
  type IntakeState,
  type StepId,
} from './intakeModel.ts';

const ONSET: Record<string, string> = {
  sudden: 'Suddenly',
  gradual: 'Slowly, over time',
  'after-injury': 'After an injury or accident',
  unknown: "Don't know",
};
const PREGNANCY: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not sure',
  'not-applicable': 'Does not apply',
};
const WORST_TIME: Record<string, string> = {
  morning: 'When I get up',
  daytime: 'During the day',
  evening: 'In the evening',
  night: 'At night',
  constant: 'All the time, the same',
  varies: 'It changes',
};
const YES_NO_UNSURE: Record<string, string> = { yes: 'Yes', no: 'No', unknown: 'Not sure' };

function Row({
  label,
  step,
  base,
  children,
}: {
  label: string;
  step: StepId;
  base: string | null;
  children: ReactNode;
}) {
  return (
    <div className="summary-row ch-review-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      {base !== null ? (
        <dd className="ch-review-change">
          <Link to={`${base}?step=${step}`}>
            Change<span className="visually-hidden"> {label.toLowerCase()}</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

const none = <span className="muted">None</span>;

/** A date in words ("Saturday, March 1, 2025"), as the app writes dates for people. */
const inWords = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? dateLabel(date, 'long') : date);

/** Every question of a health page under its answer: yes first, then not sure, no, and any left blank. */
function HealthAnswers({
  group,
  state,
  extra = [],
}: {
  group: readonly [string, string][];
  state: IntakeState;
  extra?: string[];
}) {
  const answered = (value: string | undefined) =>
    group.filter(([k]) => state.questions[k] === value).map(([, label]) => label);
  const groups: [string, string[], string?][] = [
    ['Yes', answered('yes')],
    ['Not sure', answered('unknown')],
    ['No', answered('no')],
    ['Not answered yet', answered(undefined), 'ch-review-missing'],
  ];
  return (
    <>
      {groups
        .filter(([, items]) => items.length > 0)
        .map(([title, items, className]) => (
          <div key={title} className={className}>
            <p className="ch-review-answer">{title}</p>
            <ul className="ch-review-list">
              {items.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </div>
        ))}
      {extra.length > 0 ? (
        <>
          <p className="ch-review-answer">Other conditions</p>
          <ul className="ch-review-list">
            {extra.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/**
 * "Check your answers": every answer in words, each with a Change link back to its page (none when `base` is null: a
 * past version).
 */
export function IntakeReview({ state, base }: { state: IntakeState; base: string | null }) {
  const list = (items: string[]) =>
    items.length ? (
      <ul className="ch-review-list">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    ) : (
      none
    );
  const meds = MEDICATION_GROUPS.filter((g) => state.medications[g.class]?.on).map(
    (g) => `${g.label}${state.medications[g.class]?.name ? `: ${state.medications[g.class]!.name}` : ''}`,
  );
  return (
    <dl className="summary-list ch-review">
      <Row label="Health today" step="health-now" base={base}>
        <HealthAnswers group={HEALTH_NOW} state={state} />
      </Row>
      <Row label="Health in the past" step="health-history" base={base}>
        <HealthAnswers
          group={HEALTH_HISTORY}
          state={state}
          extra={state.otherConditions ? [state.otherConditions] : []}
        />
      </Row>
      <Row label="Medicines" step="medicines" base={base}>
        {list(meds)}
      </Row>
      <Row label="Operations" step="injuries" base={base}>
        {list(state.surgeries.map((s) => `${s.what} (${inWords(s.date)})`))}
      </Row>
      <Row label="Injuries" step="injuries" base={base}>
        {list(state.injuries.map((i) => (i.date ? `${i.what} (${inWords(i.date)})` : i.what)))}
      </Row>
      <Row label="Places not to press" step="body-issues" base={base}>
        {list(
          LOCAL_ISSUES.filter(([k]) => state.localIssues[k]?.on).map(
            ([k, label]) => `${label}: ${regionName(state.localIssues[k]!.region)}`,
          ),
        )}
      </Row>
      {state.questions.strokeOrTia === 'yes' ? (
        <Row label="Most recent stroke or TIA" step="health-history" base={base}>
          {state.vitals.strokeDate ? inWords(state.vitals.strokeDate) : none}
        </Row>
      ) : null}
      <Row label="Blood pressure" step="vitals" base={base}>
        {state.vitals.systolic && state.vitals.diastolic ? (
          `${state.vitals.systolic}/${state.vitals.diastolic} mmHg`
        ) : (
          <span className="muted">Not taken</span>
        )}
      </Row>
      <Row label="Temperature" step="vitals" base={base}>
        {state.vitals.temperature ? (
          `${state.vitals.temperature} °${state.vitals.temperatureUnit}`
        ) : (
          <span className="muted">Not taken</span>
        )}
      </Row>
      <Row label="Pregnant" step="pregnancy" base={base}>
        {PREGNANCY[state.pregnancy] ?? none}
        {state.trimester ? `, trimester ${state.trimester}` : ''}
      </Row>
      <Row label="Goals" step="goals" base={base}>
        {list(state.goals.filter(Boolean))}
      </Row>
      <Row label="How the pain started" step="pain-start" base={base}>
        {ONSET[state.onset] ?? none}
        {state.durationAmount ? `, ${state.durationAmount} ${state.durationUnit} ago` : ''}
      </Row>
      <Row label="Better with" step="pain-pattern" base={base}>
        {state.betterWith || none}
      </Row>
      <Row label="Worse with" step="pain-pattern" base={base}>
        {state.worseWith || none}
      </Row>
      <Row label="When it is worst" step="pain-pattern" base={base}>
        {WORST_TIME[state.worstTime] ?? <span className="muted">Not answered</span>}
      </Row>
      <Row label="Wakes you at night" step="pain-pattern" base={base}>
        {YES_NO_UNSURE[state.wakesAtNight] ?? <span className="muted">Not answered</span>}
      </Row>
      <Row label="Stops you doing" step="pain-pattern" base={base}>
        {state.limits || none}
      </Row>
      <Row label="Where it hurts" step="pain-map" base={base}>
        {list(
          [...state.painMap]
            .sort((a, b) => b.intensity - a.intensity)
            .map((e) => `${regionName(e.region)}: ${e.intensity} out of 10`),
        )}
      </Row>
    </dl>
  );
}
