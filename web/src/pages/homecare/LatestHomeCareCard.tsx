import type { HomeCareListed } from '../../api/charting.ts';
import { Link } from '../../router.tsx';
import { useFormat, useT } from '../../i18n/t.ts';
import './homecare.css';

/** On "My appointments": the latest home care, after the visit it came from. */
export function LatestHomeCareCard({ plans }: { plans: HomeCareListed[] }) {
  const t = useT();
  const format = useFormat();
  const latest = plans[0];
  if (!latest) return null;
  return (
    <section className="card hc-card" aria-labelledby="hc-card-title">
      <h2 id="hc-card-title">{t('homecare.card.title')}</h2>
      <p>{t('homecare.card.body', { date: format.date(latest.visitOn), therapist: latest.therapistName })}</p>
      <p className="button-row">
        <Link className="button" to={`/home-care#plan-${latest.id}`}>
          {t('homecare.card.read')}
        </Link>
      </p>
    </section>
  );
}
