import type { ReactNode } from 'react';
import { getPatient } from '../../api/patients.ts';
import * as charting from '../../api/charting.ts';
import type { TreatmentGate } from '../../api/charting.ts';
import type { Patient } from '../../api/types.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { fullName } from '../../format.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { Link, useUrl } from '../../router.tsx';
import { GateBanner } from './GateBanner.tsx';

export interface ChartContext {
  patient: Patient;
  /** null when the gate endpoint is not on this server yet. */
  gate: TreatmentGate | null;
  setGate: (gate: TreatmentGate) => void;
}

const TABS = [
  { suffix: '/chart', label: 'Assessment' },
  { suffix: '/chart/plan', label: 'Plan' },
  { suffix: '/chart/sessions', label: 'Sessions' },
  { suffix: '/intake', label: 'Intake' },
];

async function loadGate(patientId: string, signal: AbortSignal): Promise<TreatmentGate | null> {
  try {
    return await charting.getGate(patientId, signal);
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

/** Every charting screen: the patient's name, the tabs, and the screening gate banner on top. */
export function ChartShell({
  patientId,
  title,
  children,
}: {
  patientId: string;
  title: string;
  children: (ctx: ChartContext) => ReactNode;
}) {
  const [patient] = useResource(() => getPatient(patientId), [patientId]);
  const [gate, setGate] = useResource((signal) => loadGate(patientId, signal), [patientId]);
  const { path } = useUrl();
  const name = patient.status === 'ok' ? fullName(patient.data) : 'Patient';
  usePageTitle(`${title} · ${name}`);
  if (patient.status === 'loading' || gate.status === 'loading') return <Loading />;
  if (patient.status === 'error') return <ErrorView error={patient.error} what="patient" />;
  if (gate.status === 'error') return <ErrorView error={gate.error} />;
  const base = `/patients/${patientId}`;
  return (
    <div className="ch-shell">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/patients">Patients</Link> <span aria-hidden="true">›</span> <Link to={base}>{name}</Link>{' '}
        <span aria-hidden="true">›</span> <span>{title}</span>
      </nav>
      <div className="ch-shell-head">
        <h1>
          {title}
          <span className="ch-shell-name"> · {name}</span>
        </h1>
        <nav aria-label="Chart sections" className="ch-tabs">
          {TABS.map((tab) => {
            const to = base + tab.suffix;
            const current = tab.suffix === '/chart' ? path === to : path === to || path.startsWith(`${to}/`);
            return (
              <Link key={tab.suffix} to={to} className="ch-tab" aria-current={current ? 'page' : undefined}>
                {tab.label}
              </Link>
            );
          })}
        </nav>
      </div>
      <GateBanner patientId={patientId} gate={gate.data} onGate={setGate} />
      {children({ patient: patient.data, gate: gate.data, setGate })}
    </div>
  );
}
