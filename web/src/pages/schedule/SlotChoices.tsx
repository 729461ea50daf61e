import type { Slot } from '../../api/scheduling.ts';
import { dateLabel, timeAt, wallClock } from './time.ts';

export interface SlotNaming {
  /** IANA zone of each site, by location id. */
  zoneOf: (locationId: string) => string;
  therapistName: (therapistId: string) => string;
  siteName: (locationId: string) => string;
}

/** Slots by the site's local date, in time order. */
export function slotsByDay(slots: Slot[], zoneOf: (locationId: string) => string): [string, Slot[]][] {
  const days = new Map<string, Slot[]>();
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const date = wallClock(slot.start, zoneOf(slot.locationId)).date;
    days.set(date, [...(days.get(date) ?? []), slot]);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** One line that says the whole slot plainly: "Fri, Nov 27 at 10:15 am with Olivia Anderson at Beaverton". */
export function describeSlot(slot: Slot, naming: SlotNaming): string {
  const zone = naming.zoneOf(slot.locationId);
  const date = wallClock(slot.start, zone).date;
  return (
    `${dateLabel(date, 'short')} at ${timeAt(slot.start, zone)} with ${naming.therapistName(slot.therapistId)} ` +
    `at ${naming.siteName(slot.locationId)}`
  );
}

/**
 * The nearest free times the server offered after a refusal (409), as buttons to pick from.
 * An empty list says so plainly and suggests another day.
 */
export function AlternativeList({
  alternatives,
  naming,
  onPick,
  busy,
  headingLevel = 3,
}: {
  alternatives: Slot[];
  naming: SlotNaming;
  onPick: (slot: Slot) => void;
  busy?: boolean;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  if (alternatives.length === 0) {
    return <p>There are no free times close to that one. Try another day or another therapist.</p>;
  }
  return (
    <div className="sch-alternatives">
      <Heading className="sch-alternatives-title">Free times nearby</Heading>
      <ul className="plain-list sch-choice-list">
        {alternatives.map((slot) => (
          <li key={`${slot.start}-${slot.therapistId}-${slot.locationId}`}>
            <button
              type="button"
              className="button button-secondary sch-choice"
              disabled={busy}
              onClick={() => onPick(slot)}
            >
              {describeSlot(slot, naming)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
