import { getSchedule } from '../../api/scheduling.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { WEEKDAYS } from '../../format.ts';
import { useResource } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { ExceptionsEditor, when } from './ExceptionsEditor.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import './admin.css';

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/**
 * A therapist's week and exceptions: editable by the managers of all their sites and by admins, read-only for other
 * staff.
 */
export function TherapistSchedule({ therapistId, locationIds }: { therapistId: string; locationIds: string[] }) {
  const locations = useLocations();
  const [schedule, setSchedule] = useResource(() => getSchedule(therapistId), [therapistId]);
  const siteName = (id: string) => locations.find((l) => l.id === id)?.name ?? 'Unknown site';
  const sites = locationIds.map((id) => ({
    value: id,
    label: siteName(id),
    timeZone: locations.find((l) => l.id === id)?.timeZone ?? 'UTC',
  }));

  if (schedule.status === 'loading' || locations.length === 0) return <Loading label="Loading the schedule…" />;
  if (schedule.status === 'error') return <ErrorView error={schedule.error} what="schedule" />;
  const s = schedule.data;
  const editable = s.can.edit;
  return (
    <>
      <section aria-labelledby="week-heading" className="section card adm-card">
        <h2 id="week-heading">Weekly schedule</h2>
        {editable ? (
          <TemplateEditor therapistId={therapistId} sites={sites} schedule={s} onSaved={setSchedule} />
        ) : s.templates.length === 0 ? (
          <p className="muted">No weekly shifts.</p>
        ) : (
          <ul className="plain-list">
            {[...s.templates]
              .sort(
                (a, b) =>
                  WEEK_ORDER.indexOf(a.weekday) - WEEK_ORDER.indexOf(b.weekday) || a.start.localeCompare(b.start),
              )
              .map((t) => (
                <li key={t.id}>
                  {WEEKDAYS[t.weekday]} {t.start}–{t.end} at {siteName(t.locationId)}
                </li>
              ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="exceptions-heading" className="section card adm-card">
        <h2 id="exceptions-heading">Time off and extra shifts</h2>
        {editable ? (
          <ExceptionsEditor
            key={s.exceptions.map((e) => e.id).join()}
            therapistId={therapistId}
            sites={sites}
            initial={s.exceptions}
          />
        ) : s.exceptions.length === 0 ? (
          <p className="muted">None to come.</p>
        ) : (
          <ul className="plain-list">
            {s.exceptions.map((e) => (
              <li key={e.id}>
                {e.kind === 'time-off' ? 'Time off' : 'Extra shift'}:{' '}
                {when(e, sites.find((x) => x.value === e.locationId)?.timeZone ?? sites[0]?.timeZone ?? 'UTC')}
                {e.reason ? ` (${e.reason})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
