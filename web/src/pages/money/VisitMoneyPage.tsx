import { useState } from 'react';
import { formFieldErrors } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { dollars, files, listClaims, makeClaim, proposeAgain, visitCharges, type ClaimLine } from '../../api/money.ts';
import { getPatient } from '../../api/patients.ts';
import { ErrorSummary, summaryItems } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDate } from '../../format.ts';
import { useLastLoaded, usePageTitle, useResource } from '../../hooks.ts';
import { Link } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { ChargeLines } from './ChargeLines.tsx';
import { Checkout } from './Checkout.tsx';
import { CLAIM_STATUS } from './ClaimsPage.tsx';

/** Where "Book the next visit" goes: the desk's calendar with this patient chosen at their site. */
function bookNextHref(patientId: string, siteId: string | null): string {
  const site = siteId ? `site=${encodeURIComponent(siteId)}&` : '';
  return `/schedule?${site}patient=${encodeURIComponent(patientId)}`;
}

/** A signed visit at the desk: its proposed charges to review and post, checkout, and its claim. */
export function VisitMoneyPage({ visitId }: { visitId: string }) {
  const { can } = useUser();
  const [round, setRound] = useState(0);
  const reload = () => setRound((n) => n + 1);
  const [state] = useResource(
    async (signal) => {
      const visit = await visitCharges(visitId, signal);
      const [patient, claims] = await Promise.all([
        getPatient(visit.patientId),
        can.postCharges ? listClaims({ visitId }, signal) : Promise.resolve([]),
      ]);
      return { visit, patient, claims };
    },
    [visitId, round, can.postCharges],
  );
  const loaded = useLastLoaded(state);
  const name = loaded ? `${loaded.patient.givenName} ${loaded.patient.familyName}` : '';
  usePageTitle(name ? `Charges and checkout – ${name}` : 'Charges and checkout');
  if (state.status === 'error') return <ErrorView error={state.error} what="visit" />;
  if (!loaded) return <Loading />;
  const { visit, patient, claims } = loaded;
  const serviceDate = visit.charges[0]?.serviceDate;
  const live = visit.charges.filter((c) => c.status !== 'reversed');

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        {can.postCharges ? <Link to="/billing">Billing</Link> : <Link to="/patients">Patients</Link>}{' '}
        <span aria-hidden="true">›</span> <Link to={`/patients/${patient.id}`}>{name}</Link>{' '}
        <span aria-hidden="true">›</span> <span>Charges and checkout</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>Charges and checkout</h1>
          <p className="lead">
            {name}
            {serviceDate ? ` · visit of ${formatDate(serviceDate)}` : ''}
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="charges-heading">
        <h2 id="charges-heading">Charges</h2>
        {live.length === 0 ? <p className="muted">No charges are proposed for this visit.</p> : null}
        {visit.charges.length > 0 ? <ChargeLines charges={visit.charges} onChanged={reload} /> : null}
        {visit.can.propose ? <ProposeAgain visitId={visitId} onDone={reload} /> : null}
      </section>
      <Checkout visit={visit} bookNext={bookNextHref(patient.id, patient.preferredLocationId)} onChanged={reload} />
      {can.postCharges ? <VisitClaim visitId={visitId} claims={claims} billable={live} onDone={reload} /> : null}
    </>
  );
}

/** Proposes the charges again, after the NPI, the fee schedule or the diagnoses were fixed; says what is missing. */
function ProposeAgain({ visitId, onDone }: { visitId: string; onDone: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const propose = async () => {
    setBusy(true);
    setErrors({});
    try {
      await proposeAgain(visitId, intent.keyFor({ propose: visitId }));
      intent.done();
      onDone();
    } catch (err) {
      intent.done();
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorSummary items={summaryItems(errors)} title="The charges cannot be proposed yet" />
      <p>
        <button type="button" className="button" disabled={busy} onClick={() => void propose()}>
          {busy ? 'Proposing…' : 'Propose again'}
        </button>
      </p>
    </>
  );
}

function VisitClaim({
  visitId,
  claims,
  billable,
  onDone,
}: {
  visitId: string;
  claims: ClaimLine[];
  billable: { status: string; payerId: string | null }[];
  onDone: () => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const toPayer = billable.some((c) => c.payerId !== null);
  const ready = toPayer && billable.every((c) => c.status === 'posted');
  if (!toPayer && claims.length === 0) return null;
  const make = async () => {
    setBusy(true);
    setErrors({});
    try {
      await makeClaim(visitId, intent.keyFor({ visitId }));
      intent.done();
      onDone();
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="claim-heading">
      <h2 id="claim-heading">Claim</h2>
      {claims.map((c) => (
        <p key={c.id}>
          Claim <strong>{c.controlNumber}</strong> to {c.payerName} for {dollars(c.totalCents)}:{' '}
          {CLAIM_STATUS[c.status]}.{' '}
          <a href={files.cms1500(c.id)} target="_blank" rel="noopener">
            CMS-1500 (PDF)
          </a>
          {' · '}
          <Link to="/billing/claims">All claims</Link>
        </p>
      ))}
      {claims.length === 0 ? (
        <>
          <ErrorSummary items={summaryItems(errors)} title="The claim was not made" />
          {ready ? (
            <button type="button" className="button" disabled={busy} onClick={() => void make()}>
              {busy ? 'Making the claim…' : 'Make the claim'}
            </button>
          ) : (
            <p className="muted">Post the charge lines to make the claim to the payer.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
