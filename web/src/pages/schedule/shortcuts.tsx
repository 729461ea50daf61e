import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface CalendarKeys {
  prev: () => void;
  next: () => void;
  today: () => void;
  day: () => void;
  week: () => void;
}

/** Typing in a field, or a key with a modifier, is never a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
}

/** ← / → previous and next day (or week), t today, d day view, w week view. */
export function useCalendarKeys(keys: CalendarKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const action = { ArrowLeft: 'prev', ArrowRight: 'next', t: 'today', d: 'day', w: 'week' }[event.key] as
        keyof CalendarKeys | undefined;
      if (!action) return;
      // Inside a scrolling area the arrows scroll it (its keyboard users need them to see every column).
      if (event.key.startsWith('Arrow') && (event.target as HTMLElement | null)?.closest?.('[data-own-arrows]')) return;
      event.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

const SHORTCUTS: [string, string][] = [
  ['←', 'Previous day (week in week view)'],
  ['→', 'Next day (week in week view)'],
  ['t', 'Today'],
  ['d', 'Day view'],
  ['w', 'Week view'],
];

/** A disclosure button with the shortcuts; Escape closes it and returns focus to the button. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    }
  };
  return (
    <div className="sch-help" onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={button}
        className="button button-secondary"
        aria-expanded={open}
        aria-controls="sch-help-popover"
        onClick={() => setOpen((o) => !o)}
      >
        Keyboard shortcuts
      </button>
      <div id="sch-help-popover" className="sch-help-popover" hidden={!open}>
        <table className="table table-compact">
          <caption className="visually-hidden">Keyboard shortcuts</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(([key, does]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="small-print">
          Shortcuts work when the cursor is not in a text box; inside the calendar grid the arrows scroll it.
        </p>
      </div>
    </div>
  );
}
