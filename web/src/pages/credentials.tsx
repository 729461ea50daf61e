import type { CredentialStatus, StaffTherapist } from '../api/types.ts';

/** A therapist's roll-up adds "none" (no credentials on record) to a single credential's statuses. */
type AnyStatus = CredentialStatus | StaffTherapist['credentialStatus'];
import { daysBetween, plural } from '../format.ts';
import { useOrgTimeZone } from '../session.tsx';
import { todayAt } from './schedule/time.ts';

/** The expiry behind an "expiring" status: the earliest credential marked expiring, else the earliest still valid. */
export function soonestExpiry(
  credentials: { status: CredentialStatus; expiresOn: string | null }[] | undefined,
  today: string,
): string | null {
  const list = credentials ?? [];
  const expiring = list.filter((c) => c.status === 'expiring');
  const dates = (expiring.length > 0 ? expiring : list)
    .map((c) => c.expiresOn)
    .filter((d): d is string => !!d && d >= today)
    .sort();
  return dates[0] ?? null;
}

const DISCIPLINES: Record<string, string> = {
  nmt: 'Neuromuscular therapy',
  massage: 'Massage therapy',
  chiropractic: 'Chiropractic',
  acupuncture: 'Acupuncture',
  'corrective-exercise': 'Corrective exercise',
  'physical-therapy': 'Physical therapy',
};

export function disciplineLabel(discipline: string): string {
  const words = discipline.replace(/[-_]/g, ' ');
  return DISCIPLINES[discipline] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Status in words and colour: the words carry the meaning (WCAG 1.4.1), the colour and the
 * symbol only repeat it.
 */
export function CredentialBadge({ status, expiresOn }: { status: AnyStatus; expiresOn?: string | null }) {
  const today = todayAt(useOrgTimeZone());
  if (status === 'expired') {
    return (
      <span className="badge badge-danger">
        <span aria-hidden="true">✕ </span>Expired
      </span>
    );
  }
  if (status === 'expiring') {
    const days = expiresOn ? daysBetween(today, expiresOn) : null;
    const text = days === null ? 'Expires soon' : days <= 0 ? 'Expires today' : `Expires in ${plural(days, 'day')}`;
    return (
      <span className="badge badge-warning">
        <span aria-hidden="true">⚠ </span>
        {text}
      </span>
    );
  }
  if (status === 'none') return <span className="badge badge-neutral">None on record</span>;
  if (status === 'no-expiry') return <span className="badge badge-neutral">No expiry</span>;
  return (
    <span className="badge badge-success">
      <span aria-hidden="true">✓ </span>Current
    </span>
  );
}
