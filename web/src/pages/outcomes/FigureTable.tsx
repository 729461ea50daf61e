import type { OutcomesTable } from '../../api/outcomes.ts';
import { outcomesCsvUrl, type OutcomesFilter } from '../../api/outcomes.ts';

/**
 * A report table exactly as the API and the CSV file give it: the chart's alternative, with its
 * download. A missing figure is a dash; a withheld one says "too few to report" in its note.
 */
export function FigureTable({
  table,
  filter,
  open = false,
}: {
  table: OutcomesTable;
  filter: OutcomesFilter;
  open?: boolean;
}) {
  return (
    <details className="oc-table" open={open} data-table={table.id}>
      <summary>Table: {table.title}</summary>
      <div className="table-wrap" role="region" aria-label={table.title} tabIndex={0}>
        <table className="table table-compact">
          <caption className="visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length}>Too few episodes to report.</td>
              </tr>
            ) : (
              table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th scope="row" key={j}>
                        {show(cell)}
                      </th>
                    ) : (
                      <td key={j}>{show(cell)}</td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <p>
        <a href={outcomesCsvUrl(table.id, filter)} download={`outcomes-${table.id}.csv`}>
          Download CSV<span className="visually-hidden">: {table.title}</span>
        </a>
      </p>
    </details>
  );
}

const show = (cell: string | number | null) => (cell === null ? '—' : String(cell));
