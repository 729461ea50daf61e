import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { linkSlots, rescheduleByLink, type LinkedAppointment, type LinkSlot } from '../../api/links.ts';
import { ErrorSummary } from '../../components/Form.tsx';
import { Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { addDays, wallClock } from '../schedule/time.ts';
import { useAtClinic } from './linkWords.ts';
import { useFormat, useT } from '../../i18n/t.ts';
import type { Step } from './LinkPage.tsx';

/** Free times grouped by the clinic's calendar day, the visit's own time left out. */
export function timesByDay(slots: LinkSlot[], timeZone: string, currentStart: string): [string, LinkSlot[]][] {
  const days = new Map<string, LinkSlot[]>();
  const seen = new Set<string>();
  for (const slot of [...slots].sort((x, y) => x.start.localeCompare(y.start))) {
    if (Date.parse(slot.start) === Date.parse(currentStart) || seen.has(slot.start)) continue;
    seen.add(slot.start);
    const date = wallClock(slot.start, timeZone).date;
    days.set(date, [...(days.get(date) ?? []), slot]);
  }
  return [...days.entries()];
}

const WEEK_DAYS = 7;

function BackButton({ onClick, label }: { onClick: () => void; label?: string }) {
  const t = useT();
  return (
    <p className="breadcrumb">
      <button type="button" className="link-button sch-back" onClick={onClick}>
        {label ?? t('form.back')}
      </button>
    </p>
  );
}

export function LinkTimes({
  token,
  appointment: a,
  problem,
  onStep,
}: {
  token: string;
  appointment: LinkedAppointment;
  problem?: string;
  onStep: (step: Step) => void;
}) {
  const t = useT();
  const format = useFormat();
  const dateLabel = (date: string) => format.date(date);
  const timeAt = format.time;
  const when = format.visit(a.start, a.timeZone);
  usePageTitle(t('link.times.title'));
  const [slots] = useResource((signal) => linkSlots(token, signal), [token, problem]);
  const days = slots.status === 'ok' ? timesByDay(slots.data, a.timeZone, a.start) : [];
  // A week at a time, as in booking: four weeks of times is too long a list for a phone.
  const [week, setWeek] = useState(0);
  const weekStart = days.length > 0 ? addDays(days[0]![0], WEEK_DAYS * week) : '';
  const weekEnd = weekStart ? addDays(weekStart, WEEK_DAYS) : '';
  const shown = days.filter(([date]) => date >= weekStart && date < weekEnd);
  const later = days.some(([date]) => date >= weekEnd);
  return (
    <>
      <BackButton onClick={() => onStep({ kind: 'view' })} />
      <ErrorSummary items={problem ? [{ field: '_', message: problem }] : []} />
      <h1 className="sch-question-title">{t('link.times.title')}</h1>
      <p>{t('link.times.intro', { service: a.service, therapist: a.therapist, site: a.site.name, when })}</p>
      <p className="sch-zone">{t('book.time.zone', { zone: format.zone(a.timeZone, Date.parse(a.start)) })}</p>
      {slots.status === 'loading' ? <Loading label={t('book.time.finding')} /> : null}
      {slots.status === 'error' ? (
        <div className="alert alert-error" role="alert">
          <p>{slots.error instanceof ApiError ? slots.error.message : t('link.times.loadFailed')}</p>
        </div>
      ) : null}
      {slots.status === 'ok' && days.length === 0 ? (
        <div className="notice sch-empty">
          <p>{t('link.times.none', { therapist: a.therapist })}</p>
        </div>
      ) : null}
      {shown.length === 0 && days.length > 0 ? (
        <div className="notice sch-empty">
          <p>{t('link.times.noneThisWeek')}</p>
        </div>
      ) : null}
      {shown.map(([date, daySlots]) => (
        <section key={date} className="sch-day-times" aria-labelledby={`day-${date}`}>
          <h2 id={`day-${date}`}>{dateLabel(date)}</h2>
          <ul className="plain-list sch-time-grid">
            {daySlots.map((slot) => (
              <li key={slot.start}>
                <button
                  type="button"
                  className="button button-secondary sch-time-button"
                  onClick={() => onStep({ kind: 'confirm', slot })}
                  aria-label={t('book.time.slot', { time: timeAt(slot.start, a.timeZone), date: dateLabel(date) })}
                >
                  {timeAt(slot.start, a.timeZone)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {week > 0 || later ? (
        <nav className="lnk-weeks" aria-label={t('link.times.otherWeeks')}>
          {week > 0 ? (
            <button type="button" className="button button-secondary" onClick={() => setWeek(week - 1)}>
              {t('book.time.earlier')}
            </button>
          ) : (
            <span />
          )}
          {later ? (
            <button type="button" className="button button-secondary" onClick={() => setWeek(week + 1)}>
              {t('book.time.later')}
            </button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export function LinkConfirmMove({
  token,
  appointment: a,
  slot,
  onStep,
  onDone,
}: {
  token: string;
  appointment: LinkedAppointment;
  slot: LinkSlot;
  onStep: (step: Step) => void;
  onDone: (changed: LinkedAppointment) => void;
}) {
  const t = useT();
  usePageTitle(t('link.move.title'));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const atClinic = useAtClinic();
  const to = atClinic(slot.start, a.timeZone);
  const from = useFormat().visit(a.start, a.timeZone);
  const move = async () => {
    setBusy(true);
    setProblem('');
    try {
      onDone(await rescheduleByLink(token, slot.start));
    } catch (err) {
      const message = err instanceof ApiError ? err.message : t('status.wrong.body');
      // Taken meanwhile: back to the list, refreshed, with the reason on top.
      if (err instanceof ApiError && err.status === 409)
        onStep({ kind: 'times', problem: t('link.move.takenAgain', { message }) });
      else setProblem(message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <BackButton onClick={() => onStep({ kind: 'times' })} label={t('link.move.another')} />
      <ErrorSummary items={problem ? [{ field: '_', message: problem }] : []} />
      <h1 className="sch-question-title">{t('link.move.question')}</h1>
      <dl className="summary-list lnk-summary">
        <div className="summary-row">
          <dt>{t('link.row.from')}</dt>
          <dd>
            <s>{from}</s>
          </dd>
        </div>
        <div className="summary-row">
          <dt>{t('link.row.to')}</dt>
          <dd>
            <strong>{to}</strong>
          </dd>
        </div>
        <div className="summary-row">
          <dt>{t('book.row.visit')}</dt>
          <dd>{t('mine.with', { service: a.service, therapist: a.therapist })}</dd>
        </div>
        <div className="summary-row">
          <dt>{t('book.row.clinic')}</dt>
          <dd>
            {a.site.name}
            <br />
            {a.site.address}
          </dd>
        </div>
      </dl>
      <div className="lnk-actions">
        <button type="button" className="button button-large" disabled={busy} onClick={() => void move()}>
          {busy ? t('link.move.busy') : t('link.move.yes')}
        </button>
        <button
          type="button"
          className="button button-secondary button-large"
          onClick={() => onStep({ kind: 'times' })}
        >
          {t('link.move.another')}
        </button>
      </div>
    </>
  );
}
