import type { ReactNode } from 'react';
import { dollars, files, report, type ReportName, type Reports } from '../../api/money.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDate } from '../../format.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { MoneyTabs } from './MoneyTabs.tsx';

const BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
const UNBILLED: Record<Reports['unbilled-visits']['rows'][number]['reason'], string> = {
  'no-charge': 'No charges',
  'charge-not-posted': 'Charges not posted',
  'no-claim': 'Not claimed',
};
const REVENUE_BY = ['site', 'therapist', 'service'] as const;

/** One report: its heading, the CSV link (the same rows), and the table once loaded. */
function ReportCard<N extends ReportName>({
  name,
  title,
  query = {},
  children,
}: {
  name: N;
  title: string;
  query?: Record<string, string>;
  children: (data: Reports[N]) => ReactNode;
}) {
  const id = `report-${name}-${query.by ?? ''}`;
  const [state] = useResource((signal) => report(name, query, signal), [name, JSON.stringify(query)]);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>
        <a href={files.report(name, query)} download>
          Download as CSV<span className="visually-hidden"> ({title})</span>
        </a>
      </p>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorView error={state.error} /> : null}
      {state.status === 'ok' ? children(state.data) : null}
    </section>
  );
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  if (rows.length === 0) return <p className="muted">Nothing to show.</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table-compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The billing reports for managers and admins, each a table with its CSV download. */
export function ReportsPage() {
  usePageTitle('Billing reports');
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Billing reports</h1>
          <p className="lead">For the patients of your sites. Each downloads as a spreadsheet (CSV).</p>
        </div>
      </div>
      <MoneyTabs />
      <ReportCard name="ar-aging" title="A/R aging by payer">
        {(data) => (
          <Table
            caption={`What each payer owes as of ${formatDate(data.asOf)}, by days since the date of service`}
            head={['Payer', ...BUCKETS.map((b) => `${b} days`), 'Balance']}
            rows={[
              ...data.rows.map((r) => [r.payer, ...BUCKETS.map((b) => dollars(r.buckets[b])), dollars(r.balance)]),
              ...(data.rows.length > 0
                ? [['Total', ...BUCKETS.map((b) => dollars(data.total.buckets[b])), dollars(data.total.balance)]]
                : []),
            ]}
          />
        )}
      </ReportCard>
      <ReportCard name="unbilled-visits" title="Unbilled signed visits">
        {(data) => (
          <Table
            caption={`Signed visits not yet billed, ${formatDate(data.from)} to ${formatDate(data.to)}`}
            head={['Date of service', 'Patient', 'Site', 'Therapist', 'Why', 'Days since']}
            rows={data.rows.map((r) => [
              formatDate(r.serviceDate),
              r.patientName,
              r.siteName,
              r.therapistName,
              UNBILLED[r.reason],
              r.daysSinceService,
            ])}
          />
        )}
      </ReportCard>
      <ReportCard name="authorizations-running-out" title="Authorizations running out">
        {(data) => (
          <Table
            caption="Authorizations with few visits left or ending soon"
            head={['Patient', 'Payer', 'Left', 'Ends', 'Days to end']}
            rows={data.rows.map((r) => [r.patientName, r.payerName, r.label, formatDate(r.endsOn), r.daysToEnd])}
          />
        )}
      </ReportCard>
      {REVENUE_BY.map((by) => (
        <ReportCard key={by} name="revenue" title={`Revenue by ${by}`} query={{ by }}>
          {(data) => (
            <Table
              caption={`Posted charges by ${by}, ${formatDate(data.from)} to ${formatDate(data.to)}`}
              head={[by[0]!.toUpperCase() + by.slice(1), 'Lines', 'Units', 'Amount']}
              rows={[
                ...data.rows.map((r) => [r.labels.join(' · '), r.lines, r.units, dollars(r.amount)]),
                ...(data.rows.length > 0
                  ? [['Total', data.total.lines, data.total.units, dollars(data.total.amount)]]
                  : []),
              ]}
            />
          )}
        </ReportCard>
      ))}
    </>
  );
}
