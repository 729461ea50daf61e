import type { HomeCareListed } from '../../api/charting.ts';
import { Link } from '../../router.tsx';
import { dateLabel } from '../schedule/time.ts';
import './homecare.css';

/** On "My appointments": the latest home care, after the visit it came from. */
export function LatestHomeCareCard({ plans }: { plans: HomeCareListed[] }) {
  const latest = plans[0];
  if (!latest) return null;
  return (
    <section className="card hc-card" aria-labelledby="hc-card-title">
      <h2 id="hc-card-title">Your home care</h2>
      <p>
        From your visit on {dateLabel(latest.visitOn)} with {latest.therapistName}: what to do after the visit, and your
        stretches.
      </p>
      <p className="button-row">
        <Link className="button" to={`/home-care#plan-${latest.id}`}>
          Read your home care
        </Link>
      </p>
    </section>
  );
}
