import type { BookingWarning } from '../api/scheduling.ts';
import { formatDate } from '../format.ts';

/**
 * What booking told the desk about the patient's authorizations ("This is visit 13 of 12
 * authorized."): the visits are booked; the desk decides whether to ask the payer or the patient.
 */
export function BookingWarnings({ warnings, dated = false }: { warnings: BookingWarning[]; dated?: boolean }) {
  if (warnings.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status">
      <p className="alert-title">Check the patient’s authorization</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.date}-${w.message}`}>
            {dated ? `${formatDate(w.date)}: ` : ''}
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
