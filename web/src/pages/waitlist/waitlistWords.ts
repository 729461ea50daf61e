import type { TimeOfDay, WaitlistEntry } from '../../api/waitlist.ts';
import { dateLabel, timeAt, wallClock } from '../schedule/time.ts';

export const TIME_OF_DAY_CHOICES: { value: TimeOfDay | ''; label: string }[] = [
  { value: '', label: 'Any time of day' },
  { value: 'morning', label: 'Mornings (before 12 pm)' },
  { value: 'afternoon', label: 'Afternoons (12 pm to 5 pm)' },
  { value: 'evening', label: 'Evenings (after 5 pm)' },
];

export function timeOfDayLabel(value: TimeOfDay | null): string {
  return TIME_OF_DAY_CHOICES.find((c) => c.value === (value ?? ''))!.label;
}

/** "Dec 1 – Dec 12" or "Tue, Dec 1" for a one-day window. */
export function windowLabel(entry: Pick<WaitlistEntry, 'earliest' | 'latest'>): string {
  return entry.earliest === entry.latest
    ? dateLabel(entry.earliest, 'short')
    : `${dateLabel(entry.earliest, 'short')} – ${dateLabel(entry.latest, 'short')}`;
}

/** An instant as the site's clock reads it: "Tue, Dec 1, 9:15 am". */
export function siteTime(instant: string, timeZone: string): string {
  return `${dateLabel(wallClock(instant, timeZone).date, 'short')}, ${timeAt(instant, timeZone)}`;
}

export interface EntryState {
  label: 'Waiting' | 'Offered' | 'Booked' | 'Removed' | 'Expired';
  badge: string;
}

/**
 * The state a person reads: an offer on the entry shows as "Offered" (with its hold's end beside
 * it); an open entry whose last wanted day has passed has "Expired" (nothing can be offered any more).
 */
export function entryState(entry: WaitlistEntry, today: string): EntryState {
  if (entry.status === 'booked') return { label: 'Booked', badge: 'badge-success' };
  if (entry.status === 'removed') return { label: 'Removed', badge: 'badge-neutral' };
  if (entry.offer) return { label: 'Offered', badge: 'badge-warning' };
  if (entry.latest < today) return { label: 'Expired', badge: 'badge-danger' };
  return { label: 'Waiting', badge: 'badge-neutral' };
}
