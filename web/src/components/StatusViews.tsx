import { ApiError } from '../api/http.ts';
import { usePageTitle } from '../hooks.ts';
import { Link } from '../router.tsx';
import { useT } from '../i18n/t.ts';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </p>
  );
}

export function Forbidden() {
  const t = useT();
  // The tab stays short; the heading says it in full.
  usePageTitle(t('status.noAccess.tab'));
  return (
    <section className="status-page" aria-labelledby="status-heading">
      <h1 id="status-heading">{t('status.noAccess.title')}</h1>
      <p>{t('status.noAccess.body')}</p>
      <p>
        <Link to="/">{t('status.home')}</Link>
      </p>
    </section>
  );
}

/** `what`: the thing not found as the sentence names it ("appointment"), in the page's language. */
export function NotFound({ what }: { what?: string }) {
  const t = useT();
  const thing = what ?? t('status.notFound.page');
  usePageTitle(t('status.notFound.tab'));
  return (
    <section className="status-page" aria-labelledby="status-heading">
      <h1 id="status-heading">{t('status.notFound.title', { what: thing })}</h1>
      <p>{t('status.notFound.body', { what: thing })}</p>
      <p>
        <Link to="/">{t('status.home')}</Link>
      </p>
    </section>
  );
}

export function Unavailable({ title }: { title: string }) {
  const t = useT();
  usePageTitle(title);
  return (
    <section className="status-page" aria-labelledby="status-heading">
      <h1 id="status-heading">{title}</h1>
      <p>{t('status.unavailable')}</p>
    </section>
  );
}

export function TooManyAttempts() {
  const t = useT();
  return (
    <div className="alert alert-error" role="alert">
      <h2 className="alert-title">{t('status.tooMany.title')}</h2>
      <p>{t('status.tooMany.body')}</p>
    </div>
  );
}

/**
 * The page to show for a failed load: 403 and 404 get their own pages; `missingIsUnavailable`
 * turns a 404 on a whole list into "not available yet" (routes that other teams are still adding).
 */
export function ErrorView({
  error,
  what,
  missingIsUnavailable,
}: {
  error: unknown;
  what?: string;
  missingIsUnavailable?: string;
}) {
  const t = useT();
  if (error instanceof ApiError) {
    if (error.status === 401) return <Loading label={t('status.signingOut')} />;
    if (error.status === 403) return <Forbidden />;
    if (error.status === 404)
      return missingIsUnavailable ? <Unavailable title={missingIsUnavailable} /> : <NotFound what={what} />;
    if (error.status === 429) return <TooManyAttempts />;
  }
  const message = error instanceof Error ? error.message : t('status.wrong.body');
  return (
    <div className="alert alert-error" role="alert">
      <h2 className="alert-title">{t('status.wrong.title')}</h2>
      <p>{message}</p>
      <p>
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          {t('status.tryAgain')}
        </button>
      </p>
    </div>
  );
}
