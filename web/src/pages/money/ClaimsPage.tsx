import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { dollars, files, listBatches, listClaims, makeBatch, type ClaimLine } from '../../api/money.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLastLoaded, usePageTitle, useResource } from '../../hooks.ts';
import { Link } from '../../router.tsx';
import { MoneyTabs } from './MoneyTabs.tsx';
import { ClaimCorrectionForm, type ClaimFix } from './ClaimCorrectionForm.tsx';
import { PayerPaymentForm } from './PayerPaymentForm.tsx';

export const CLAIM_STATUS: Record<ClaimLine['status'], string> = {
  ready: 'ready to send',
  submitted: 'sent, awaiting payment',
  paid: 'paid',
};
const BADGE: Record<ClaimLine['status'], string> = {
  ready: 'badge-warning',
  submitted: 'badge-neutral',
  paid: 'badge-success',
};

const FREQUENCY: Record<Exclude<ClaimLine['frequency'], 'original'>, string> = {
  replacement: 'Corrected claim of',
  void: 'Void of',
};
const CORRECTED_BY: Record<Exclude<ClaimLine['frequency'], 'original'>, string> = {
  replacement: 'Corrected by',
  void: 'Voided by',
};

/**
 * The claims of the desk's sites: choose ready claims and make their 837P file, download a file
 * again, open a claim's CMS-1500, and post a payer's payment with its contractual adjustment.
 */
export function ClaimsPage() {
  usePageTitle('Claims');
  const [round, setRound] = useState(0);
  const reload = () => setRound((n) => n + 1);
  const [state] = useResource(
    async (signal) => {
      const [claims, batches] = await Promise.all([listClaims({}, signal), listBatches(signal)]);
      return { claims, batches };
    },
    [round],
  );
  const loaded = useLastLoaded(state);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [paying, setPaying] = useState<string | null>(null);
  const [fixing, setFixing] = useState<{ id: string; fix: ClaimFix } | null>(null);
  const [corrected, setCorrected] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();

  const send = async () => {
    const claimIds = [...chosen];
    setBusy(true);
    setProblem(null);
    try {
      const batch = await makeBatch(claimIds, intent.keyFor({ claimIds }));
      intent.done();
      setChosen(new Set());
      setCorrected(null);
      setMade(batch.id);
      reload();
    } catch (err) {
      const fields = err instanceof ApiError ? Object.values(err.fields) : [];
      setProblem([err instanceof Error ? err.message : 'The file was not made.', ...fields].join(' '));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Claims</h1>
          <p className="lead">Claims made from posted charges, their 837P files and the payers’ payments.</p>
        </div>
      </div>
      <MoneyTabs />
      {state.status === 'error' ? <ErrorView error={state.error} what="claims" /> : null}
      {!loaded && state.status === 'loading' ? <Loading /> : null}
      {loaded ? (
        <>
          {problem ? (
            <p className="alert alert-error" role="alert">
              {problem}
            </p>
          ) : null}
          {corrected ? (
            <p className="alert alert-success" role="status">
              Claim {corrected} is ready: choose it for the next 837P file.
            </p>
          ) : null}
          {made ? (
            <p className="alert alert-success" role="status">
              The 837P file is made.{' '}
              <a href={files.x837p(made)} download>
                Download the 837P file
              </a>
            </p>
          ) : null}
          <section className="card" aria-labelledby="claims-heading">
            <h2 id="claims-heading">Claims</h2>
            {loaded.claims.length === 0 ? (
              <p className="muted">No claims yet: make one from a visit whose charges are posted.</p>
            ) : (
              <div className="table-wrap" tabIndex={0} role="region" aria-label="Claims table">
                <table className="table table-compact">
                  <caption className="visually-hidden">Claims, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Send</th>
                      <th scope="col">Claim</th>
                      <th scope="col">Patient</th>
                      <th scope="col">Date of service</th>
                      <th scope="col">Payer</th>
                      <th scope="col" className="money-num">
                        Billed
                      </th>
                      <th scope="col">Status</th>
                      <th scope="col">Payer’s claim no.</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {loaded.claims.map((c) => (
                      <tr key={c.id}>
                        <td>
                          {c.can.batch ? (
                            <input
                              type="checkbox"
                              aria-label={`Send claim ${c.controlNumber}`}
                              checked={chosen.has(c.id)}
                              onChange={(e) => toggle(c.id, e.target.checked)}
                            />
                          ) : null}
                        </td>
                        <th scope="row">{c.controlNumber}</th>
                        <td>
                          <Link to={`/billing/visits/${c.visitId}`}>{c.patientName}</Link>
                        </td>
                        <td>{formatDate(c.serviceDate)}</td>
                        <td>{c.payerName}</td>
                        <td className="money-num">{dollars(c.totalCents)}</td>
                        <td>
                          <span className={`badge ${BADGE[c.status]}`}>{CLAIM_STATUS[c.status]}</span>
                          {c.frequency !== 'original' ? (
                            <div className="muted">
                              {FREQUENCY[c.frequency]} {c.correctsControlNumber}
                            </div>
                          ) : null}
                          {c.correctedBy ? (
                            <div className="muted">
                              {CORRECTED_BY[c.correctedBy.frequency]} {c.correctedBy.controlNumber}
                            </div>
                          ) : null}
                        </td>
                        <td>{c.payerClaimNumber ?? <span className="muted">not yet</span>}</td>
                        <td>
                          <div className="money-actions">
                            <a href={files.cms1500(c.id)} target="_blank" rel="noopener">
                              CMS-1500<span className="visually-hidden"> of claim {c.controlNumber}</span> (PDF)
                            </a>
                            {c.can.pay && c.status === 'submitted' ? (
                              <button type="button" className="button button-secondary" onClick={() => setPaying(c.id)}>
                                Post payment<span className="visually-hidden"> of claim {c.controlNumber}</span>
                              </button>
                            ) : null}
                            {c.can.payerClaimNumber ? (
                              <button
                                type="button"
                                className="button button-secondary"
                                onClick={() => setFixing({ id: c.id, fix: 'number' })}
                              >
                                Payer’s claim number<span className="visually-hidden"> of claim {c.controlNumber}</span>
                              </button>
                            ) : null}
                            {c.can.correct ? (
                              <button
                                type="button"
                                className="button button-secondary"
                                onClick={() => setFixing({ id: c.id, fix: 'replacement' })}
                              >
                                Send a corrected claim<span className="visually-hidden"> for {c.controlNumber}</span>
                              </button>
                            ) : null}
                            {c.can.void ? (
                              <button
                                type="button"
                                className="button button-secondary"
                                onClick={() => setFixing({ id: c.id, fix: 'void' })}
                              >
                                Void this claim<span className="visually-hidden"> ({c.controlNumber})</span>
                              </button>
                            ) : null}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="button-row">
              <button type="button" className="button" disabled={busy || chosen.size === 0} onClick={() => void send()}>
                {busy ? 'Making the file…' : `Make the 837P file of ${chosen.size} chosen`}
              </button>
            </div>
            {fixing ? (
              <ClaimCorrectionForm
                key={`${fixing.id}-${fixing.fix}`}
                claim={loaded.claims.find((c) => c.id === fixing.id)!}
                fix={fixing.fix}
                onCancel={() => setFixing(null)}
                onDone={(made) => {
                  setFixing(null);
                  setCorrected(made ? made.controlNumber : null);
                  reload();
                }}
              />
            ) : null}
            {paying ? (
              <PayerPaymentForm
                key={paying}
                claim={loaded.claims.find((c) => c.id === paying)!}
                onCancel={() => setPaying(null)}
                onDone={() => {
                  setPaying(null);
                  reload();
                }}
              />
            ) : null}
          </section>
          <section className="card" aria-labelledby="batches-heading">
            <h2 id="batches-heading">837P files</h2>
            {loaded.batches.length === 0 ? (
              <p className="muted">No files sent yet.</p>
            ) : (
              <table className="table table-compact">
                <caption className="visually-hidden">837P files, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Control number</th>
                    <th scope="col">Made</th>
                    <th scope="col">Claims</th>
                    <th scope="col">Kind</th>
                    <th scope="col">
                      <span className="visually-hidden">Download</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.batches.map((b) => (
                    <tr key={b.id}>
                      <th scope="row">{b.controlNumber}</th>
                      <td>{formatDateTime(b.createdAt)}</td>
                      <td>{b.claimCount}</td>
                      <td>{b.usage === 'P' ? 'Production' : 'Test'}</td>
                      <td>
                        <a href={files.x837p(b.id)} download>
                          Download<span className="visually-hidden"> file {b.controlNumber}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
