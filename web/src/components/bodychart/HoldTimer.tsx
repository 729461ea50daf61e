import { useEffect, useRef, useState } from 'react';
import { PAIN_STOP_AT } from '../../../../src/clinical/protocol/hold-and-pain.ts';
import { NumberScale } from './NumberScale.tsx';

export interface HoldResult {
  holdSeconds: number;
  painRating: number;
  releaseAchieved: boolean;
}

/** The clinic's compression hold (10–30 s), used when the technique names no range of its own. */
export const HOLD_BAND = { min: 10, max: 30 };

/**
 * The tablet hold timer: one huge Start/Stop button a thumb finds without looking, the seconds in
 * very large digits against the technique's band, the pain scale during the hold (a 9 or 10 ends
 * the hold at once and is recorded), then the pain rating as ten big buttons. Each finished hold
 * is handed to `onHold` (which posts one treatment step).
 */
export function HoldTimer({
  disabled,
  disabledReason,
  onHold,
  band = HOLD_BAND,
  timedPart = 'hold',
  painHint,
}: {
  disabled?: boolean;
  disabledReason?: string;
  onHold: (hold: HoldResult) => Promise<void>;
  /** The technique's seconds, or null when it has no timed hold (the timer still counts). */
  band?: { min: number; max: number } | null;
  timedPart?: string;
  /** What to aim for, from the technique and today's screening (see painGuidance). */
  painHint: string;
}) {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  const [held, setHeld] = useState<number | null>(null);
  const [painNow, setPainNow] = useState<number | null>(null);
  const [release, setRelease] = useState(false);
  const [posting, setPosting] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (startedAt === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 200);
    return () => window.clearInterval(timer);
  }, [startedAt]);

  const elapsed = startedAt !== null ? Math.max(0, Math.floor((now - startedAt) / 1000)) : (held ?? 0);
  const running = startedAt !== null;
  const inBand = band !== null && elapsed >= band.min && elapsed <= band.max;
  const barMax = band ? Math.round((band.max * 4) / 3) : 40;
  const secondsSoFar = () => Math.max(1, Math.round((Date.now() - (startedAt ?? Date.now())) / 1000));
  const post = async (hold: HoldResult) => {
    setPosting(true);
    try {
      await onHold(hold);
      setHeld(null);
      setPainNow(null);
      buttonRef.current?.focus();
    } finally {
      setPosting(false);
    }
  };
  const toggle = () => {
    if (running) {
      setHeld(secondsSoFar());
      setStartedAt(null);
    } else {
      const t = Date.now();
      setHeld(null);
      setPainNow(null);
      setRelease(false);
      setNow(t);
      setStartedAt(t);
    }
  };
  // A rating during the hold: 9 or 10 ends it there and then (the stop alert comes with the step).
  const rateDuring = (pain: number) => {
    if (!running) return;
    setPainNow(pain);
    if (pain < PAIN_STOP_AT) return;
    const seconds = secondsSoFar();
    setStartedAt(null);
    setHeld(seconds);
    void post({ holdSeconds: seconds, painRating: pain, releaseAchieved: false });
  };
  const rate = (painRating: number) => {
    if (held === null || posting) return;
    void post({ holdSeconds: held, painRating, releaseAchieved: release });
  };

  return (
    <section className="ch-timer" aria-labelledby="ch-timer-title">
      <h3 id="ch-timer-title" className="visually-hidden">
        Hold timer
      </h3>
      <div className="ch-timer-readout">
        <p className={`ch-timer-digits${running ? ' is-running' : ''}${inBand ? ' is-in-band' : ''}`} aria-live="off">
          <span className="ch-timer-number" data-testid="hold-seconds">
            {elapsed}
          </span>
          <span className="ch-timer-unit">s</span>
        </p>
        {band ? (
          <>
            <div className="ch-timer-band" aria-hidden="true">
              <span
                className="ch-timer-band-zone"
                style={{ left: `${(band.min / barMax) * 100}%`, width: `${((band.max - band.min) / barMax) * 100}%` }}
              />
              <span className="ch-timer-band-now" style={{ left: `${(Math.min(elapsed, barMax) / barMax) * 100}%` }} />
            </div>
            <p className="ch-timer-target">
              Target {timedPart} {band.min}–{band.max} s
              {elapsed > band.max ? <strong className="ch-timer-over"> · past {band.max} s: release</strong> : null}
            </p>
          </>
        ) : (
          <p className="ch-timer-target">No timed hold for this technique</p>
        )}
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
      {disabled && disabledReason ? (
        <p id="ch-timer-why" className="ch-timer-why">
          {disabledReason}
        </p>
      ) : null}
      {running ? (
        <div className="ch-timer-rate">
          <NumberScale
            legend="Pain now, during the pressure (1–10)"
            min={1}
            max={10}
            value={painNow}
            onValue={rateDuring}
            tone="pain"
            lowLabel="1 barely"
            highLabel="10 worst"
            hint={painHint}
            name="pain-now"
          />
        </div>
      ) : null}
      {held !== null && !posting ? (
        <div className="ch-timer-rate">
          <p className="ch-timer-held" role="status">
            Held {held} s. How much did it hurt during the pressure?
          </p>
          <div className="checkbox ch-big-check">
            <input type="checkbox" id="ch-release" checked={release} onChange={(e) => setRelease(e.target.checked)} />
            <label htmlFor="ch-release">Release felt</label>
          </div>
          <NumberScale
            legend="Pain during pressure (1–10)"
            min={1}
            max={10}
            value={painNow}
            onValue={rate}
            tone="pain"
            lowLabel="1 barely"
            highLabel="10 worst"
            hint={painHint}
            name="hold-pain"
          />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setHeld(null);
              setPainNow(null);
            }}
          >
            Discard this hold
          </button>
        </div>
      ) : null}
    </section>
  );
}
