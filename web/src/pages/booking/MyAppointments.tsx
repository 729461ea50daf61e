import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import {
  appointmentIcsUrl,
  cancelAppointment,
  getAppointment,
  listAppointments,
  type Appointment,
} from '../../api/scheduling.ts';
import { ErrorSummary, TextField } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { Link, navigate, useUrl } from '../../router.tsx';
import { useUser, useOrgTimeZone } from '../../session.tsx';
import { therapistName, useTherapists, useServices } from '../schedule/therapists-and-services.ts';
import { STATUS_BADGE } from '../schedule/status.ts';
import { addDays, todayAt, wallClock } from '../schedule/time.ts';
import { useFormat, useT, type MessageId } from '../../i18n/t.ts';
import { MyWaitlist, useMyWaitlist, WaitlistOffers } from '../waitlist/MyWaitlist.tsx';
import { listHomeCare, type HomeCareListed } from '../../api/charting.ts';
import { LatestHomeCareCard } from '../homecare/LatestHomeCareCard.tsx';
import { FirstVisitAdvice } from './ConfirmStep.tsx';
import { stepUrl } from './flow.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

/** The API lists at most 62 days at a time: the patient sees the next eight weeks and the last two. */
const PAST_DAYS = 14;
const AHEAD_DAYS = 47;

function useAppointmentWords() {
  const locations = useLocations();
  const therapists = useTherapists();
  const services = useServices();
  const orgZone = useOrgTimeZone();
  const t = useT();
  const format = useFormat();
  return (a: Appointment) => {
    const site = locations.find((l) => l.id === a.locationId);
    const zone = site?.timeZone ?? orgZone;
    const service = services?.find((s) => s.code === a.serviceCode);
    return {
      when: t('book.confirm.at', {
        date: format.date(wallClock(a.start, zone).date),
        time: format.time(a.start, zone),
      }),
      // The name as the clinic calls the service now (the server joins it in).
      service: a.serviceName,
      price: service ? format.priceLabel(service) : null,
      therapist: therapistName(therapists, a.therapistId),
      site: (site?.name ?? t('mine.clinic')).replace(/^Knotwork /, ''),
      address: site ? `${site.address.line1}, ${site.address.city}` : '',
      isInitial: services?.find((s) => s.code === a.serviceCode)?.isInitial ?? false,
    };
  };
}

export function MyAppointments() {
  const t = useT();
  usePageTitle(t('mine.title'));
  const user = useUser();
  const today = todayAt(user.orgTimeZone);
  const [list] = useResource(
    () =>
      listAppointments({
        patient: user.patientId ?? '',
        from: addDays(today, -PAST_DAYS),
        to: addDays(today, AHEAD_DAYS),
      }),
    [user.patientId],
  );
  const words = useAppointmentWords();
  const waitlist = useMyWaitlist();
  // Home care follows the visit; a failure to load it never hides the appointments.
  const [homeCare] = useResource(
    (signal) => listHomeCare(user.patientId ?? '', signal).catch((): HomeCareListed[] => []),
    [user.patientId],
  );
  const plans = homeCare.status === 'ok' ? homeCare.data : [];
  const { search } = useUrl();
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorView error={list.error} missingIsUnavailable={t('mine.title')} />;
  const now = new Date().toISOString();
  const sorted = [...list.data].sort((a, b) => a.start.localeCompare(b.start));
  const upcoming = sorted.filter(
    (a) => a.end > now && (a.status === 'booked' || a.status === 'arrived' || a.status === 'in_session'),
  );
  const past = sorted.filter((a) => !upcoming.includes(a)).reverse();
  return (
    <div className="narrow">
      <div className="page-head">
        <h1>{t('mine.title')}</h1>
        <Link to="/book" className="button">
          {t('mine.book')}
        </Link>
      </div>
      {search.get('cancelled') ? (
        <div className="alert alert-success" role="status">
          <p>{t('mine.cancelled')}</p>
        </div>
      ) : null}
      {search.get('waitlisted') ? (
        <div className="alert alert-success" role="status">
          <p>{t('mine.waitlisted')}</p>
        </div>
      ) : null}
      <WaitlistOffers waitlist={waitlist} />
      <LatestHomeCareCard plans={plans} />
      <h2>{t('mine.comingUp')}</h2>
      {upcoming.length === 0 ? <p>{t('mine.none')}</p> : null}
      <ul className="plain-list sch-my-list">
        {upcoming.map((a) => {
          const w = words(a);
          return (
            <li key={a.id} className="card sch-my-card">
              <h3>{w.when}</h3>
              <p>
                {t('mine.with', { service: w.service, therapist: w.therapist })}
                <br />
                {w.site}, {w.address}
              </p>
              {a.status === 'booked' && a.conflict ? (
                <div className="alert alert-warning sch-my-conflict">
                  <p className="alert-title">{t('mine.needsTime')}</p>
                  <p>
                    {a.conflict.message} {t('mine.sorry')}
                  </p>
                </div>
              ) : null}
              <div className="button-row">
                {a.can.move ? (
                  <Link
                    className="button button-secondary"
                    to={stepUrl('time', {
                      service: a.serviceCode,
                      site: a.locationId,
                      therapist: a.therapistId,
                      reschedule: a.id,
                    })}
                  >
                    {t('mine.change')}
                    <span className="visually-hidden">{t('mine.changeOf', { when: w.when })}</span>
                  </Link>
                ) : null}
                {a.can.cancel ? (
                  <Link className="button button-secondary" to={`/appointments/${a.id}/cancel`}>
                    {t('mine.cancel')}
                    <span className="visually-hidden">{t('mine.cancelOf', { when: w.when })}</span>
                  </Link>
                ) : null}
                <a className="button button-secondary" href={appointmentIcsUrl(a.id)} download="appointment.ics">
                  {t('mine.calendar')}
                  <span className="visually-hidden"> ({w.when})</span>
                </a>
              </div>
            </li>
          );
        })}
      </ul>
      <MyWaitlist waitlist={waitlist} />
      {past.length > 0 ? (
        <>
          <h2>{t('mine.earlier')}</h2>
          <ul className="plain-list sch-my-past">
            {past.map((a) => {
              const w = words(a);
              const care = plans.find((p) => p.appointmentId === a.id);
              return (
                <li key={a.id}>
                  {w.when} · {w.service} · {w.site}{' '}
                  <span className={`badge ${STATUS_BADGE[a.status]}`}>{t(`mine.status.${a.status}` as MessageId)}</span>
                  {care ? (
                    <>
                      {' '}
                      ·{' '}
                      <Link to={`/home-care#plan-${care.id}`}>
                        {t('nav.homeCare')}
                        <span className="visually-hidden">{t('mine.homeCareFrom', { when: w.when })}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** After booking or moving: a confirmation panel, the advice for a first visit and the .ics link. */
export function BookingDone() {
  const { search } = useUrl();
  const id = search.get('id') ?? '';
  const moved = search.get('moved') === '1';
  const t = useT();
  usePageTitle(t(moved ? 'done.titleMoved' : 'done.titleBooked'));
  const [appointment] = useResource(() => getAppointment(id), [id]);
  const words = useAppointmentWords();
  if (appointment.status === 'loading') return <Loading />;
  if (appointment.status === 'error')
    return <ErrorView error={appointment.error} what={t('status.notFound.appointment')} />;
  const w = words(appointment.data);
  return (
    <div className="narrow">
      <div className="sch-confirmation">
        <h1>{t(moved ? 'done.moved' : 'done.booked')}</h1>
        <p className="sch-confirmation-when">{w.when}</p>
      </div>
      <dl className="summary-list">
        <div className="summary-row">
          <dt>{t('book.row.visit')}</dt>
          <dd>{w.service}</dd>
        </div>
        {w.price ? (
          <div className="summary-row">
            <dt>{t('book.row.price')}</dt>
            <dd>{w.price}</dd>
          </div>
        ) : null}
        <div className="summary-row">
          <dt>{t('book.row.therapist')}</dt>
          <dd>{w.therapist}</dd>
        </div>
        <div className="summary-row">
          <dt>{t('book.row.clinic')}</dt>
          <dd>
            {w.site}
            <br />
            {w.address}
          </dd>
        </div>
      </dl>
      <p className="button-row sch-done-actions">
        <a className="button button-secondary" href={appointmentIcsUrl(appointment.data.id)} download="appointment.ics">
          {t('done.calendar')}
        </a>
        <Link className="button button-secondary" to="/appointments">
          {t('done.all')}
        </Link>
      </p>
      <p>{t('done.sent')}</p>
      {w.isInitial && !moved ? <FirstVisitAdvice /> : null}
    </div>
  );
}

/** Cancel one's own appointment: one question (the reason, optional) and a clear button. */
export function CancelAppointment({ id }: { id: string }) {
  const t = useT();
  usePageTitle(t('cancel.title'));
  const [appointment] = useResource(() => getAppointment(id), [id]);
  const words = useAppointmentWords();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (appointment.status === 'loading') return <Loading />;
  if (appointment.status === 'error')
    return <ErrorView error={appointment.error} what={t('status.notFound.appointment')} />;
  const w = words(appointment.data);
  if (!appointment.data.can.cancel)
    return (
      <div className="narrow">
        <h1>{t('cancel.cannot')}</h1>
        <p>{t('cancel.cannotBody', { when: w.when })}</p>
        <Link to="/appointments" className="button button-secondary">
          {t('cancel.backToMine')}
        </Link>
      </div>
    );
  const cancel = async () => {
    setBusy(true);
    setError('');
    try {
      await cancelAppointment(id, reason.trim() || 'Cancelled by the patient online');
      navigate('/appointments?cancelled=1');
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : t('status.wrong.body'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="narrow sch-question">
      <p className="breadcrumb">
        <Link to="/appointments" className="sch-back">
          {t('form.back')}
        </Link>
      </p>
      <ErrorSummary items={error ? [{ field: 'reason', message: error }] : []} />
      <h1 className="sch-question-title">{t('cancel.question', { when: w.when })}</h1>
      <p>{t('cancel.what', { service: w.service, therapist: w.therapist, site: w.site })}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void cancel();
        }}
        noValidate
      >
        <TextField
          name="reason"
          label={t('cancel.why')}
          hint={t('cancel.whyHint')}
          value={reason}
          onValue={setReason}
          maxLength={LIMIT.reason}
        />
        <div className="button-row">
          <button type="submit" className="button button-large sch-danger" disabled={busy}>
            {busy ? t('cancel.busy') : t('cancel.yes')}
          </button>
          <Link to="/appointments" className="button button-secondary button-large">
            {t('cancel.no')}
          </Link>
        </div>
      </form>
    </div>
  );
}
