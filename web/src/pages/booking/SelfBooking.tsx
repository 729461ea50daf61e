import { useEffect } from 'react';
import { Loading } from '../../components/StatusViews.tsx';
import { usePageTitle } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { navigate, useUrl } from '../../router.tsx';
import { useTherapists, useServices } from '../schedule/therapists-and-services.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { missingStep, readAnswers, SELF_BOOKABLE, stepUrl, type Answers, type Step } from './flow.ts';
import { useFormat, useT, type MessageId } from '../../i18n/t.ts';
import { RadioQuestion } from './Question.tsx';
import { TimeStep } from './TimeStep.tsx';

const TITLES: Record<Step, MessageId> = {
  service: 'book.title.service',
  site: 'book.title.site',
  therapist: 'book.title.therapist',
  time: 'book.title.time',
  confirm: 'book.title.confirm',
};

/** The plain description of a service under its name, where the messages have one. */
function serviceHint(code: string): MessageId | null {
  const id = `book.service.${code}`;
  return SELF_BOOKABLE.includes(code) ? (id as MessageId) : null;
}

/** Patient self-booking, one question per page: service → clinic → therapist → time → check and confirm. */
export function SelfBooking({ step }: { step: Step }) {
  const { search } = useUrl();
  const answers = readAnswers(search);
  const back = missingStep(answers, step);
  const t = useT();
  const title = t(TITLES[step]);
  usePageTitle(answers.reschedule ? t('book.title.reschedule', { step: title }) : title);
  useEffect(() => {
    if (back) navigate(stepUrl(back, answers), { replace: true });
  }, [back]); // eslint-disable-line react-hooks/exhaustive-deps
  if (back) return <Loading />;
  switch (step) {
    case 'service':
      return <ServiceStep answers={answers} />;
    case 'site':
      return <SiteStep answers={answers} />;
    case 'therapist':
      return <TherapistStep answers={answers} />;
    case 'time':
      return <TimeStep answers={answers} title={title} />;
    case 'confirm':
      return <ConfirmStep answers={answers} title={title} />;
  }
}

function ServiceStep({ answers }: { answers: Answers }) {
  const services = useServices();
  const t = useT();
  const format = useFormat();
  if (!services) return <Loading />;
  const offered = SELF_BOOKABLE.flatMap((code) => services.filter((s) => s.code === code));
  return (
    <RadioQuestion
      name="service"
      question={t(TITLES.service)}
      initial={answers.service}
      hint={t('book.service.hint')}
      choices={offered.map((s) => {
        const hint = serviceHint(s.code);
        return {
          value: s.code,
          label: s.name,
          hint: [
            hint ? t(hint) : null,
            t('book.service.length', { minutes: s.durationMinutes, price: format.priceLabel(s) }),
          ]
            .filter(Boolean)
            .join(' '),
        };
      })}
      onAnswer={(service) => navigate(stepUrl('site', { ...answers, service, start: null }))}
    />
  );
}

function SiteStep({ answers }: { answers: Answers }) {
  const t = useT();
  const locations = useLocations().filter((l) => l.active);
  if (locations.length === 0) return <Loading />;
  return (
    <RadioQuestion
      name="site"
      question={t(TITLES.site)}
      initial={answers.site}
      back={stepUrl('service', answers)}
      choices={[
        { value: 'any', label: t('book.site.any'), hint: t('book.site.anyHint') },
        ...locations.map((l) => ({
          value: l.id,
          label: l.name.replace(/^Knotwork /, ''),
          hint: `${l.address.line1}, ${l.address.city}`,
        })),
      ]}
      onAnswer={(site) => navigate(stepUrl('therapist', { ...answers, site, therapist: null, start: null }))}
    />
  );
}

function TherapistStep({ answers }: { answers: Answers }) {
  const t = useT();
  const therapists = useTherapists();
  const services = useServices();
  if (!therapists || !services) return <Loading />;
  const discipline = services.find((s) => s.code === answers.service)?.discipline ?? 'nmt';
  const here = therapists.filter(
    (p) => p.discipline === discipline && (answers.site === 'any' || p.locationIds.includes(answers.site ?? '')),
  );
  return (
    <RadioQuestion
      name="therapist"
      question={t(TITLES.therapist)}
      initial={answers.therapist}
      back={stepUrl('site', answers)}
      hint={t('book.therapist.hint')}
      choices={[
        { value: 'any', label: t('book.therapist.any'), hint: t('book.therapist.anyHint') },
        ...here.map((p) => ({ value: p.id, label: p.name })),
      ]}
      onAnswer={(therapist) => navigate(stepUrl('time', { ...answers, therapist, start: null }))}
    />
  );
}
