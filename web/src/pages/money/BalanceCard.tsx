import { useState } from 'react';
import { dollars, patientBalance, type BalanceView } from '../../api/money.ts';
import { formatDateTime } from '../../format.ts';
import { useLastLoaded, useResource } from '../../hooks.ts';
import { LedgerActionButtons, LedgerEntryForm, type EntryKind } from './LedgerActions.tsx';
import { ReverseEntry } from './ReverseEntry.tsx';
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

type Entry = BalanceView['entries'][number];

/** How an entry moved what the patient, or the payers, owe: debits add, credits take away. */
function change(entry: Entry, kind: 'patient' | 'payer'): number {
  return entry.lines
    .filter((l) => l.account.kind === kind)
    .reduce((sum, l) => sum + (l.side === 'debit' ? l.amount : -l.amount), 0);
}

const signed = (cents: number) => (cents === 0 ? '—' : cents > 0 ? `+${dollars(cents)}` : `−${dollars(-cents)}`);

type Open = { kind: EntryKind } | { reverse: string } | null;

/**
 * The patient's account on their page: balances the server derives from the ledger, and its entries.
 * The desk adjusts, writes off, refunds a credit or reverses an entry where the balance's `can` says so;
 * the figures are read again from the server after each posting.
 */
export function BalanceCard({ patientId }: { patientId: string }) {
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<Open>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [balance] = useResource((signal) => patientBalance(patientId, signal), [patientId, round]);
  const b = useLastLoaded(balance);
  // Someone who may see the patient but not their money sees no card at all.
  if (!b) return null;
  const payers = b.payers.reduce((sum, p) => sum + p.balance, 0);
  const done = (message: string) => {
    setOpen(null);
    setSaid(message);
    setRound((n) => n + 1);
  };
  const opening = (next: Open) => {
    setSaid(null);
    setOpen(next);
  };
  const reversible = b.entries.some((e) => e.can.reverse);
  const reversing = open && 'reverse' in open ? b.entries.find((e) => e.id === open.reverse) : undefined;
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
      {said ? (
        <p className="alert alert-success" role="status">
          {said}
        </p>
      ) : null}
      <LedgerActionButtons
        can={b.can}
        open={open && 'kind' in open ? open.kind : null}
        onOpen={(kind) => opening({ kind })}
      />
      {open && 'kind' in open ? (
        <LedgerEntryForm key={open.kind} kind={open.kind} balance={b} onCancel={() => setOpen(null)} onDone={done} />
      ) : null}
      {reversing ? (
        <ReverseEntry
          key={reversing.id}
          entry={reversing}
          label={KIND[reversing.kind] ?? reversing.kind}
          onCancel={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
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
                {reversible ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
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
                  {reversible ? (
                    <td>
                      {e.can.reverse ? (
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() => opening({ reverse: e.id })}
                        >
                          Reverse
                          <span className="visually-hidden">
                            {' '}
                            {(KIND[e.kind] ?? e.kind).toLowerCase()} of {formatDateTime(e.postedAt)}
                          </span>
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
