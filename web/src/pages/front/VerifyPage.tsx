import { useEffect, useState } from 'react';
import { verifySignUp, type SignUpVerified } from '../../api/front-door.ts';
import { ApiError } from '../../api/http.ts';
import { Loading } from '../../components/StatusViews.tsx';
import { usePageTitle } from '../../hooks.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useT } from '../../i18n/t.ts';
import { Link, useUrl } from '../../router.tsx';
import { stepUrl } from '../booking/flow.ts';
import { frontPath } from './paths.ts';
import { forgetDraft, readDraft, type Draft } from './draft.ts';

/** The first visit booked when nothing else was chosen: the clinic's hour-long first visit. */
const FIRST_VISIT = 'nmt-initial-60';

/** A link opens once: a second render of the page (or a double click) waits for the same answer. */
const opening = new Map<string, Promise<{ verified: SignUpVerified; next: string }>>();

/** Opens the link once, and works out where booking goes on from what this tab kept (then forgets it). */
function open(org: string, token: string) {
  const answer =
    opening.get(token) ??
    verifySignUp(org, token).then((verified) => {
      const next = bookingUrl(verified, readDraft());
      forgetDraft();
      return { verified, next };
    });
  opening.set(token, answer);
  return answer;
}

/** Booking goes on where the public pages left off: the time chosen, else the site, else the first question. */
function bookingUrl(verified: Pick<SignUpVerified, 'preferredLocationId'>, draft: Draft): string {
  const slot = draft.slot;
  if (slot && (!verified.preferredLocationId || slot.siteId === verified.preferredLocationId)) {
    return stepUrl('confirm', {
      service: slot.serviceCode,
      site: slot.siteId,
      therapist: slot.therapistId,
      start: slot.start,
      slotTherapist: slot.therapistId,
      slotSite: slot.siteId,
    });
  }
  const site = verified.preferredLocationId ?? draft.siteId;
  return site ? stepUrl('therapist', { service: FIRST_VISIT, site }) : stepUrl('service', {});
}

/** The page the emailed link opens: it finishes the account, signs in and goes straight on to booking. */
export function VerifyPage({ org }: { org: string }) {
  const t = useT();
  const { setLocale } = useLocale();
  const token = useUrl().search.get('token') ?? '';
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle(problem ? t('front.verify.problemTitle') : t('front.verify.title'));
  useEffect(() => {
    if (!token) return setProblem(t('front.verify.incomplete'));
    open(org, token).then(
      ({ verified, next }) => {
        setLocale(verified.locale);
        // A full load: the app starts again signed in, with the account's session.
        window.location.replace(next);
      },
      (err: unknown) =>
        setProblem(
          err instanceof ApiError && (err.status === 409 || err.status === 404)
            ? t('front.verify.used')
            : err instanceof Error
              ? err.message
              : t('status.wrong.body'),
        ),
    );
  }, [org, token, setLocale, t]);
  if (!problem) return <Loading label={t('front.verify.title')} />;
  return (
    <section className="front-result">
      <h1>{t('front.verify.problemTitle')}</h1>
      <p>{problem}</p>
      <p className="button-row">
        <a className="button" href={`/login?org=${encodeURIComponent(org)}`}>
          {t('front.start.signIn')}
        </a>
        <Link className="button button-secondary" to={frontPath(org, 'account')}>
          {t('front.verify.startAgain')}
        </Link>
      </p>
    </section>
  );
}
