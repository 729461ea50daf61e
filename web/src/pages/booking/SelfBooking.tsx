import { useEffect } from 'react';
import { Loading } from '../../components/StatusViews.tsx';
import { priceLabel } from '../../format.ts';
import { usePageTitle } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { navigate, useUrl } from '../../router.tsx';
import { useTherapists, useServices } from '../schedule/therapists-and-services.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { missingStep, PLAIN_SERVICE, readAnswers, SELF_BOOKABLE, stepUrl, type Answers, type Step } from './flow.ts';
import { RadioQuestion } from './Question.tsx';
import { TimeStep } from './TimeStep.tsx';

const TITLES: Record<Step, string> = {
  service: 'What kind of visit do you need?',
  site: 'Which clinic would you like to go to?',
  therapist: 'Who would you like to see?',
  time: 'Choose a day and time',
  confirm: 'Check your booking',
};

/** Patient self-booking, one question per page: service → clinic → therapist → time → check and confirm. */
export function SelfBooking({ step }: { step: Step }) {
  const { search } = useUrl();
  const answers = readAnswers(search);
  const back = missingStep(answers, step);
  usePageTitle(answers.reschedule ? `Change your appointment – ${TITLES[step]}` : TITLES[step]);
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
      return <TimeStep answers={answers} title={TITLES.time} />;
    case 'confirm':
      return <ConfirmStep answers={answers} title={TITLES.confirm} />;
  }
}

function ServiceStep({ answers }: { answers: Answers }) {
  const services = useServices();
  if (!services) return <Loading />;
  const offered = SELF_BOOKABLE.flatMap((code) => services.filter((s) => s.code === code));
  return (
    <RadioQuestion
      name="service"
      question={TITLES.service}
      initial={answers.service}
      hint="If this is your first visit with us, choose a first visit. It includes an assessment."
      choices={offered.map((s) => ({
        value: s.code,
        label: s.name,
        hint: [PLAIN_SERVICE[s.code]?.hint, `${s.durationMinutes} minutes · ${priceLabel(s)}`]
          .filter(Boolean)
          .join(' '),
      }))}
      onAnswer={(service) => navigate(stepUrl('site', { ...answers, service, start: null }))}
    />
  );
}

function SiteStep({ answers }: { answers: Answers }) {
  const locations = useLocations().filter((l) => l.active);
  if (locations.length === 0) return <Loading />;
  return (
    <RadioQuestion
      name="site"
      question={TITLES.site}
      initial={answers.site}
      back={stepUrl('service', answers)}
      choices={[
        { value: 'any', label: 'Any clinic', hint: 'We will show free times at all our clinics.' },
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
      question={TITLES.therapist}
      initial={answers.therapist}
      back={stepUrl('site', answers)}
      hint="All our therapists are licensed and certified in neuromuscular therapy."
      choices={[
        { value: 'any', label: 'Any qualified therapist', hint: 'You will see the most free times.' },
        ...here.map((p) => ({ value: p.id, label: p.name })),
      ]}
      onAnswer={(therapist) => navigate(stepUrl('time', { ...answers, therapist, start: null }))}
    />
  );
}
