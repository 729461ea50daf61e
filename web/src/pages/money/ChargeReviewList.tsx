import { chargesToReview, dollars } from '../../api/money.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDate, plural } from '../../format.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { Link } from '../../router.tsx';
import { MoneyTabs } from './MoneyTabs.tsx';

/** The desk's list of signed visits whose proposed charges wait to be reviewed and posted, oldest first. */
export function ChargeReviewList() {
  usePageTitle('Charges to review');
  const [visits] = useResource((signal) => chargesToReview(signal), []);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Billing</h1>
          <p className="lead">Signed visits whose charges wait for review, oldest first.</p>
        </div>
      </div>
      <MoneyTabs />
      {visits.status === 'loading' ? <Loading /> : null}
      {visits.status === 'error' ? <ErrorView error={visits.error} what="charges" /> : null}
      {visits.status === 'ok' ? (
        visits.data.length === 0 ? (
          <p className="muted">No charges wait for review.</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Visits with charges to review">
            <table className="table">
              <caption className="visually-hidden">Visits with charges to review</caption>
              <thead>
                <tr>
                  <th scope="col">Date of service</th>
                  <th scope="col">Patient</th>
                  <th scope="col">Therapist</th>
                  <th scope="col">Lines</th>
                  <th scope="col" className="money-num">
                    Amount
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {visits.data.map((v) => (
                  <tr key={v.visitId}>
                    <td>{formatDate(v.serviceDate)}</td>
                    <td>{v.patientName}</td>
                    <td>{v.therapistName}</td>
                    <td>{plural(v.lines, 'line')}</td>
                    <td className="money-num">{dollars(v.amountCents)}</td>
                    <td>
                      <Link to={`/billing/visits/${v.visitId}`}>
                        Review<span className="visually-hidden"> the charges of {v.patientName}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </>
  );
}
