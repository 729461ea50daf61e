import { useEffect, useRef, useState } from 'react';
import type { AffectedVisits as Affected } from '../../api/schedule-changes.ts';
import type { Appointment } from '../../api/scheduling.ts';
import { plural } from '../../format.ts';
import { AffectedVisits } from '../schedule/AffectedVisits.tsx';

type CheckState =
  | null
  | { stage: 'confirm'; found: Affected; what: string; confirmLabel: string; save: () => Promise<boolean> }
  | { stage: 'resolve'; visits: Appointment[]; notShown: number };

/**
 * A schedule change over booked visits is never saved silently: after its preview, a change that
 * touches no booking saves at once; otherwise the visits are listed and the manager confirms, then
 * resolves each (or all) right there.
 */
export function useBookingCheck() {
  const [state, setState] = useState<CheckState>(null);
  const gate = async (
    found: Affected | undefined,
    save: () => Promise<boolean>,
    words: { what: string; confirmLabel: string },
  ): Promise<void> => {
    if (!found) return;
    if (found.affected.length === 0 && found.notShown === 0) {
      if (await save()) setState(null);
      return;
    }
    setState({ stage: 'confirm', found, save, ...words });
  };
  return { gate, view: <BookingCheck state={state} setState={setState} />, pending: state?.stage === 'confirm' };
}

function BookingCheck({ state, setState }: { state: CheckState; setState: (s: CheckState) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), [state?.stage]);
  if (!state) return null;
  if (state.stage === 'resolve') {
    return (
      <section className="cv-check" aria-labelledby="cv-resolve-title">
        <h3 id="cv-resolve-title" tabIndex={-1} ref={heading}>
          Visits that need a new time
        </h3>
        <p>
          Saved. These visits stay booked, marked on the calendar and in each patient’s appointments, until you resolve
          them.
        </p>
        <AffectedVisits key="resolve" visits={state.visits} resolve />
        {state.notShown > 0 ? (
          <p>
            {plural(state.notShown, 'more visit')} at sites you do not manage: their desks see them on their calendars.
          </p>
        ) : null}
        <button type="button" className="button button-secondary" onClick={() => setState(null)}>
          Done
        </button>
      </section>
    );
  }
  const { found } = state;
  const count = found.affected.length + found.notShown;
  const confirm = async () => {
    setBusy(true);
    try {
      if (await state.save()) setState({ stage: 'resolve', visits: found.affected, notShown: found.notShown });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="cv-check" aria-labelledby="cv-confirm-title">
      <h3 id="cv-confirm-title" tabIndex={-1} ref={heading}>
        {plural(count, 'booked visit')} {state.what}
      </h3>
      <p>
        Saving does not cancel them. After saving you can email each patient a link to choose a new time, move them to
        another therapist or site, or cancel them with a message.
      </p>
      <AffectedVisits key="confirm" visits={found.affected} resolve={false} />
      {found.notShown > 0 ? <p>And {plural(found.notShown, 'visit')} at sites you do not manage.</p> : null}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
          {state.confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setState(null)}>
          Go back and change it
        </button>
      </div>
    </section>
  );
}
