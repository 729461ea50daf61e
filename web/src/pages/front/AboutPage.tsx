import { getAbout } from '../../api/front-door.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useT } from '../../i18n/t.ts';
import { Link } from '../../router.tsx';
import { frontPath } from './paths.ts';

/** What neuromuscular therapy is and what to expect: the clinic's own text in the page's language. */
export function AboutPage({ org }: { org: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [about] = useResource((signal) => getAbout(org, locale, signal), [org, locale]);
  usePageTitle(about.status === 'ok' ? about.data.title : t('front.nav.about'));
  if (about.status === 'loading') return <Loading />;
  if (about.status === 'error') return <ErrorView error={about.error} what={t('front.clinic')} />;
  return (
    <article className="front-about">
      <h1>{about.data.title}</h1>
      {about.data.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.body.split(/\n\s*\n/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </section>
      ))}
      <p className="front-next">
        <Link className="button" to={frontPath(org, 'self-check')}>
          {t('front.about.next')}
        </Link>
      </p>
    </article>
  );
}
