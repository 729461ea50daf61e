import { dollars, patientBalance, type Balance } from '../../api/money.ts';
import { formatDateTime } from '../../format.ts';
import { useResource } from '../../hooks.ts';
import './money.css';

const KIND: Record<string, string> = {
  charge: 'Charge',
  payment: 'Payment',
  adjustment: 'Adjustment',
  transfer: 'Moved to another payer',
  'write-off': 'Write-off',
  refund: 'Refund',
  reversal: 'Reversal',
};

type Entry = Balance['entries'][number];

/** How an entry moved what the patient, or the payers, owe: debits add, credits take away. */
function change(entry: Entry, kind: 'patient' | 'payer'): number {
  return entry.lines
    .filter((l) => l.account.kind === kind)
    .reduce((sum, l) => sum + (l.side === 'debit' ? l.amount : -l.amount), 0);
}

const signed = (cents: number) => (cents === 0 ? '—' : cents > 0 ? `+${dollars(cents)}` : `−${dollars(-cents)}`);

/** The patient's account on their page: balances the server derives from the ledger, and its entries. */
export function BalanceCard({ patientId }: { patientId: string }) {
  const [balance] = useResource((signal) => patientBalance(patientId, signal), [patientId]);
  // Someone who may see the patient but not their money sees no card at all.
  if (balance.status !== 'ok') return null;
  const b = balance.data;
  const payers = b.payers.reduce((sum, p) => sum + p.balance, 0);
  return (
    <section className="card" aria-labelledby="balance-heading">
      <h2 id="balance-heading">Balance</h2>
      <dl className="money-figures">
        <div>
          <dt>Due from the patient now</dt>
          <dd>{dollars(b.dueNow)}</dd>
        </div>
        <div>
          <dt>Patient account</dt>
          <dd>{b.patient < 0 ? `${dollars(-b.patient)} credit` : dollars(b.patient)}</dd>
        </div>
        <div>
          <dt>Owed by payers</dt>
          <dd>{dollars(payers)}</dd>
        </div>
      </dl>
      {b.entries.length === 0 ? (
        <p className="muted">No charges or payments yet.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Ledger entries">
          <table className="table table-compact">
            <caption className="visually-hidden">Ledger entries, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Posted</th>
                <th scope="col">Entry</th>
                <th scope="col" className="money-num">
                  Patient owes
                </th>
                <th scope="col" className="money-num">
                  Payers owe
                </th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {b.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.postedAt)}</td>
                  <td>{KIND[e.kind] ?? e.kind}</td>
                  <td className="money-num">{signed(change(e, 'patient'))}</td>
                  <td className="money-num">{signed(change(e, 'payer'))}</td>
                  <td>{[e.method, e.reference, e.reason].filter(Boolean).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
