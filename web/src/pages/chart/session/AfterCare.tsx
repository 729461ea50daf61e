import { useState } from 'react';
import * as charting from '../../../api/charting.ts';
import type { DueMeasure, HomeCareContent, HomeCarePlan, MeasureSeries } from '../../../api/charting.ts';
import { NumberScale } from '../../../components/bodychart/NumberScale.tsx';
import { TrendPlot } from '../../../components/bodychart/TrendPlot.tsx';
import { dayOf } from '../../../format.ts';
import { Link } from '../../../router.tsx';
import { useOrgTimeZone } from '../../../session.tsx';
import { useCreateIntent } from '../../../api/intent.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../../src/words/limits.ts';

const MEASURE_NAME: Record<string, string> = {
  nprs: 'Pain (NPRS)',
  ndi: 'Neck Disability Index',
  odi: 'Oswestry (ODI)',
  psfs: 'PSFS',
};
const MAX: Record<string, number> = { nprs: 10, ndi: 50, odi: 100, psfs: 10 };

/** Which measures are due by rule, a quick NPRS entry, and every series as a trend with its MCID band. */
export function Measures({
  patientId,
  noteId,
  due,
  series,
  onChange,
}: {
  patientId: string;
  noteId: string;
  due: DueMeasure[] | null;
  series: MeasureSeries[] | null;
  onChange: () => void;
}) {
  const [error, setError] = useState('');
  const intent = useCreateIntent();
  const orgZone = useOrgTimeZone();
  // A repeated tap on the same number sends the same key: one score, however often it is tapped.
  const nprs = async (n: number) => {
    const input = { measure: 'nprs' as const, answers: [n], sessionId: noteId };
    try {
      await charting.submitMeasure(patientId, input, intent.keyFor(input));
      setError('');
      onChange();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not save.');
    }
  };
  return (
    <section className="card" aria-labelledby="measures-title">
      <h2 id="measures-title">Outcome measures</h2>
      {due === null ? (
        <p className="muted">Outcome measures are not available on this server yet.</p>
      ) : (
        <ul className="ch-due">
          {due.map((d) => (
            <li key={d.measure}>
              <span className={`badge ${d.status === 'not-due' ? 'badge-neutral' : 'badge-warning'}`}>
                {d.status === 'not-due' ? 'Not due' : d.status === 'overdue' ? 'Overdue' : 'Due'}
              </span>{' '}
              {MEASURE_NAME[d.measure]}: {d.reason}
              {d.measure !== 'nprs' ? (
                <>
                  {' '}
                  <Link to={`/patients/${patientId}/measures/new?instrument=${d.measure}&session=${noteId}`}>
                    Fill in<span className="visually-hidden"> {MEASURE_NAME[d.measure]}</span>
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <NumberScale
        legend="NPRS today (0–10)"
        hint="Asked every visit."
        min={0}
        max={10}
        value={null}
        onValue={(n) => void nprs(n)}
        tone="pain"
        name="nprs"
      />
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <div className="ch-trends">
        {(series ?? [])
          .filter((s) => s.points.length > 0)
          .map((s) => {
            const pct = s.mcid.unit === 'percent-points';
            return (
              <TrendPlot
                key={s.measure}
                title={MEASURE_NAME[s.measure] ?? s.measure}
                max={pct ? 100 : (MAX[s.measure] ?? 10)}
                mcid={s.mcid.value}
                higherIsWorse={s.higherIsWorse}
                unit={pct ? '%' : ''}
                points={s.points.map((p) => ({
                  date: dayOf(p.takenAt, orgZone),
                  value: pct ? (p.percent ?? p.score) : p.score,
                }))}
              />
            );
          })}
      </div>
    </section>
  );
}

/** What became of the email, in the therapist's words. */
const SENT_BY_EMAIL: Record<charting.HomeCareSent['email'], string> = {
  queued: 'We are emailing it to them with the handout attached.',
  'already-sent': 'They were already emailed these words.',
  'no-email-address': 'There is no email address on file, so it was not emailed: give them the printed handout.',
  'email-declined': 'They asked not to get email, so it was not emailed: give them the printed handout.',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** Home care generated from the treated muscles, edited by the therapist, then sent; the PDF is a link. */
export function HomeCare({
  noteId,
  initial,
  locked,
}: {
  noteId: string;
  initial: HomeCarePlan | null;
  locked: boolean;
}) {
  const [plan, setPlan] = useState<HomeCarePlan | null>(initial);
  const [draft, setDraft] = useState<HomeCareContent | null>(initial?.content ?? null);
  const [status, setStatus] = useState('');
  const sending = useCreateIntent();
  const run = async (what: () => Promise<HomeCarePlan>, done: string) => {
    try {
      const next = await what();
      setPlan(next);
      setDraft(next.content);
      setStatus(done);
    } catch (err) {
      setStatus(err instanceof Error ? err.message : 'Something went wrong.');
    }
  };
  const set = (patch: Partial<HomeCareContent>) => draft && setDraft({ ...draft, ...patch });
  const send = async () => {
    let email: charting.HomeCareSent['email'] = 'queued';
    await run(async () => {
      const sent = await charting.sendHomeCare(noteId, sending.keyFor(noteId));
      // A later send (after an edit) is a new one.
      sending.done();
      email = sent.email;
      return sent;
    }, 'Sent.');
    setStatus((current) =>
      current === 'Sent.' ? `Sent: the patient can read it in the app. ${SENT_BY_EMAIL[email]}` : current,
    );
  };
  return (
    <section className="card ch-homecare" aria-labelledby="homecare-title">
      <h2 id="homecare-title">Home care</h2>
      {!draft ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            void run(() => charting.generateHomeCare(noteId), 'Home care generated from the treated muscles.')
          }
        >
          Generate home care
        </button>
      ) : (
        <fieldset disabled={locked} className="ch-locked-fieldset">
          <legend className="visually-hidden">Home care advice</legend>
          {(
            [
              ['hydration', 'Water'],
              ['soreness', 'Soreness'],
              ['fatigue', 'Tiredness'],
            ] as const
          ).map(([key, label]) => (
            <div className="field" key={key}>
              <label className="label" htmlFor={`hc-${key}`}>
                {label}
              </label>
              <textarea
                id={`hc-${key}`}
                maxLength={LIMIT.homeCareLine}
                className="input ch-textarea"
                rows={2}
                value={draft[key]}
                onChange={(e) => set({ [key]: e.target.value })}
              />
            </div>
          ))}
          <h3>Stretches</h3>
          {draft.stretches.map((s, i) => (
            <div className="field" key={s.muscle + i}>
              <label className="label" htmlFor={`hc-stretch-${i}`}>
                {s.title} ({s.muscleName})
              </label>
              <textarea
                id={`hc-stretch-${i}`}
                maxLength={10 * (LIMIT.homeCareItem + 1)}
                className="input ch-textarea"
                rows={3}
                value={s.steps.join('\n')}
                onChange={(e) =>
                  set({
                    stretches: draft.stretches.map((x, j) =>
                      j === i ? { ...x, steps: lines(e.target.value).length ? lines(e.target.value) : x.steps } : x,
                    ),
                  })
                }
              />
            </div>
          ))}
          <div className="field">
            <label className="label" htmlFor="hc-activity">
              Activity changes (one per line)
            </label>
            <textarea
              id="hc-activity"
              maxLength={20 * (LIMIT.homeCareItem + 1)}
              className="input ch-textarea"
              rows={3}
              value={draft.activityChanges.join('\n')}
              onChange={(e) => set({ activityChanges: lines(e.target.value) })}
            />
          </div>
          <div className="field">
            <label className="label" htmlFor="hc-call">
              Call the clinic if (one per line)
            </label>
            <textarea
              id="hc-call"
              maxLength={10 * (LIMIT.homeCareItem + 1)}
              className="input ch-textarea"
              rows={4}
              value={draft.callClinicIf.join('\n')}
              onChange={(e) => set({ callClinicIf: lines(e.target.value) })}
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => void run(() => charting.saveHomeCare(noteId, draft), 'Home care saved.')}
            >
              Save home care
            </button>
            <button type="button" className="button" onClick={() => void send()}>
              Send to patient
            </button>
          </div>
        </fieldset>
      )}
      {plan ? (
        <p>
          <a href={charting.homeCarePdfUrl(noteId)} download className="ch-pdf-link">
            Download the handout (PDF)
          </a>
          {plan.sentAt ? ' · sent' : ''}
        </p>
      ) : null}
      <p role="status">{status}</p>
    </section>
  );
}
