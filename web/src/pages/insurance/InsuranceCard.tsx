import { useState } from 'react';
import {
  listAuthorizations,
  listCoverages,
  listPayers,
  type Authorization,
  type Coverage,
  type Payer,
} from '../../api/insurance.ts';
import { useFormat, useT, type MessageId } from '../../i18n/t.ts';
import { useResource } from '../../hooks.ts';
import { useOrgTimeZone } from '../../session.tsx';
import { todayAt } from '../schedule/time.ts';
import { AuthorizationForm } from './AuthorizationForm.tsx';
import { CoverageForm } from './CoverageForm.tsx';
import { typeLabel } from './words.ts';
import './insurance.css';

interface Insurance {
  coverages: Coverage[];
  authorizations: Authorization[];
  payers: Payer[];
}

/** A coverage's kind as the patient's card names it; a kind this page does not know is shown as the desk's word. */
const TYPE_WORDS: Record<string, MessageId> = {
  'workers-comp': 'details.insurance.type.workers-comp',
  'auto-pip': 'details.insurance.type.auto-pip',
  'auto-med-pay': 'details.insurance.type.auto-med-pay',
  commercial: 'details.insurance.type.commercial',
  medicare: 'details.insurance.type.medicare',
  'self-pay': 'details.insurance.type.self-pay',
};
const ORDER_WORDS: MessageId[] = [
  'details.insurance.primary',
  'details.insurance.secondary',
  'details.insurance.tertiary',
];

/** The member id is called what the card calls it. */
function memberIdWord(type: string): MessageId {
  if (type === 'medicare') return 'details.insurance.mbi';
  if (type === 'auto-pip' || type === 'auto-med-pay') return 'details.insurance.policy';
  return 'details.insurance.memberId';
}

/** "3 of 12 visits left · Dec 1, 2026 to Feb 28, 2027", an alert at the clinic's threshold. */
function AuthorizationLine({ a }: { a: Authorization }) {
  const t = useT();
  const format = useFormat();
  const alert = a.status.runningOut || a.status.usedUp;
  const left = { remaining: a.status.remaining, authorized: a.authorized };
  return (
    <li className={alert ? 'insurance-auth insurance-alert' : 'insurance-auth'}>
      <strong>
        {a.unit === 'units' ? t('details.insurance.unitsLeft', left) : t('details.insurance.visitsLeft', left)}
      </strong>
      {alert ? (
        <span className="badge badge-warning">
          {a.status.usedUp ? t('details.insurance.usedUp') : t('details.insurance.runningOut')}
        </span>
      ) : null}
      <span className="muted">
        {' '}
        {t('details.insurance.between', { from: format.day(a.startsOn), to: format.day(a.endsOn) })}
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
  const t = useT();
  const format = useFormat();
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
      <h2 id="insurance-heading">{t('details.insurance.title')}</h2>
      {inForce.length === 0 ? <p className="muted">{t('details.insurance.none')}</p> : null}
      <ol className="plain-list insurance-list" aria-label={t('details.insurance.coverages')}>
        {inForce.map((c) => {
          const own = authorizations.filter((a) => a.coverageId === c.id);
          return (
            <li key={c.id} className="insurance-coverage">
              <p>
                <strong>
                  {t('details.insurance.orderType', {
                    order: ORDER_WORDS[c.order - 1] ? t(ORDER_WORDS[c.order - 1]!) : String(c.order),
                    type: TYPE_WORDS[c.type] ? t(TYPE_WORDS[c.type]!) : typeLabel(c.type),
                  })}
                </strong>
                {c.payerName ? ` · ${c.payerName}` : ''}
              </p>
              {c.memberId ? (
                <p className="muted">
                  {t(memberIdWord(c.type))} {c.memberId}
                  {c.claimNumber ? t('details.insurance.claim', { claim: c.claimNumber }) : ''}
                  {c.copay !== null ? t('details.insurance.copay', { copay: format.price(c.copay, 'USD') }) : ''}
                </p>
              ) : null}
              {own.length > 0 ? (
                <ul className="plain-list" aria-label={t('details.insurance.authorizations')}>
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
                    {t('details.insurance.addAuthorization')}
                    <span className="visually-hidden">{t('details.insurance.toThisCoverage')}</span>
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
              {t('details.insurance.addCoverage')}
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}
