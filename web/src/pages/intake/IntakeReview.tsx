import type { ReactNode } from 'react';
import { regionName } from '../../components/bodychart/BodyChart.tsx';
import { Link } from '../../router.tsx';
import { useFormat, useT, type MessageId } from '../../i18n/t.ts';
import {
  HEALTH_HISTORY,
  HEALTH_NOW,
  LOCAL_ISSUES,
  MEDICATION_GROUPS,
  type IntakeState,
  type StepId,
} from './intakeModel.ts';

const ONSET: Record<string, MessageId> = {
  sudden: 'intake.onset.sudden',
  gradual: 'intake.onset.gradual',
  'after-injury': 'intake.onset.after-injury',
  unknown: 'intake.dontKnow',
};
const PREGNANCY: Record<string, MessageId> = {
  yes: 'intake.answer.yes',
  no: 'intake.answer.no',
  unknown: 'intake.answer.unknown',
  'not-applicable': 'intake.pregnancy.na',
};
const WORST_TIME: Record<string, MessageId> = {
  morning: 'intake.worst.morning',
  daytime: 'intake.worst.daytime',
  evening: 'intake.worst.evening',
  night: 'intake.worst.night',
  constant: 'intake.worst.constant',
  varies: 'intake.worst.varies',
};
const YES_NO_UNSURE: Record<string, MessageId> = {
  yes: 'intake.answer.yes',
  no: 'intake.answer.no',
  unknown: 'intake.answer.unknown',
};

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
  const t = useT();
  return (
    <div className="summary-row ch-review-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      {base !== null ? (
        <dd className="ch-review-change">
          <Link to={`${base}?step=${step}`}>
            {t('book.row.change')}
            <span className="visually-hidden"> {label.toLowerCase()}</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

/** Every question of a health page under its answer: yes first, then not sure, no, and any left blank. */
function HealthAnswers({
  group,
  state,
  extra = [],
}: {
  group: readonly [string, MessageId][];
  state: IntakeState;
  extra?: string[];
}) {
  const t = useT();
  const answered = (value: string | undefined) =>
    group.filter(([k]) => state.questions[k] === value).map(([, label]) => t(label));
  const groups: [string, string[], string?][] = [
    [t('intake.answer.yes'), answered('yes')],
    [t('intake.answer.unknown'), answered('unknown')],
    [t('intake.answer.no'), answered('no')],
    [t('intake.review.unanswered'), answered(undefined), 'ch-review-missing'],
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
          <p className="ch-review-answer">{t('intake.review.otherConditions')}</p>
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
  const t = useT();
  const format = useFormat();
  const none = <span className="muted">{t('intake.review.none')}</span>;
  /** A date in words ("Saturday, March 1, 2025"), as the app writes dates for people. */
  const inWords = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? format.date(date, 'long') : date);
  const notTaken = <span className="muted">{t('intake.review.notTaken')}</span>;
  const notAnswered = <span className="muted">{t('intake.review.notAnswered')}</span>;
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
    (g) => `${t(g.label)}${state.medications[g.class]?.name ? `: ${state.medications[g.class]!.name}` : ''}`,
  );
  return (
    <dl className="summary-list ch-review">
      <Row label={t('intake.review.now')} step="health-now" base={base}>
        <HealthAnswers group={HEALTH_NOW} state={state} />
      </Row>
      <Row label={t('intake.review.past')} step="health-history" base={base}>
        <HealthAnswers
          group={HEALTH_HISTORY}
          state={state}
          extra={state.otherConditions ? [state.otherConditions] : []}
        />
      </Row>
      <Row label={t('intake.review.medicines')} step="medicines" base={base}>
        {list(meds)}
      </Row>
      <Row label={t('intake.operations')} step="injuries" base={base}>
        {list(state.surgeries.map((s) => `${s.what} (${inWords(s.date)})`))}
      </Row>
      <Row label={t('intake.injuries')} step="injuries" base={base}>
        {list(state.injuries.map((i) => (i.date ? `${i.what} (${inWords(i.date)})` : i.what)))}
      </Row>
      <Row label={t('intake.review.places')} step="body-issues" base={base}>
        {list(
          LOCAL_ISSUES.filter(([k]) => state.localIssues[k]?.on).map(
            ([k, label]) => `${t(label)}: ${regionName(state.localIssues[k]!.region)}`,
          ),
        )}
      </Row>
      {state.questions.strokeOrTia === 'yes' ? (
        <Row label={t('intake.review.stroke')} step="health-history" base={base}>
          {state.vitals.strokeDate ? inWords(state.vitals.strokeDate) : none}
        </Row>
      ) : null}
      <Row label={t('intake.review.bloodPressure')} step="vitals" base={base}>
        {state.vitals.systolic && state.vitals.diastolic
          ? `${state.vitals.systolic}/${state.vitals.diastolic} mmHg`
          : notTaken}
      </Row>
      <Row label={t('intake.review.temperature')} step="vitals" base={base}>
        {state.vitals.temperature ? `${state.vitals.temperature} °${state.vitals.temperatureUnit}` : notTaken}
      </Row>
      <Row label={t('intake.review.pregnant')} step="pregnancy" base={base}>
        {PREGNANCY[state.pregnancy] ? t(PREGNANCY[state.pregnancy]!) : none}
        {state.trimester ? t('intake.review.trimester', { n: state.trimester }) : ''}
      </Row>
      <Row label={t('intake.review.goals')} step="goals" base={base}>
        {list(state.goals.filter(Boolean))}
      </Row>
      <Row label={t('intake.review.started')} step="pain-start" base={base}>
        {ONSET[state.onset] ? t(ONSET[state.onset]!) : none}
        {state.durationAmount
          ? t('intake.review.ago', {
              amount: state.durationAmount,
              unit: t(`intake.duration.${state.durationUnit}`),
            })
          : ''}
      </Row>
      <Row label={t('intake.review.better')} step="pain-pattern" base={base}>
        {state.betterWith || none}
      </Row>
      <Row label={t('intake.review.worse')} step="pain-pattern" base={base}>
        {state.worseWith || none}
      </Row>
      <Row label={t('intake.review.worst')} step="pain-pattern" base={base}>
        {WORST_TIME[state.worstTime] ? t(WORST_TIME[state.worstTime]!) : notAnswered}
      </Row>
      <Row label={t('intake.review.wakes')} step="pain-pattern" base={base}>
        {YES_NO_UNSURE[state.wakesAtNight] ? t(YES_NO_UNSURE[state.wakesAtNight]!) : notAnswered}
      </Row>
      <Row label={t('intake.review.stops')} step="pain-pattern" base={base}>
        {state.limits || none}
      </Row>
      <Row label={t('intake.step.pain-map')} step="pain-map" base={base}>
        {list(
          [...state.painMap]
            .sort((a, b) => b.intensity - a.intensity)
            .map((e) => t('intake.review.painAt', { place: regionName(e.region), n: e.intensity })),
        )}
      </Row>
    </dl>
  );
}
