import { useState } from 'react';
import { searchPlaces } from '../../api/front-door.ts';
import { regionName } from '../../components/bodychart/BodyChart.tsx';
import { PhoneBodyChart } from '../../components/bodychart/PhoneBodyChart.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { useDebounced, usePageTitle, useResource } from '../../hooks.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useT } from '../../i18n/t.ts';
import { PlaceSearch } from '../intake/PlaceSearch.tsx';

/** Ask once the typing pauses, and once a few letters say something. */
const PAUSE_MS = 300;
const MIN_LENGTH = 3;

/**
 * "Where does it hurt?": a place tapped on the body chart (one side of the body at a time on a phone)
 * or described in words, and the muscles whose referral patterns commonly send pain there — what a
 * therapist will check, never a diagnosis.
 */
export function WhereItHurtsPage() {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t('front.where.title'));
  const [words, setWords] = useState('');
  const [region, setRegion] = useState<string | null>(null);
  // The latest of the two says where: a tap on the chart, or the words typed since.
  const [asked, setAsked] = useState<{ q: string; lang: typeof locale } | null>(null);
  const settled = useDebounced(asked, PAUSE_MS);
  const [answer] = useResource(
    (signal) => (settled ? searchPlaces(settled.q, settled.lang, signal) : Promise.resolve(null)),
    [settled?.q, settled?.lang],
  );
  const pick = (id: string) => {
    setRegion(id);
    // The chart's places are named in English; the server reads both languages and answers in the page's.
    setAsked({ q: regionName(id), lang: locale });
  };
  const type = (text: string) => {
    setWords(text);
    setAsked(text.trim().length >= MIN_LENGTH ? { q: text.trim(), lang: locale } : null);
  };
  const suggestions = answer.status === 'ok' && answer.data ? answer.data.suggestions : [];
  return (
    <>
      <h1>{t('front.where.title')}</h1>
      <p className="lead">{t('front.where.lead')}</p>
      <PlaceSearch onPick={pick} onText={type} />
      <PhoneBodyChart label={t('front.where.chart')} selected={region} onSelect={pick} />
      <section aria-labelledby="front-check-title" aria-live="polite" className="front-check">
        <h2 id="front-check-title">{t('front.where.checkTitle')}</h2>
        {!settled ? (
          <p>{t('front.where.nothingYet')}</p>
        ) : answer.status === 'loading' ? (
          <Loading />
        ) : answer.status === 'error' ? (
          <ErrorView error={answer.error} />
        ) : suggestions.length === 0 ? (
          <p>{t('front.where.noMuscles', { words: words.trim() || settled.q })}</p>
        ) : (
          <>
            <p>{t('front.where.checkLead')}</p>
            <ul className="front-muscles">
              {suggestions.map((s) => (
                <li key={s.muscle}>
                  <h3>{s.name}</h3>
                  <p>{s.patientText}</p>
                </li>
              ))}
            </ul>
            <p className="front-note">{t('front.where.notDiagnosis')}</p>
          </>
        )}
      </section>
    </>
  );
}
