import { useIntl } from 'react-intl';
import { getSites, type PublicSite } from '../../api/front-door.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useFormat, useT } from '../../i18n/t.ts';
import { navigate } from '../../router.tsx';
import { frontPath } from './paths.ts';
import { keepDraft } from './draft.ts';

/** How many free first-visit times each site shows: enough to choose from, few enough to read. */
const TIMES_SHOWN = 4;
/** Weekdays from Monday, as the clinics' weeks are read ("0" is Sunday in the hours). */
const WEEK = ['1', '2', '3', '4', '5', '6', '0'];

/** The sites: address, hours, services and prices, therapists with credentials, and the next free first visits. */
export function SitesPage({ org }: { org: string }) {
  const t = useT();
  usePageTitle(t('front.sites.title'));
  const [sites] = useResource((signal) => getSites(org, signal), [org]);
  if (sites.status === 'loading') return <Loading />;
  if (sites.status === 'error') return <ErrorView error={sites.error} what={t('front.clinic')} />;
  return (
    <>
      <h1>{t('front.sites.title')}</h1>
      <p className="lead">{t('front.sites.lead', { clinic: sites.data.organization.name })}</p>
      <ul className="front-sites">
        {sites.data.sites.map((site) => (
          <li key={site.id}>
            <Site org={org} site={site} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Site({ org, site }: { org: string; site: PublicSite }) {
  const t = useT();
  const format = useFormat();
  const headingId = `site-${site.slug}`;
  const { address: a } = site;
  const choose = (slot?: PublicSite['nextFirstVisits'][number]) => {
    keepDraft({
      siteId: site.id,
      slot: slot
        ? { start: slot.start, therapistId: slot.therapistId, siteId: site.id, serviceCode: slot.serviceCode }
        : undefined,
    });
    navigate(frontPath(org, 'account'));
  };
  const therapistName = (id: string) => site.therapists.find((p) => p.id === id)?.name ?? '';
  return (
    <section className="card front-site" aria-labelledby={headingId}>
      <h2 id={headingId}>{site.name}</h2>
      <address>
        {a.line1}
        {a.line2 ? `, ${a.line2}` : ''}
        <br />
        {a.city}, {a.state} {a.postalCode}
        {site.phone ? (
          <>
            <br />
            <a href={`tel:${site.phone.replace(/[^+\d]/g, '')}`}>{site.phone}</a>
          </>
        ) : null}
      </address>
      <details className="front-details">
        <summary>{t('front.sites.details')}</summary>
        <h3>{t('front.sites.hours')}</h3>
        <Hours hours={site.hours} />
        <h3>{t('front.sites.services')}</h3>
        <ul className="front-plain-list">
          {site.services.map((s) => (
            <li key={s.code}>
              {s.name} · {t('front.sites.minutes', { minutes: s.durationMinutes })} · {format.priceLabel(s)}
            </li>
          ))}
        </ul>
        <h3>{t('front.sites.therapists')}</h3>
        <ul className="front-plain-list">
          {site.therapists.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {p.credentials.length > 0 ? (
                <span className="front-credentials">
                  {' '}
                  {p.credentials.map((c) => `${c.type} (${c.issuer})`).join(' · ')}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
      <h3>{t('front.sites.nextTimes')}</h3>
      {site.nextFirstVisits.length === 0 ? (
        <p>{t('front.sites.noTimes')}</p>
      ) : (
        <ul className="front-times">
          {site.nextFirstVisits.slice(0, TIMES_SHOWN).map((slot) => (
            <li key={`${slot.start}-${slot.therapistId}`}>
              <button type="button" className="button button-secondary front-time" onClick={() => choose(slot)}>
                {format.visit(slot.start, site.timeZone)}
                <span className="front-time-with">
                  {t('front.sites.with', { name: therapistName(slot.therapistId) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" className="button" onClick={() => choose()}>
          {t('front.sites.choose', { site: site.name })}
        </button>
      </p>
    </section>
  );
}

function Hours({ hours }: { hours: PublicSite['hours'] }) {
  const t = useT();
  const intl = useIntl();
  // 2026-01-04 was a Sunday: day n of the week is the 4th + n, read in UTC.
  const day = (weekday: string) =>
    intl.formatDate(new Date(Date.UTC(2026, 0, 4 + Number(weekday))), { weekday: 'long', timeZone: 'UTC' });
  const clock = (hhmm: string) => {
    const [h = 0, m = 0] = hhmm.split(':').map(Number);
    return intl.formatTime(new Date(Date.UTC(2026, 0, 4, h, m)), {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    });
  };
  return (
    <table className="front-hours">
      <caption className="visually-hidden">{t('front.sites.hours')}</caption>
      <tbody>
        {WEEK.map((weekday) => (
          <tr key={weekday}>
            <th scope="row">{day(weekday)}</th>
            <td>
              {(hours[weekday] ?? []).length === 0
                ? t('front.sites.closed')
                : hours[weekday]!.map((i) => `${clock(i.open)}–${clock(i.close)}`).join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
