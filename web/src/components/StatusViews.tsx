import { ApiError } from '../api/http.ts';
import { usePageTitle } from '../hooks.ts';
import { Link } from '../router.tsx';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Forbidden() {
  usePageTitle('No access');
  return (
    <section className="status-page" aria-labelledby="status-heading">
      <h1 id="status-heading">You don't have access to this</h1>
      <p>
        Your account cannot open this page or record. If you think you should be able to, ask your clinic's
        administrator.
      </p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </section>
  );
}

export function NotFound({ what = 'page' }: { what?: string }) {
  usePageTitle('Not found');
  return (
    <section className="status-page" aria-labelledby="status-heading">
      <h1 id="status-heading">We couldn't find that {what}</h1>
      <p>The link may be wrong, or the {what} may have been removed. Check the address and try again.</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </section>
  );
}

export function Unavailable({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <section className="status-page" aria-labelledby="status-heading">
      <h1 id="status-heading">{title}</h1>
      <p>This part of Knotwork isn't available on this server yet. Please try again later.</p>
    </section>
  );
}

export function TooManyAttempts() {
  return (
    <div className="alert alert-error" role="alert">
      <h2 className="alert-title">Too many attempts</h2>
      <p>For your security we have paused this for a little while. Please wait a few minutes and try again.</p>
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
  if (error instanceof ApiError) {
    if (error.status === 401) return <Loading label="Signing you out…" />;
    if (error.status === 403) return <Forbidden />;
    if (error.status === 404)
      return missingIsUnavailable ? <Unavailable title={missingIsUnavailable} /> : <NotFound what={what} />;
    if (error.status === 429) return <TooManyAttempts />;
  }
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <div className="alert alert-error" role="alert">
      <h2 className="alert-title">Something went wrong</h2>
      <p>{message}</p>
      <p>
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          Try again
        </button>
      </p>
    </div>
  );
}
