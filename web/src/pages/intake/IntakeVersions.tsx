import type { IntakeOverview } from '../../api/charting.ts';
import { getIntakeVersion } from '../../api/screening.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { Link, useUrl } from '../../router.tsx';
import { ROLE_LABEL, usePortal } from '../../session.tsx';
import { fromDocument } from './intakeModel.ts';
import { IntakeReview } from './IntakeReview.tsx';
import '../screening-and-measures.css';

export const DECISION_LABEL: Record<string, string> = {
  clear: 'Clear',
  caution: 'Caution',
  local: 'Local: places to avoid',
  refer: 'Refer: physician clearance needed',
  contraindicated: 'Contraindicated',
};
const DECISION_BADGE: Record<string, string> = {
  clear: 'badge-success',
  caution: 'badge-warning',
  local: 'badge-warning',
  refer: 'badge-danger',
  contraindicated: 'badge-danger',
};

const who = (name: string | null | undefined, role: string | undefined) =>
  [name, role ? (ROLE_LABEL[role] ?? role) : null].filter(Boolean).join(', ') || 'Unknown';

/** Every submitted version, newest first: shown on the questionnaire's start and review pages. */
export function PreviousVersions({ patientId, versions }: { patientId: string; versions: IntakeOverview['versions'] }) {
  const { search } = useUrl();
  const step = search.get('step') ?? '';
  const portal = usePortal();
  if (versions.length === 0 || (step !== '' && step !== 'review')) return null;
  return (
    <section className="narrow ch-versions" aria-labelledby="versions-title">
      <h2 id="versions-title">Previous versions</h2>
      <p className="hint">Each time the questionnaire is sent a new version is kept; earlier ones never change.</p>
      <ul className="ch-version-list">
        {versions.map((v) => (
          <li key={v.version}>
            <Link to={`/patients/${patientId}/intake/versions/${v.version}`}>Version {v.version}</Link> sent{' '}
            {formatDateTime(v.submittedAt)} by {who(v.submittedByName, v.submittedRole)}
            {!portal && v.decision ? (
              <>
                {' '}
                <span className={`badge ${DECISION_BADGE[v.decision] ?? 'badge-neutral'}`}>
                  {DECISION_LABEL[v.decision] ?? v.decision}
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One past version, read-only, with how it was screened when it was sent. */
export function IntakeVersionPage({ patientId, version }: { patientId: string; version: number }) {
  const [loaded] = useResource((signal) => getIntakeVersion(patientId, version, signal), [patientId, version]);
  const portal = usePortal();
  usePageTitle(`Health questionnaire, version ${version}`);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} what="questionnaire version" />;
  const view = loaded.data;
  // Patients see their answers; the screening decision is the clinic's to explain (as on the "sent" page).
  const screening = portal ? null : view.screening;
  return (
    <div className="narrow ch-intake">
      <p className="breadcrumb">
        <Link to={`/patients/${patientId}/intake`} className="ch-back">
          Back to the questionnaire
        </Link>
      </p>
      <h1>Health questionnaire, version {version}</h1>
      <p className="lead">
        Sent {formatDateTime(view.submittedAt)} by {who(view.submittedBy.name, view.submittedBy.role)}. This version is
        kept as it was sent and cannot be changed.
      </p>
      {screening ? (
        <section className="card ch-version-screening" aria-labelledby="screening-title">
          <h2 id="screening-title">Screening of this version</h2>
          <p>
            <span className={`badge ${DECISION_BADGE[screening.decision] ?? 'badge-neutral'}`}>
              {DECISION_LABEL[screening.decision] ?? screening.decision}
            </span>{' '}
            screened for {formatDate(screening.screenedFor)}
          </p>
          {screening.explanation.length > 0 ? (
            <ul>
              {screening.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <IntakeReview state={fromDocument(view.document)} base={null} />
    </div>
  );
}
