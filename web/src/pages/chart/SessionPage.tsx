import { useCallback, useEffect, useState } from 'react';
import * as charting from '../../api/charting.ts';
import type {
  DueMeasure,
  HomeCarePlan,
  MeasureSeries,
  NoteHistory,
  NoteUpdate,
  PalpatedPoint,
  SessionNote,
} from '../../api/charting.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDateTime } from '../../format.ts';
import { useResource } from '../../hooks.ts';
import { Link, navigate } from '../../router.tsx';
import { ChartShell, type ChartContext } from './ChartShell.tsx';
import { HomeCare, Measures } from './session/AfterCare.tsx';
import { motionList, Reassessment, type Motion } from './session/Reassessment.tsx';
import { SignPanel } from './session/SignPanel.tsx';
import { SoapForm } from './session/SoapForm.tsx';
import { TreatPanel } from './session/TreatPanel.tsx';
import { useCreateIntent } from '../../api/intent.ts';

/** The list of session notes, and "start today's note". */
export function SessionsPage({ patientId }: { patientId: string }) {
  return (
    <ChartShell patientId={patientId} title="Sessions">
      {(ctx) => <SessionList ctx={ctx} />}
    </ChartShell>
  );
}

function SessionList({ ctx }: { ctx: ChartContext }) {
  const [notes] = useResource((signal) => charting.listSessions(ctx.patient.id, signal), [ctx.patient.id]);
  const [error, setError] = useState('');
  const [starting, setStarting] = useState(false);
  const intent = useCreateIntent();
  if (notes.status === 'loading') return <Loading />;
  if (notes.status === 'error') return <ErrorView error={notes.error} missingIsUnavailable="Session notes" />;
  // One tap, one note: the button waits while the note is made, and a repeat sends the same key.
  const start = async () => {
    const input = { subjective: {}, objective: {}, cptMinutes: [] };
    setStarting(true);
    try {
      const note = await charting.createSession(ctx.patient.id, input, intent.keyFor(input));
      navigate(`/patients/${ctx.patient.id}/chart/sessions/${note.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not start a note.');
      setStarting(false);
    }
  };
  return (
    <div>
      <button type="button" className="button button-large" disabled={starting} onClick={() => void start()}>
        {starting ? 'Starting the note…' : "Start today's session note"}
      </button>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="ch-note-list">
        {notes.data.map((n) => (
          <li key={n.id}>
            <Link to={`/patients/${ctx.patient.id}/chart/sessions/${n.id}`}>
              Session of {formatDateTime(n.createdAt)}
            </Link>{' '}
            <span className={`badge ${n.status === 'signed' ? 'badge-success' : 'badge-neutral'}`}>
              {n.status === 'signed' ? 'Signed' : 'Draft'}
            </span>{' '}
            · {n.steps.length} steps
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SessionPage({ patientId, noteId }: { patientId: string; noteId: string }) {
  return (
    <ChartShell patientId={patientId} title="Session">
      {(ctx) => <SessionLoader ctx={ctx} noteId={noteId} />}
    </ChartShell>
  );
}

interface Loaded {
  note: SessionNote;
  palpated: PalpatedPoint[];
  motions: Motion[];
  homeCare: HomeCarePlan | null;
}

async function loadSession(patientId: string, noteId: string, signal: AbortSignal): Promise<Loaded> {
  const [note, assessments, homeCare] = await Promise.all([
    charting.getSessionNote(noteId, signal),
    charting.listAssessments(patientId, signal).catch(() => []),
    charting.listHomeCare(patientId, signal).catch(() => []),
  ]);
  const newestFirst = [...assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1));
  const latest = newestFirst[0];
  // Every motion measured at any assessment is offered for re-measuring, the oldest first.
  const motions = motionList(...[...newestFirst].reverse().map((a) => a.findings.rom ?? []));
  return {
    note,
    palpated: latest?.findings.triggerPoints ?? [],
    motions,
    homeCare: homeCare.find((h) => h.sessionNoteId === noteId) ?? null,
  };
}

function SessionLoader({ ctx, noteId }: { ctx: ChartContext; noteId: string }) {
  const [loaded] = useResource((signal) => loadSession(ctx.patient.id, noteId, signal), [noteId]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error')
    return <ErrorView error={loaded.error} what="session note" missingIsUnavailable="Session notes" />;
  return <SessionScreen ctx={ctx} loaded={loaded.data} />;
}

function SessionScreen({ ctx, loaded }: { ctx: ChartContext; loaded: Loaded }) {
  const [note, setNote] = useState(loaded.note);
  const [refusal, setRefusal] = useState('');
  const [saved, setSaved] = useState('');
  const [history, setHistory] = useState<NoteHistory | null>(null);
  const [due, setDue] = useState<DueMeasure[] | null>(null);
  const [series, setSeries] = useState<MeasureSeries[] | null>(null);
  const locked = note.status === 'signed';
  const reload = useCallback(async () => setNote(await charting.getSessionNote(note.id)), [note.id]);
  const loadMeasures = useCallback(() => {
    charting.measuresDue(ctx.patient.id).then(
      (d) => setDue(d.measures),
      () => setDue(null),
    );
    charting.measureSeries(ctx.patient.id).then(setSeries, () => setSeries(null));
  }, [ctx.patient.id]);
  const loadHistory = useCallback(
    () => void charting.sessionHistory(note.id).then(setHistory, () => setHistory(null)),
    [note.id],
  );
  useEffect(() => {
    loadMeasures();
    loadHistory();
  }, [loadMeasures, loadHistory]);

  const save = async (changes: Omit<NoteUpdate, 'version'>): Promise<boolean> => {
    try {
      setNote(await charting.updateSession(note.id, { version: note.version, ...changes }));
      setRefusal('');
      // Without a connection the tablet keeps the change in its outbox (web/src/offline).
      setSaved(navigator.onLine ? 'Notes saved.' : 'Saved on this tablet — will send when back online.');
      return true;
    } catch (err) {
      setSaved('');
      if (err instanceof ApiError && err.code === 'note_signed')
        setRefusal('This note is signed and locked, so it cannot be edited. Add an amendment instead.');
      else setRefusal(err instanceof Error ? err.message : 'Could not save.');
      if (err instanceof ApiError && err.status === 409) void reload();
      return false;
    }
  };

  return (
    <div className="ch-session">
      <p className="ch-session-status">
        <span className={`badge ${locked ? 'badge-success' : 'badge-neutral'}`}>
          {locked ? 'Signed · locked' : 'Draft'}
        </span>{' '}
        Started {formatDateTime(note.createdAt)}
      </p>
      {refusal ? (
        <div className="alert alert-error ch-refused" role="alert">
          <h2 className="alert-title">Not saved</h2>
          <p>{refusal}</p>
        </div>
      ) : null}
      <p role="status" className="ch-saved">
        {saved}
      </p>
      <TreatPanel note={note} gate={ctx.gate} palpated={loaded.palpated} locked={locked} onStep={() => void reload()} />
      <div className="ch-session-grid">
        <SoapForm
          key={`${note.version}-${note.status}`}
          note={note}
          locked={locked}
          onSave={async (changes) => {
            await save(changes);
          }}
        />
        <div>
          <Measures patientId={ctx.patient.id} noteId={note.id} due={due} series={series} onChange={loadMeasures} />
        </div>
      </div>
      <Reassessment
        note={note}
        motions={loaded.motions}
        locked={locked}
        onDone={() => void reload()}
        onSaveBefore={(rom) => save({ objective: { ...note.objective, rom } })}
      />
      <HomeCare noteId={note.id} initial={loaded.homeCare} locked={locked} />
      <SignPanel
        note={note}
        history={history}
        onSigned={(n) => {
          setNote(n);
          loadHistory();
        }}
        onAmended={loadHistory}
      />
    </div>
  );
}
