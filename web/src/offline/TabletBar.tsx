import { useEffect, useState, useSyncExternalStore } from 'react';
import { muscleById } from '../../../src/clinical/atlas/index.ts';
import { regionName } from '../components/bodychart/BodyChart.tsx';
import type { OutboxItem } from './kept-day.ts';
import { decide, differences, sendOutbox } from './sync.ts';
import { subscribe, tabletState, wipeIfExpired } from './tablet.ts';
import './tablet.css';

const FIELD_NAMES: Record<string, string> = {
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  plan: 'Plan',
  cptMinutes: 'Billing minutes',
};

const shown = (value: unknown) =>
  typeof value === 'string' ? value : value === null || value === undefined ? '(empty)' : JSON.stringify(value);

function what(item: OutboxItem): string {
  if (item.kind === 'create') return 'New session note';
  if (item.kind === 'note') return 'Note changes';
  if (item.kind === 'reassessment') return 'Reassessment';
  const muscle = String(item.body.muscle);
  return `Step: ${muscleById(muscle)?.name ?? muscle}, ${regionName(String(item.body.region))}`;
}

/** The buttons of a kept write: send it after all, or drop it. */
function choices(item: OutboxItem): [string, string] {
  const code = item.problem!.code;
  if (code === 'note_changed') return ['Keep my version', 'Keep the other version'];
  if (code !== 'visit_cancelled') return ['Try again', 'Discard it'];
  return item.kind === 'create'
    ? ['Keep it as a note without the visit', 'Discard the note']
    : ['Send anyway', 'Discard it'];
}

function Problem({ item, behind }: { item: OutboxItem; behind: number }) {
  const problem = item.problem!;
  const changed = differences(item);
  const [busy, setBusy] = useState(false);
  const choose = (choice: 'send' | 'drop') => {
    setBusy(true);
    void decide(item.key, choice).finally(() => setBusy(false));
  };
  const [send, drop] = choices(item);
  const withChanges =
    behind === 1 ? ' with the change written in it' : behind ? ` with the ${behind} changes written in it` : '';
  return (
    <li className="tablet-problem" data-code={problem.code}>
      <p>
        <strong>{what(item)}</strong>: {problem.message}{' '}
        {problem.code === 'note_changed' ? '' : `Kept on this tablet${withChanges}, not sent.`}
      </p>
      {changed.length ? (
        <table className="table table-compact">
          <caption>What differs</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">Yours (this tablet)</th>
              <th scope="col">On the server now</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((f) => (
              <tr key={f}>
                <th scope="row">{FIELD_NAMES[f] ?? f}</th>
                <td>{shown(item.body[f])}</td>
                <td>{shown(problem.server?.[f as keyof typeof problem.server])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => choose('send')}>
          {send}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => choose('drop')}>
          {drop}
        </button>
      </div>
    </li>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => {
      setOnline(true);
      void sendOutbox();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * The tablet's word on charting without a connection: what is kept, what waits to be sent, the
 * sending, and every write the server would not take as it was, with the therapist's choice.
 */
export function TabletBar() {
  const state = useSyncExternalStore(subscribe, tabletState);
  const online = useOnline();
  useEffect(() => {
    const timer = setInterval(() => void wipeIfExpired(), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!state.day && state.outbox.length === 0) return null;
  const problems = state.outbox.filter((i) => i.problem);
  const waiting = state.outbox.length - problems.length;
  let status: string;
  if (state.sending) status = `Sending ${state.sending.sent} of ${state.sending.total} changes…`;
  else if (waiting > 0 && online && problems.length)
    status = `${waiting === 1 ? '1 change waits' : `${waiting} changes wait`} for your decision below.`;
  else if (waiting > 0)
    status = `${waiting === 1 ? '1 change' : `${waiting} changes`} saved on this tablet — will send when back online.`;
  else if (state.allSent) status = 'All sent.';
  else if (!online) status = 'Offline: charting today’s visits from this tablet.';
  else status = 'Today’s visits are kept on this tablet, encrypted.';
  return (
    <section className={`tablet-bar${online ? '' : ' is-offline'}`} aria-label="Charting on this tablet">
      <p role="status" className="tablet-status">
        {status}
      </p>
      {problems.length ? (
        <div role="alert">
          <h2 className="tablet-title">Needs your decision</h2>
          <ul className="tablet-problems">
            {problems.map((item) => (
              <Problem
                key={item.key}
                item={item}
                behind={item.kind === 'create' ? state.outbox.filter((i) => i.noteId === item.noteId).length - 1 : 0}
              />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
