import { useState } from 'react';
import { updateBookingSettings, type BookingSettingsUpdate } from '../../api/admin-scheduling.ts';
import { getBookingSettings, type BookingSettings } from '../../api/scheduling.ts';
import { SelectField, TextField } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useUser } from '../../session.tsx';
import { errorAt, numberOrText, Outcome, useSubmit } from './useSubmit.tsx';
import { AdminTabs } from './AdminTabs.tsx';
import './admin.css';

type Key = Exclude<keyof BookingSettings, 'reminderHours'>;
const FIELDS: { key: Key; label: string; unit: string; hint: string }[] = [
  {
    key: 'minNoticeMinutes',
    label: 'Minimum notice',
    unit: 'minutes',
    hint: 'No booking closer than this to its start, so the desk can prepare the room.',
  },
  { key: 'horizonDays', label: 'Booking horizon', unit: 'days', hint: 'How far ahead bookings open.' },
  {
    key: 'cancellationPolicyHours',
    label: 'Cancellation window',
    unit: 'hours',
    hint:
      'A cancellation inside this many hours of the start is late; patients must call instead of ' +
      'cancelling online.',
  },
  {
    key: 'offerHoldMinutes',
    label: 'Waitlist hold',
    unit: 'minutes',
    hint: 'How long a freed slot is held for the waitlisted patient it is offered to.',
  },
];
const STEPS = ['5', '10', '15', '20', '30', '60'].map((v) => ({ value: v, label: `Every ${v} minutes` }));

function SettingsForm({ initial }: { initial: BookingSettings }) {
  const [draft, setDraft] = useState(() => ({
    ...(Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, String(v)])) as Record<Key, string>),
    reminderHours: initial.reminderHours.join(', '),
  }));
  const { errors, outcome, busy, run } = useSubmit();
  const save = async () => {
    const { reminderHours, ...numbers } = draft;
    const changes = {
      ...Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, numberOrText(v)])),
      reminderHours: reminderHours
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean)
        .map(numberOrText),
    } as unknown as BookingSettingsUpdate;
    await run(() => updateBookingSettings(changes), 'Booking settings saved.');
  };
  return (
    <form
      className="adm-form panel"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      {FIELDS.map((f) => (
        <TextField
          key={f.key}
          name={f.key}
          label={`${f.label} (${f.unit})`}
          hint={f.hint}
          type="number"
          inputMode="numeric"
          width="short"
          value={draft[f.key]}
          onValue={(v) => setDraft((d) => ({ ...d, [f.key]: v }))}
          error={errors[f.key]}
        />
      ))}
      <SelectField
        name="slotStepMinutes"
        label="Start times offered"
        hint="The grid of the local clock that appointment starts fall on."
        value={draft.slotStepMinutes}
        options={STEPS}
        onValue={(v) => setDraft((d) => ({ ...d, slotStepMinutes: v }))}
        error={errors.slotStepMinutes}
      />
      <TextField
        name="reminderHours"
        maxLength={40}
        label="Reminders (hours before the visit)"
        hint="Separated by commas, e.g. 48, 2. Leave empty to send no reminders."
        width="medium"
        value={draft.reminderHours}
        onValue={(v) => setDraft((d) => ({ ...d, reminderHours: v }))}
        error={errorAt(errors, 'reminderHours')}
      />
      <button type="submit" className="button" disabled={busy}>
        Save booking settings
      </button>
      <Outcome outcome={outcome} />
    </form>
  );
}

/** Organisation-wide booking rules: admins change them, managers read them. */
export function BookingSettingsPage() {
  usePageTitle('Booking settings');
  const user = useUser();
  const [settings] = useResource(() => getBookingSettings(), []);
  if (settings.status === 'loading') return <Loading />;
  if (settings.status === 'error') return <ErrorView error={settings.error} missingIsUnavailable="Booking settings" />;
  const s = settings.data;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Booking settings</h1>
          <p className="lead">Rules every site books by.</p>
        </div>
      </div>
      <AdminTabs />
      {user.can.editBookingSettings ? (
        <SettingsForm initial={s} />
      ) : (
        <section className="panel" aria-label="Current booking settings">
          <p className="muted">Only an administrator can change these.</p>
          <dl className="summary-list">
            {FIELDS.map((f) => (
              <div className="summary-row" key={f.key}>
                <dt>{f.label}</dt>
                <dd>
                  {s[f.key]} {f.unit}
                </dd>
              </div>
            ))}
            <div className="summary-row">
              <dt>Start times offered</dt>
              <dd>Every {s.slotStepMinutes} minutes</dd>
            </div>
            <div className="summary-row">
              <dt>Reminders</dt>
              <dd>
                {s.reminderHours.length === 0
                  ? 'None'
                  : `${s.reminderHours.map((h) => `${h} h`).join(', ')} before the visit`}
              </dd>
            </div>
          </dl>
        </section>
      )}
    </>
  );
}
