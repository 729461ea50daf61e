import { findSlots, type Slot } from '../../api/scheduling.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { useResource } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { Link, navigate } from '../../router.tsx';
import { therapistName, useTherapists } from '../schedule/therapists-and-services.ts';
import { slotsByDay } from '../schedule/SlotChoices.tsx';
import { addDays, todayAt } from '../schedule/time.ts';
import { useFormat, useT } from '../../i18n/t.ts';
import { stepUrl, type Answers } from './flow.ts';
import { useOrgTimeZone } from '../../session.tsx';

const DAYS_SHOWN = 7;

/** One slot per start time and clinic: with "any therapist" the patient picks a time, not a person. */
function distinctTimes(slots: Slot[]): Slot[] {
  const seen = new Set<string>();
  return slots.filter((s) => {
    const key = `${s.start}|${s.locationId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function TimeStep({ answers, title }: { answers: Answers; title: string }) {
  const locations = useLocations();
  const therapists = useTherapists();
  const t = useT();
  const format = useFormat();
  const dateLabel = (date: string) => format.date(date);
  const timeAt = format.time;
  const orgZone = useOrgTimeZone();
  const site = locations.find((l) => l.id === answers.site);
  const zone = site?.timeZone ?? locations[0]?.timeZone ?? orgZone;
  const today = todayAt(zone);
  const from = answers.from && answers.from > today ? answers.from : today;
  const to = addDays(from, DAYS_SHOWN - 1);
  const [slots] = useResource(
    (signal) =>
      findSlots(
        {
          service: answers.service!,
          from,
          to,
          limit: 5000,
          ...(answers.site !== 'any' ? { location: answers.site! } : {}),
          ...(answers.therapist !== 'any' ? { therapist: answers.therapist! } : {}),
        },
        signal,
      ),
    [answers.service, answers.site, answers.therapist, from],
  );
  const zoneOf = (id: string) => locations.find((l) => l.id === id)?.timeZone ?? zone;
  const siteName = (id: string) =>
    (locations.find((l) => l.id === id)?.name ?? t('mine.clinic')).replace(/^Knotwork /, '');
  const pick = (slot: Slot) =>
    navigate(
      stepUrl('confirm', {
        ...answers,
        start: slot.start,
        slotTherapist: slot.therapistId,
        slotSite: slot.locationId,
        slotRoom: slot.roomId,
      }),
    );
  const days = slots.status === 'ok' ? slotsByDay(distinctTimes(slots.data), zoneOf) : [];
  const anySite = answers.site === 'any';
  const who = answers.therapist === 'any' ? t('book.time.anyone') : therapistName(therapists, answers.therapist ?? '');

  return (
    <div className="narrow sch-question">
      <p className="breadcrumb">
        <Link to={stepUrl('therapist', answers)} className="sch-back">
          {t('form.back')}
        </Link>
      </p>
      <h1 className="sch-question-title">{title}</h1>
      <p>
        {t('book.time.showing', {
          from: dateLabel(from),
          to: dateLabel(to),
          who,
          where: anySite ? 'any' : site ? siteName(site.id) : 'none',
        })}
      </p>
      <p className="sch-zone">{t('book.time.zone', { zone: format.zone(zone, Date.parse(`${from}T12:00:00Z`)) })}</p>
      {slots.status === 'loading' ? <Loading label={t('book.time.finding')} /> : null}
      {slots.status === 'error' ? <ErrorView error={slots.error} missingIsUnavailable={t('book.unavailable')} /> : null}
      {slots.status === 'ok' && days.length === 0 ? (
        <div className="notice sch-empty">
          <p>{t('book.time.none')}</p>
        </div>
      ) : null}
      {days.map(([date, daySlots]) => (
        <section key={date} className="sch-day-times" aria-labelledby={`day-${date}`}>
          <h2 id={`day-${date}`}>{dateLabel(date)}</h2>
          {(anySite
            ? [...new Set(daySlots.map((s) => s.locationId))].sort((a, b) => siteName(a).localeCompare(siteName(b)))
            : [daySlots[0]!.locationId]
          ).map((locationId) => (
            <div key={locationId}>
              {anySite ? <h3 className="sch-day-site">{siteName(locationId)}</h3> : null}
              <ul className="plain-list sch-time-grid">
                {daySlots
                  .filter((s) => s.locationId === locationId)
                  .map((slot) => (
                    <li key={`${slot.start}-${slot.locationId}`}>
                      <button
                        type="button"
                        className="button button-secondary sch-time-button"
                        onClick={() => pick(slot)}
                        aria-label={
                          anySite
                            ? t('book.time.slotAt', {
                                time: timeAt(slot.start, zoneOf(slot.locationId)),
                                date: dateLabel(date),
                                site: siteName(locationId),
                              })
                            : t('book.time.slot', {
                                time: timeAt(slot.start, zoneOf(slot.locationId)),
                                date: dateLabel(date),
                              })
                        }
                      >
                        {timeAt(slot.start, zoneOf(slot.locationId))}
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      <nav className="pager" aria-label={t('book.time.otherDates')}>
        {from > today ? (
          <Link
            className="button button-secondary"
            to={stepUrl('time', { ...answers, from: addDays(from, -DAYS_SHOWN) })}
          >
            {t('book.time.earlier')}
          </Link>
        ) : (
          <span />
        )}
        <Link className="button button-secondary" to={stepUrl('time', { ...answers, from: addDays(from, DAYS_SHOWN) })}>
          {t('book.time.later')}
        </Link>
      </nav>
    </div>
  );
}
