import { getTherapist, listTherapists } from '../api/therapists.ts';
import { hasCredentials, type Therapist, type StaffTherapist } from '../api/types.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { formatDate } from '../format.ts';
import { todayAt } from './schedule/time.ts';
import { usePageTitle, useResource } from '../hooks.ts';
import { siteNames, useLocationNames } from '../sites.ts';
import { Link, useUrl } from '../router.tsx';
import { useUser } from '../session.tsx';
import { TherapistSchedule } from './admin/TherapistSchedule.tsx';
import { CredentialBadge, disciplineLabel, soonestExpiry } from './credentials.tsx';

const STATUS_RANK = { expired: 0, expiring: 1, none: 2, current: 3, 'no-expiry': 4 } as const;

/** Expired first, then expiring soonest first; the rest keep name order (sort is stable). */
function byUrgency(therapists: StaffTherapist[], today: string): StaffTherapist[] {
  const expiry = (t: StaffTherapist) => soonestExpiry(t.credentials, today) ?? '9999-12-31';
  return [...therapists].sort(
    (a, b) =>
      STATUS_RANK[a.credentialStatus] - STATUS_RANK[b.credentialStatus] ||
      (a.credentialStatus === 'expiring' && b.credentialStatus === 'expiring' ? expiry(a).localeCompare(expiry(b)) : 0),
  );
}

/** Family name first where we have it (staff view); patients get the display name only. */
function sortName(t: Therapist): string {
  return 'familyName' in t ? `${t.familyName} ${t.givenName}` : t.name;
}

export function TherapistList() {
  usePageTitle('Therapists');
  const user = useUser();
  const names = useLocationNames();
  const [list] = useResource(() => listTherapists(), []);
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorView error={list.error} missingIsUnavailable="Therapists" />;
  const today = todayAt(user.orgTimeZone);
  const showStatus = user.can.viewCredentials;
  const therapists = [...list.data].sort((a, b) => sortName(a).localeCompare(sortName(b)));
  const withStatus = showStatus ? therapists.filter(hasCredentials) : [];
  const attention = withStatus.filter((t) => t.credentialStatus === 'expired' || t.credentialStatus === 'expiring');
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Therapists</h1>
          <p className="lead">{therapists.length} therapists</p>
        </div>
        {user.can.onboardTherapists ? (
          <Link to="/therapists/new" className="button">
            Add a therapist
          </Link>
        ) : null}
      </div>
      {showStatus && attention.length > 0 ? (
        <div className="alert alert-warning">
          <h2 className="alert-title">{attention.length} need attention</h2>
          <p>
            {attention.filter((t) => t.credentialStatus === 'expired').length} with an expired credential,{' '}
            {attention.filter((t) => t.credentialStatus === 'expiring').length} expiring soon. They are listed first.
          </p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">Therapists and their credential status</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Discipline</th>
              <th scope="col">Sites</th>
              {showStatus ? <th scope="col">Credentials</th> : null}
            </tr>
          </thead>
          <tbody>
            {(withStatus.length === therapists.length ? byUrgency(withStatus, today) : therapists).map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  <Link to={`/therapists/${t.id}`}>{t.name}</Link>
                </th>
                <td>{disciplineLabel(t.discipline)}</td>
                <td>{siteNames(t.locationIds, names)}</td>
                {showStatus ? (
                  <td>
                    {hasCredentials(t) ? (
                      <CredentialBadge status={t.credentialStatus} expiresOn={soonestExpiry(t.credentials, today)} />
                    ) : (
                      '—'
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function TherapistDetail({ id }: { id: string }) {
  const user = useUser();
  const names = useLocationNames();
  const { search } = useUrl();
  const [therapist] = useResource(() => getTherapist(id), [id]);
  usePageTitle(therapist.status === 'ok' ? therapist.data.name : 'Therapist');
  if (therapist.status === 'loading') return <Loading />;
  if (therapist.status === 'error') return <ErrorView error={therapist.error} what="therapist" />;
  const t = therapist.data;
  const today = todayAt(user.orgTimeZone);
  const full = user.can.viewCredentials && hasCredentials(t) ? t : null;
  const credentials = [...(full?.credentials ?? [])].sort((a, b) =>
    (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999'),
  );
  const education = [...(full?.continuingEducation ?? [])].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd));
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/therapists">Therapists</Link> <span aria-hidden="true">›</span> <span>{t.name}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>{t.name}</h1>
          <p className="lead">
            {disciplineLabel(t.discipline)} · {siteNames(t.locationIds, names)}
          </p>
        </div>
        {full ? (
          <CredentialBadge status={full.credentialStatus} expiresOn={soonestExpiry(full.credentials, today)} />
        ) : null}
      </div>
      {search.get('added') ? (
        <div className="alert alert-success" role="status">
          <p>
            {t.name} was added with their sites, credentials, weekly shifts and sign-in. They choose their own password
            when they first sign in.
          </p>
        </div>
      ) : null}
      {full ? (
        <>
          <TherapistSchedule therapistId={t.id} locationIds={t.locationIds} />
          <section aria-labelledby="credentials-heading" className="section">
            <h2 id="credentials-heading">Licences and certifications</h2>
            {credentials.length === 0 ? (
              <p className="muted">No credentials on record.</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Credentials of {t.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Credential</th>
                      <th scope="col">Issuer</th>
                      <th scope="col">Number</th>
                      <th scope="col">Issued</th>
                      <th scope="col">Expires</th>
                      <th scope="col" className="num">
                        Education hours
                      </th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {credentials.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          {c.type} <span className="muted">({c.kind === 'licence' ? 'licence' : 'certification'})</span>
                        </th>
                        <td>{c.issuer}</td>
                        <td>{c.number ?? '—'}</td>
                        <td>{formatDate(c.issuedOn)}</td>
                        <td>{c.expiresOn ? formatDate(c.expiresOn) : 'Does not expire'}</td>
                        <td className="num">{c.educationHours ?? '—'}</td>
                        <td>
                          <CredentialBadge status={c.status} expiresOn={c.expiresOn} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="ce-heading" className="section">
            <h2 id="ce-heading">Continuing education</h2>
            {education.length === 0 ? (
              <p className="muted">No continuing-education periods on record.</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Continuing-education hours of {t.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Period</th>
                      <th scope="col" className="num">
                        Completed
                      </th>
                      <th scope="col" className="num">
                        Required
                      </th>
                      <th scope="col">Progress</th>
                    </tr>
                  </thead>
                  <tbody>
                    {education.map((ce) => {
                      const met = ce.hoursCompleted >= ce.hoursRequired;
                      return (
                        <tr key={ce.id}>
                          <th scope="row">
                            {formatDate(ce.periodStart)} – {formatDate(ce.periodEnd)}
                          </th>
                          <td className="num">{ce.hoursCompleted} h</td>
                          <td className="num">{ce.hoursRequired} h</td>
                          <td>
                            {met ? (
                              <span className="badge badge-success">
                                <span aria-hidden="true">✓ </span>Requirement met
                              </span>
                            ) : (
                              <span className="badge badge-warning">
                                <span aria-hidden="true">⚠ </span>
                                {Math.round((ce.hoursRequired - ce.hoursCompleted) * 10) / 10} h to go
                              </span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
