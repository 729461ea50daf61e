import { useState, type FormEvent } from 'react';
import { getOutcomes, type OutcomesAnswer, type OutcomesFilter } from '../../api/outcomes.ts';
import { ErrorSummary, SelectField, TextField } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { ApiError } from '../../api/http.ts';
import { CurveChart, DotIntervalChart, TrendChart } from './charts.tsx';
import { FigureTable } from './FigureTable.tsx';
import { claimSentence, curveSentence, cutSentence, trendSentence } from './summaries.ts';
import './outcomes.css';

const DEFINITIONS = [
  { value: '', label: 'Pain (NPRS): down 2 points and 30%' },
  { value: 'ndi-mcid', label: 'Neck Disability Index' },
  { value: 'odi-mcid', label: 'Oswestry Disability Index' },
  { value: 'psfs-mcid', label: 'Patient-Specific Functional Scale' },
];
const CUTS = [
  { value: 'condition', label: 'Condition' },
  { value: 'site', label: 'Site' },
  { value: 'therapist', label: 'Therapist' },
  { value: 'phase', label: 'Phase of care' },
  { value: 'definition', label: 'Improvement definition' },
];
const SCOPE: Record<OutcomesAnswer['scope'], string> = {
  organization: 'Every episode of care in the organisation.',
  sites: 'Episodes of care at your sites.',
  own: 'Your own episodes of care: the patients you treated.',
};

/** Does the clinic help, for whom, how fast — with the denominator, drop-outs and uncertainty always shown. */
export function OutcomesPage() {
  usePageTitle('Outcomes');
  const [draft, setDraft] = useState<Required<OutcomesFilter>>({ from: '', to: '', definition: '' });
  const [filter, setFilter] = useState<OutcomesFilter>({});
  const [cut, setCut] = useState('condition');
  const [data] = useResource((signal) => getOutcomes(filter, signal), [filter.from, filter.to, filter.definition]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '')));
  };
  const fieldErrors =
    data.status === 'error' && data.error instanceof ApiError && data.error.status < 500 ? data.error.fields : {};
  const set = (key: keyof OutcomesFilter) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <>
      <h1>Outcomes</h1>
      <p className="lead">
        Whether patients get meaningfully better, for whom, and how fast. Every share shows how many episodes it counts
        and a 95% interval; drop-outs count as not improved; a group of fewer than 11 episodes is “too few to report”.
      </p>
      {Object.keys(fieldErrors).length > 0 ? (
        <ErrorSummary items={Object.entries(fieldErrors).map(([field, message]) => ({ field, message }))} />
      ) : null}
      <form className="filters" onSubmit={apply} aria-label="Which episodes">
        <TextField
          name="from"
          label="Started from"
          type="date"
          value={draft.from}
          onValue={set('from')}
          error={fieldErrors.from}
          width="medium"
        />
        <TextField
          name="to"
          label="Started up to"
          type="date"
          value={draft.to}
          onValue={set('to')}
          error={fieldErrors.to}
          width="medium"
        />
        <SelectField
          name="definition"
          label="Meaningful improvement by"
          value={draft.definition}
          onValue={set('definition')}
          options={DEFINITIONS}
          error={fieldErrors.definition}
        />
        <div className="field">
          <button type="submit" className="button">
            Show
          </button>
        </div>
      </form>
      {data.status === 'loading' ? <Loading label="Counting episodes…" /> : null}
      {data.status === 'error' && Object.keys(fieldErrors).length === 0 ? <ErrorView error={data.error} /> : null}
      {data.status === 'ok' ? <Report answer={data.data} filter={filter} cut={cut} onCut={setCut} /> : null}
    </>
  );
}

function Report({
  answer,
  filter,
  cut,
  onCut,
}: {
  answer: OutcomesAnswer;
  filter: OutcomesFilter;
  cut: string;
  onCut: (cut: string) => void;
}) {
  const { report } = answer;
  const table = (id: string) => answer.tables.find((t) => t.id === id)!;
  const overall = report.overall;
  const cutLabel = CUTS.find((c) => c.value === cut)?.label ?? cut;
  return (
    <>
      <p className="muted">
        {SCOPE[answer.scope]} Judged by: {report.definition.label}.
      </p>

      <section className="card oc-claim" aria-labelledby="claim-heading">
        <h2 id="claim-heading">Meaningfully better by session {report.settings.claimSession}</h2>
        <p className="oc-summary">{claimSentence(report)}</p>
        {overall.status === 'reported' ? (
          <ul className="oc-aside">
            <li>
              {overall.claim.stillInCare} still in care and not yet at session {report.settings.claimSession}: left out
              of both shares until they are.
            </li>
            <li>{overall.claim.withoutBaseline} without a score to judge from (no baseline): left out of both.</li>
          </ul>
        ) : null}
        <FigureTable table={table('claim')} filter={filter} open />
      </section>

      <section className="card" aria-labelledby="curve-heading">
        <h2 id="curve-heading">Sessions to first meaningful improvement</h2>
        {report.curve.status === 'reported' ? (
          <CurveChart curve={report.curve} summary={curveSentence(report)} />
        ) : (
          <p className="oc-summary">{curveSentence(report)}</p>
        )}
        <FigureTable table={table('curve')} filter={filter} />
      </section>

      <section className="card" aria-labelledby="cut-heading">
        <h2 id="cut-heading">Meaningfully better by {cutLabel.toLowerCase()}</h2>
        <SelectField name="cut" label="Compare by" value={cut} onValue={onCut} options={CUTS} />
        <DotIntervalChart
          rows={report.cuts[cut] ?? []}
          title={`Meaningfully better by ${cutLabel.toLowerCase()}`}
          summary={cutSentence(report.cuts[cut] ?? [], cutLabel.toLowerCase())}
        />
        <FigureTable table={table(cut)} filter={filter} />
      </section>

      <section className="card" aria-labelledby="trend-heading">
        <h2 id="trend-heading">Over time</h2>
        <TrendChart rows={report.cuts.period ?? []} summary={trendSentence(report.cuts.period ?? [])} />
        <FigureTable table={table('period')} filter={filter} />
      </section>

      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Care summary</h2>
        <p className="oc-summary">Drop-outs, visits, function (PSFS) and days of relief after a visit.</p>
        <FigureTable table={table('summary')} filter={filter} open />
      </section>
    </>
  );
}
