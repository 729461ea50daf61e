import type { IntakeOverview } from '../../api/charting.ts';
import { getIntakeVersion } from '../../api/screening.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { useFormat, useT, type MessageId } from '../../i18n/t.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { Link, useUrl } from '../../router.tsx';
import { usePortal } from '../../session.tsx';
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

/** Who sent a version, as the patient reads it: the person's name and what they do at the clinic. */
const ROLE_WORDS: Record<string, MessageId> = {
  patient: 'intake.versions.role.patient',
  therapist: 'intake.versions.role.therapist',
  front_desk: 'intake.versions.role.front_desk',
  manager: 'intake.versions.role.manager',
  admin: 'intake.versions.role.admin',
};

function useWho(): (name: string | null | undefined, role: string | undefined) => string {
  const t = useT();
  return (name, role) =>
    [name, role ? (ROLE_WORDS[role] ? t(ROLE_WORDS[role]!) : role) : null].filter(Boolean).join(', ') ||
    t('intake.versions.unknown');
}

/** Every submitted version, newest first: shown on the questionnaire's start and review pages. */
export function PreviousVersions({ patientId, versions }: { patientId: string; versions: IntakeOverview['versions'] }) {
  const { search } = useUrl();
  const step = search.get('step') ?? '';
  const portal = usePortal();
  const t = useT();
  const format = useFormat();
  const who = useWho();
  if (versions.length === 0 || (step !== '' && step !== 'review')) return null;
  return (
    <section className="narrow ch-versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('intake.versions.title')}</h2>
      <p className="hint">{t('intake.versions.hint')}</p>
      <ul className="ch-version-list">
        {versions.map((v) => (
          <li key={v.version}>
            <Link to={`/patients/${patientId}/intake/versions/${v.version}`}>
              {t('intake.versions.version', { version: v.version })}
            </Link>{' '}
            {t('intake.versions.sentBy', {
              when: format.moment(v.submittedAt),
              who: who(v.submittedByName, v.submittedRole),
            })}
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
  const t = useT();
  const format = useFormat();
  const who = useWho();
  const title = t('intake.versions.pageTitle', { version });
  usePageTitle(title);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} what={t('intake.versions.what')} />;
  const view = loaded.data;
  // Patients see their answers; the screening decision is the clinic's to explain (as on the "sent" page).
  const screening = portal ? null : view.screening;
  return (
    <div className="narrow ch-intake">
      <p className="breadcrumb">
        <Link to={`/patients/${patientId}/intake`} className="ch-back">
          {t('intake.versions.back')}
        </Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">
        {t('intake.versions.lead', {
          when: format.moment(view.submittedAt),
          who: who(view.submittedBy.name, view.submittedBy.role),
        })}
      </p>
      {screening ? (
        <section className="card ch-version-screening" aria-labelledby="screening-title">
          <h2 id="screening-title">{t('intake.versions.screening')}</h2>
          <p>
            <span className={`badge ${DECISION_BADGE[screening.decision] ?? 'badge-neutral'}`}>
              {DECISION_LABEL[screening.decision] ?? screening.decision}
            </span>{' '}
            {t('intake.versions.screenedFor', { date: format.day(screening.screenedFor) })}
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
