import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/http.ts';
import { bookAppointment, BookingRefusal, rescheduleAppointment, type Slot } from '../../api/scheduling.ts';
import { ErrorSummary } from '../../components/Form.tsx';
import { Loading } from '../../components/StatusViews.tsx';
import { useLocations } from '../../sites.ts';
import { Link, navigate } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { therapistName, useTherapists, useServices } from '../schedule/therapists-and-services.ts';
import { AlternativeList } from '../schedule/SlotChoices.tsx';
import { wallClock } from '../schedule/time.ts';
import { useFormat, useT, type MessageId } from '../../i18n/t.ts';
import { stepUrl, type Answers } from './flow.ts';
import { useCreateIntent } from '../../api/intent.ts';

/**
 * What to do before a first visit, in our words, from the clinic guidance summarised in
 * /work/shared/clinical/REFERENCE.md ("Before the first visit"); the words are in the messages.
 */
const FIRST_VISIT_ADVICE: MessageId[] = ['book.advice.1', 'book.advice.2', 'book.advice.3', 'book.advice.4'];

export function FirstVisitAdvice({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="sch-advice" aria-labelledby="advice-title">
      <Heading id="advice-title">{t('book.advice.title')}</Heading>
      <ul>
        {FIRST_VISIT_ADVICE.map((id) => (
          <li key={id}>{t(id)}</li>
        ))}
      </ul>
    </section>
  );
}

export function ConfirmStep({ answers, title }: { answers: Answers; title: string }) {
  const user = useUser();
  const t = useT();
  const format = useFormat();
  const locations = useLocations();
  const therapists = useTherapists();
  const services = useServices();
  const [refusal, setRefusal] = useState<BookingRefusal | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const site = locations.find((l) => l.id === answers.slotSite);
  const service = services?.find((s) => s.code === answers.service);
  if (!site || !service || !therapists) return <Loading />;

  const zone = site.timeZone;
  const start = answers.start!;
  const date = wallClock(start, zone).date;
  const therapist = therapistName(therapists, answers.slotTherapist!);
  const moving = answers.reschedule;

  const confirm = async () => {
    if (!user.patientId) return setErrors({ body: t('book.confirm.onlyPatient') });
    setBusy(true);
    setRefusal(null);
    setErrors({});
    const slot = {
      start,
      therapistId: answers.slotTherapist!,
      locationId: site.id,
      ...(answers.slotRoom ? { roomId: answers.slotRoom } : {}),
    };
    try {
      const done = moving
        ? await rescheduleAppointment(moving, { ...slot, reason: 'Changed by the patient online' })
        : await bookAppointment({ patientId: user.patientId, serviceCode: service.code, ...slot }, intent.keyFor(slot));
      navigate(`/book/done?id=${encodeURIComponent(done.id)}${moving ? '&moved=1' : ''}`);
    } catch (err) {
      if (err instanceof BookingRefusal && err.code === 'slot_unavailable') setRefusal(err);
      else if (err instanceof ApiError) setErrors({ body: Object.values(err.fields)[0] ?? err.message });
      else setErrors({ body: t('status.wrong.body') });
    } finally {
      setBusy(false);
    }
  };
  const pickAlternative = (slot: Slot) => {
    setRefusal(null);
    navigate(
      stepUrl('confirm', {
        ...answers,
        start: slot.start,
        slotTherapist: slot.therapistId,
        slotSite: slot.locationId,
        slotRoom: slot.roomId,
      }),
      { replace: true },
    );
  };
  const siteName = (id: string) =>
    (locations.find((l) => l.id === id)?.name ?? t('mine.clinic')).replace(/^Knotwork /, '');

  return (
    <div className="narrow sch-question">
      <p className="breadcrumb">
        <Link to={stepUrl('time', answers)} className="sch-back">
          {t('form.back')}
        </Link>
      </p>
      <ErrorSummary items={errors.body ? [{ field: 'body', message: errors.body }] : []} />
      <h1 className="sch-question-title">{moving ? t('book.confirm.newTime') : title}</h1>
      <dl className="summary-list sch-check">
        <Row label={t('book.row.visit')} change={moving ? undefined : stepUrl('service', answers)}>
          {service.name}
        </Row>
        <Row label={t('book.row.price')}>{format.priceLabel(service)}</Row>
        <Row label={t('book.row.clinic')} change={stepUrl('site', answers)}>
          {siteName(site.id)}
          <br />
          <span className="muted">
            {site.address.line1}, {site.address.city}
          </span>
        </Row>
        <Row label={t('book.row.therapist')} change={stepUrl('therapist', answers)}>
          {therapist}
        </Row>
        <Row label={t('book.row.when')} change={stepUrl('time', answers)}>
          {t('book.confirm.at', { date: format.date(date), time: format.time(start, zone) })}
          <br />
          <span className="muted">{t('book.confirm.localTime', { zone: format.zone(zone, Date.parse(start)) })}</span>
        </Row>
      </dl>
      {service.isInitial && !moving ? <FirstVisitAdvice /> : null}
      {refusal ? (
        <div className="alert alert-warning" role="alert">
          <h2 className="alert-title">{t('book.confirm.taken.title')}</h2>
          <p>{t('book.confirm.taken.body')}</p>
          <AlternativeList
            alternatives={refusal.alternatives}
            busy={busy}
            onPick={pickAlternative}
            naming={{
              zoneOf: (id) => locations.find((l) => l.id === id)?.timeZone ?? zone,
              therapistName: (id) => therapistName(therapists, id),
              siteName,
            }}
          />
        </div>
      ) : null}
      <button type="button" className="button button-large" disabled={busy} onClick={() => void confirm()}>
        {busy ? t('book.confirm.busy') : moving ? t('book.confirm.move') : t('book.confirm.book')}
      </button>
    </div>
  );
}

function Row({ label, change, children }: { label: string; change?: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="summary-row sch-check-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      {change ? (
        <dd className="sch-check-change">
          <Link to={change}>
            {t('book.row.change')}
            <span className="visually-hidden"> {label.toLowerCase()}</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
}
