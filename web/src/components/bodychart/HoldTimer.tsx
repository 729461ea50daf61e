import { useEffect, useRef, useState } from 'react';
import { NumberScale } from './NumberScale.tsx';

export interface HoldResult {
  holdSeconds: number;
  painRating: number;
  releaseAchieved: boolean;
}

/** The clinic's hold band (10–30 s, as the protocol module's TECHNIQUES use). */
export const HOLD_BAND = { min: 10, max: 30 };
const BAR_MAX = 40;

/**
 * The tablet hold timer: one huge Start/Stop button a thumb finds without looking, the seconds in
 * very large digits against the 10–30 s band, then the pain rating as ten big buttons. Each
 * finished hold is handed to `onHold` (which posts one treatment step).
 */
export function HoldTimer({ disabled, disabledReason, onHold }: { disabled?: boolean; disabledReason?: string; onHold: (hold: HoldResult) => Promise<void> }) {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  const [held, setHeld] = useState<number | null>(null);
  const [release, setRelease] = useState(false);
  const [posting, setPosting] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (startedAt === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 200);
    return () => window.clearInterval(timer);
  }, [startedAt]);

  const elapsed = startedAt !== null ? Math.max(0, Math.floor((now - startedAt) / 1000)) : held ?? 0;
  const running = startedAt !== null;
  const inBand = elapsed >= HOLD_BAND.min && elapsed <= HOLD_BAND.max;
  const toggle = () => {
    if (running) {
      setHeld(Math.max(1, Math.round((Date.now() - startedAt) / 1000)));
      setStartedAt(null);
    } else {
      const t = Date.now();
      setHeld(null);
      setRelease(false);
      setNow(t);
      setStartedAt(t);
    }
  };
  const rate = async (painRating: number) => {
    if (held === null || posting) return;
    setPosting(true);
    try {
      await onHold({ holdSeconds: held, painRating, releaseAchieved: release });
      setHeld(null);
      buttonRef.current?.focus();
    } finally {
      setPosting(false);
    }
  };

  return (
    <section className="ch-timer" aria-labelledby="ch-timer-title">
      <h3 id="ch-timer-title" className="visually-hidden">Hold timer</h3>
      <div className="ch-timer-readout">
        <p className={`ch-timer-digits${running ? ' is-running' : ''}${inBand ? ' is-in-band' : ''}`} aria-live="off">
          <span className="ch-timer-number" data-testid="hold-seconds">{elapsed}</span>
          <span className="ch-timer-unit">s</span>
        </p>
        <div className="ch-timer-band" aria-hidden="true">
          <span className="ch-timer-band-zone" style={{ left: `${(HOLD_BAND.min / BAR_MAX) * 100}%`, width: `${((HOLD_BAND.max - HOLD_BAND.min) / BAR_MAX) * 100}%` }} />
          <span className="ch-timer-band-now" style={{ left: `${(Math.min(elapsed, BAR_MAX) / BAR_MAX) * 100}%` }} />
        </div>
        <p className="ch-timer-target">
          Target hold {HOLD_BAND.min}–{HOLD_BAND.max} s
          {elapsed > HOLD_BAND.max ? <strong className="ch-timer-over"> · past 30 s: release</strong> : null}
        </p>
      </div>
      <button
        ref={buttonRef}
        type="button"
        className={`ch-timer-button${running ? ' is-running' : ''}`}
        onClick={toggle}
        disabled={disabled || posting || (held !== null && !running)}
        aria-describedby={disabled && disabledReason ? 'ch-timer-why' : undefined}
      >
        {running ? 'Stop' : 'Start hold'}
      </button>
      {disabled && disabledReason ? <p id="ch-timer-why" className="ch-timer-why">{disabledReason}</p> : null}
      {held !== null ? (
        <div className="ch-timer-rate">
          <p className="ch-timer-held" role="status">Held {held} s. How much did it hurt during the pressure?</p>
          <div className="checkbox ch-big-check">
            <input type="checkbox" id="ch-release" checked={release} onChange={(e) => setRelease(e.target.checked)} />
            <label htmlFor="ch-release">Release felt</label>
          </div>
          <NumberScale legend="Pain during pressure (1–10)" min={1} max={10} value={null} onValue={(n) => void rate(n)} tone="pain"
            lowLabel="1 barely" highLabel="10 worst" hint="Aim for 5–7. Above 7 ease off; at 9 or 10 release now." name="hold-pain" />
          <button type="button" className="button button-secondary" onClick={() => setHeld(null)}>Discard this hold</button>
        </div>
      ) : null}
    </section>
  );
}
