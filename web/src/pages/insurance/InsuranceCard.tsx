import { useState } from 'react';
import {
  listAuthorizations,
  listCoverages,
  listPayers,
  type Authorization,
  type Coverage,
  type Payer,
} from '../../api/insurance.ts';
import { formatDate, formatPrice } from '../../format.ts';
import { useResource } from '../../hooks.ts';
import { useOrgTimeZone } from '../../session.tsx';
import { todayAt } from '../schedule/time.ts';
import { AuthorizationForm } from './AuthorizationForm.tsx';
import { CoverageForm } from './CoverageForm.tsx';
import { memberIdLabel, orderLabel, typeLabel } from './words.ts';
import './insurance.css';

interface Insurance {
  coverages: Coverage[];
  authorizations: Authorization[];
  payers: Payer[];
}

/** "3 of 12 visits left · Dec 1, 2026 to Feb 28, 2027", an alert at the clinic's threshold. */
function AuthorizationLine({ a }: { a: Authorization }) {
  const alert = a.status.runningOut || a.status.usedUp;
  return (
    <li className={alert ? 'insurance-auth insurance-alert' : 'insurance-auth'}>
      <strong>{a.status.label}</strong>
      {alert ? <span className="badge badge-warning">{a.status.usedUp ? 'Used up' : 'Running out'}</span> : null}
      <span className="muted">
        {' '}
        {formatDate(a.startsOn)} to {formatDate(a.endsOn)}
        {a.reference ? ` · ${a.reference}` : ''}
      </span>
    </li>
  );
}

/**
 * The patient's insurance: coverages in order with payer, member id and type, each with its
 * authorizations ("3 of 12 visits left"), and for the desk the forms to add either. One form is
 * open at a time, so the page has one error summary.
 */
export function InsuranceCard({ patientId, manage }: { patientId: string; manage: boolean }) {
  const orgZone = useOrgTimeZone();
  const [open, setOpen] = useState<'coverage' | { coverageId: string } | null>(null);
  const [insurance, setInsurance] = useResource<Insurance>(
    async (signal) => {
      const [coverages, authorizations, payers] = await Promise.all([
        listCoverages(patientId, signal),
        listAuthorizations(patientId, signal),
        manage ? listPayers(signal) : Promise.resolve([]),
      ]);
      return { coverages, authorizations, payers };
    },
    [patientId, manage],
  );
  if (insurance.status !== 'ok') return null;
  const { coverages, authorizations, payers } = insurance.data;
  const inForce = coverages.filter((c) => c.endedAt === null);
  const nextOrder = Math.min(9, Math.max(0, ...inForce.map((c) => c.order)) + 1);

  return (
    <section className="card" aria-labelledby="insurance-heading">
      <h2 id="insurance-heading">Insurance</h2>
      {inForce.length === 0 ? <p className="muted">No coverage on file.</p> : null}
      <ol className="plain-list insurance-list" aria-label="Coverages">
        {inForce.map((c) => {
          const own = authorizations.filter((a) => a.coverageId === c.id);
          return (
            <li key={c.id} className="insurance-coverage">
              <p>
                <strong>
                  {orderLabel(c.order)}: {typeLabel(c.type)}
                </strong>
                {c.payerName ? ` · ${c.payerName}` : ''}
              </p>
              {c.memberId ? (
                <p className="muted">
                  {memberIdLabel(c.type)} {c.memberId}
                  {c.claimNumber ? ` · claim ${c.claimNumber}` : ''}
                  {c.copay !== null ? ` · copay ${formatPrice(c.copay, 'USD')}` : ''}
                </p>
              ) : null}
              {own.length > 0 ? (
                <ul className="plain-list" aria-label="Authorizations">
                  {own.map((a) => (
                    <AuthorizationLine key={a.id} a={a} />
                  ))}
                </ul>
              ) : null}
              {manage && c.type !== 'self-pay' ? (
                typeof open === 'object' && open?.coverageId === c.id ? (
                  <AuthorizationForm
                    coverageId={c.id}
                    today={todayAt(orgZone)}
                    onCancel={() => setOpen(null)}
                    onAdded={(added) => {
                      setOpen(null);
                      setInsurance({ ...insurance.data, authorizations: [...authorizations, added] });
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setOpen({ coverageId: c.id })}
                  >
                    Add an authorization<span className="visually-hidden"> to this coverage</span>
                  </button>
                )
              ) : null}
            </li>
          );
        })}
      </ol>
      {manage ? (
        open === 'coverage' ? (
          <CoverageForm
            patientId={patientId}
            payers={payers}
            nextOrder={nextOrder}
            onCancel={() => setOpen(null)}
            onAdded={(added) => {
              setOpen(null);
              setInsurance({ ...insurance.data, coverages: [...coverages, added].sort((a, b) => a.order - b.order) });
            }}
          />
        ) : (
          <p>
            <button type="button" className="button button-secondary" onClick={() => setOpen('coverage')}>
              Add a coverage
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}
