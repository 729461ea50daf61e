import * as charting from '../../api/charting.ts';
import type { DueMeasure, MeasureSeries } from '../../api/charting.ts';
import { TrendPlot } from '../../components/bodychart/TrendPlot.tsx';
import { useResource } from '../../hooks.ts';
import { dayOf } from '../../format.ts';
import { Link } from '../../router.tsx';
import { useOrgTimeZone, useUser } from '../../session.tsx';
import { ownTrendInWords } from '../../../../src/outcomes/patient/own-trend.ts';
import { isFormMeasure } from './instruments.ts';
import '../screening-and-measures.css';
import { useT, type MessageId } from '../../i18n/t.ts';
import { useLocale } from '../../i18n/locale.tsx';
import type { Locale } from '../../../../src/words/locales.ts';

const NAME: Record<string, MessageId> = {
  nprs: 'trend.name.nprs',
  ndi: 'trend.name.ndi',
  odi: 'trend.name.odi',
  psfs: 'trend.name.psfs',
};
const MAX: Record<string, number> = { nprs: 10, ndi: 50, odi: 100, psfs: 10 };
const STATUS: Record<DueMeasure['status'], [MessageId, string]> = {
  due: ['trend.status.due', 'badge-warning'],
  overdue: ['trend.status.overdue', 'badge-danger'],
  'not-due': ['trend.status.notDue', 'badge-neutral'],
};

/** The series from its first score to its latest, in plain words judged by the measure's MCID. */
export function trendWords(s: MeasureSeries, reader: 'patient' | 'clinician', locale: Locale = 'en'): string | null {
  const points = [...s.points].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  const first = points[0];
  const latest = points.at(-1);
  return first && latest
    ? ownTrendInWords({ measure: s.measure, first: first.score, latest: latest.score, reader, locale }, points.length)
    : null;
}

/**
 * Each series as a trend with its MCID band, in the unit of its MCID (NDI raw 0–50, ODI percent), and what it says in
 * words.
 */
export function MeasureTrends({
  series,
  reader = 'clinician',
}: {
  series: readonly MeasureSeries[];
  reader?: 'patient' | 'clinician';
}) {
  const orgZone = useOrgTimeZone();
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="ch-trends">
      {series
        .filter((s) => s.points.length > 0)
        .map((s) => {
          const pct = s.mcid.unit === 'percent-points';
          const words = trendWords(s, reader, locale);
          return (
            <div key={s.measure}>
              {words ? <p className="ms-trend-words">{words}</p> : null}
              <TrendPlot
                key={s.measure}
                title={NAME[s.measure] ? t(NAME[s.measure]!) : s.measure}
                max={pct ? 100 : (MAX[s.measure] ?? 10)}
                mcid={s.mcid.value}
                higherIsWorse={s.higherIsWorse}
                unit={pct ? '%' : ''}
                points={s.points.map((p) => ({
                  date: dayOf(p.takenAt, orgZone),
                  value: pct ? (p.percent ?? p.score) : p.score,
                }))}
              />
            </div>
          );
        })}
    </div>
  );
}

async function load(patientId: string, canRead: boolean, signal: AbortSignal) {
  const [due, series] = await Promise.all([
    charting.measuresDue(patientId, signal).then(
      (d) => d.measures,
      () => null,
    ),
    canRead ? charting.measureSeries(patientId, signal).catch(() => null) : Promise.resolve(null),
  ]);
  return { due, series };
}

/** On the patient's page: which questionnaires are due by rule, a "Fill in" link for each, and the trends. */
export function MeasuresCard({ patientId }: { patientId: string }) {
  const t = useT();
  const { can, patientId: mine } = useUser();
  const own = mine === patientId;
  const canFill = can.fillMeasures;
  const canRead = can.readMeasures;
  const [data] = useResource((signal) => load(patientId, canRead, signal), [patientId, canRead]);
  if (data.status !== 'ok' || (data.data.due === null && data.data.series === null)) return null;
  const { due, series } = data.data;
  const fill = (m: string) => `/patients/${patientId}/measures/new?instrument=${m}`;
  return (
    <section className="card ms-card" aria-labelledby="measures-heading">
      <h2 id="measures-heading">{own ? t('trend.mine') : t('trend.staffTitle')}</h2>
      {due ? (
        <ul className="ms-due">
          {due.map((d) => (
            <li key={d.measure}>
              <span className={`badge ${STATUS[d.status][1]}`}>{t(STATUS[d.status][0])}</span>
              <span>
                {NAME[d.measure] ? t(NAME[d.measure]!) : d.measure}
                {own ? '' : `: ${d.reason}`}
              </span>
              {canFill && isFormMeasure(d.measure) ? (
                <Link to={fill(d.measure)} className={d.status === 'not-due' ? 'button button-secondary' : 'button'}>
                  {t('trend.fillIn')}
                  <span className="visually-hidden">
                    {' '}
                    {t('trend.fillInWhich', { name: t(`measures.${d.measure}.name`) })}
                  </span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canFill ? (
        <p>
          <Link to={`/patients/${patientId}/measures/new`}>{t('trend.another')}</Link>
        </p>
      ) : null}
      {series ? (
        series.some((s) => s.points.length > 0) ? (
          <MeasureTrends series={series} reader={own ? 'patient' : 'clinician'} />
        ) : (
          <p className="muted">{t('trend.none')}</p>
        )
      ) : null}
    </section>
  );
}
