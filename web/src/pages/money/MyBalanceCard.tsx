import { useIntl } from 'react-intl';
import { ownBalance } from '../../api/money.ts';
import { useResource } from '../../hooks.ts';
import { useFormat, useT, type MessageId } from '../../i18n/t.ts';
import { useOrgTimeZone } from '../../session.tsx';
import './money.css';

const METHOD: Record<string, MessageId> = {
  card: 'mybalance.method.card',
  cash: 'mybalance.method.cash',
  check: 'mybalance.method.check',
  transfer: 'mybalance.method.transfer',
};

/** On the patient's own page: what they owe now, any credit held, and their latest payments. */
export function MyBalanceCard({ patientId }: { patientId: string }) {
  const t = useT();
  const format = useFormat();
  const intl = useIntl();
  const zone = useOrgTimeZone();
  const [state] = useResource((signal) => ownBalance(patientId, signal), [patientId]);
  if (state.status !== 'ok') return null;
  const b = state.data;
  const usd = (cents: number) => format.price(cents, 'USD');
  return (
    <section className="card" aria-labelledby="my-balance-heading">
      <h2 id="my-balance-heading">{t('mybalance.title')}</h2>
      {b.dueNow > 0 ? (
        <dl className="money-figures">
          <div>
            <dt>{t('mybalance.due')}</dt>
            <dd data-testid="my-due-now">{usd(b.dueNow)}</dd>
          </div>
        </dl>
      ) : (
        <p data-testid="my-due-now">{t('mybalance.none-due')}</p>
      )}
      {b.credit > 0 ? <p>{t('mybalance.credit', { amount: usd(b.credit) })}</p> : null}
      <h3 className="hub-subhead">{t('mybalance.payments')}</h3>
      {b.payments.length === 0 ? (
        <p className="muted">{t('mybalance.no-payments')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('mybalance.payments-label')}>
          {b.payments.map((p) => (
            <li key={`${p.paidAt}-${p.amount}`}>
              <strong>{intl.formatDate(new Date(p.paidAt), { timeZone: zone, dateStyle: 'long' })}</strong>
              {' · '}
              {t('mybalance.payment', {
                amount: usd(p.amount),
                method: t(METHOD[p.method] ?? 'mybalance.method.other'),
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('mybalance.questions')}</p>
    </section>
  );
}
