import { useState } from 'react';
import { createService, updateService } from '../../api/admin-scheduling.ts';
import type { Service } from '../../api/scheduling.ts';
import { Checkbox, SelectField, TextField } from '../../components/Form.tsx';
import { navigate } from '../../router.tsx';
import { DISCIPLINE_OPTIONS } from './disciplines.ts';
import { fromDraft, RequirementsEditor, toDraft, type RequirementDraft } from './RequirementsEditor.tsx';
import { numberOrText, Outcome, useSubmit } from './useSubmit.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

interface Draft {
  code: string;
  name: string;
  discipline: Service['discipline'];
  durationMinutes: string;
  bufferAfterMinutes: string;
  needsRoom: boolean;
  isInitial: boolean;
  active: boolean;
  requirements: RequirementDraft[];
  price: string;
  currency: string;
}

/** 12000 → "120.00"; no price → "". */
const priceText = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2));

/**
 * "120", "120.5" or "$1,200.00" → cents; empty → null (no price). Anything else is sent as typed,
 * so the server names the field in its own words.
 */
export function centsOf(text: string): number | null | string {
  const plain = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (plain === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return text.trim();
  const [whole, fraction = ''] = plain.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

const draftOf = (s: Service | null): Draft => ({
  code: s?.code ?? '',
  name: s?.name ?? '',
  discipline: s?.discipline ?? 'nmt',
  durationMinutes: s ? String(s.durationMinutes) : '60',
  bufferAfterMinutes: s ? String(s.bufferAfterMinutes) : '10',
  needsRoom: s?.needsRoom ?? true,
  isInitial: s?.isInitial ?? false,
  active: s?.active ?? true,
  requirements: (s?.requirements ?? []).map(toDraft),
  price: priceText(s?.priceCents ?? null),
  currency: s?.currency ?? 'USD',
});

/** Creates a service (service = null) or edits one; the code and discipline are fixed once created. */
export function ServiceForm({ service, onSaved }: { service: Service | null; onSaved?: (service: Service) => void }) {
  const [draft, setDraft] = useState(() => draftOf(service));
  const { errors, outcome, busy, run, create } = useSubmit();
  const edit = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const save = async () => {
    const fields = {
      name: draft.name,
      durationMinutes: numberOrText(draft.durationMinutes) as number,
      bufferAfterMinutes: numberOrText(draft.bufferAfterMinutes) as number,
      needsRoom: draft.needsRoom,
      isInitial: draft.isInitial,
      active: draft.active,
      requirements: draft.requirements.map(fromDraft),
      priceCents: centsOf(draft.price) as number | null,
      currency: draft.currency.trim().toUpperCase(),
    };
    if (service) {
      const saved = await run(() => updateService(service.id, fields), 'Service saved.');
      if (saved) {
        setDraft(draftOf(saved));
        onSaved?.(saved);
      }
    } else {
      const created = await create(
        { ...fields, code: draft.code, discipline: draft.discipline },
        createService,
        'Service created.',
      );
      if (created) navigate(`/admin/services/${created.id}`, { replace: true });
    }
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
      <TextField
        name="name"
        maxLength={LIMIT.serviceName}
        label="Name"
        hint="As patients and the desk see it, e.g. NMT follow-up (45 min)"
        value={draft.name}
        onValue={(v) => edit({ name: v })}
        error={errors.name}
      />
      {service ? (
        <p>
          <span className="label">Code and discipline</span>
          {service.code} · {DISCIPLINE_OPTIONS.find((o) => o.value === service.discipline)?.label}
        </p>
      ) : (
        <div className="adm-row">
          <TextField
            name="code"
            maxLength={LIMIT.serviceCode}
            label="Code"
            hint="Lowercase letters, digits and hyphens, e.g. nmt-followup-45; cannot change later."
            width="medium"
            value={draft.code}
            onValue={(v) => edit({ code: v })}
            error={errors.code}
          />
          <SelectField
            name="discipline"
            label="Category"
            value={draft.discipline}
            options={DISCIPLINE_OPTIONS}
            onValue={(v) => edit({ discipline: v as Draft['discipline'] })}
            error={errors.discipline}
          />
        </div>
      )}
      <div className="adm-row">
        <TextField
          name="durationMinutes"
          label="Length (minutes)"
          hint="Offer 60 and 90 min as two services."
          type="number"
          inputMode="numeric"
          width="short"
          value={draft.durationMinutes}
          onValue={(v) => edit({ durationMinutes: v })}
          error={errors.durationMinutes}
        />
        <TextField
          name="bufferAfterMinutes"
          label="Buffer after (minutes)"
          hint="Turnover time before the room and therapist are free again."
          type="number"
          inputMode="numeric"
          width="short"
          value={draft.bufferAfterMinutes}
          onValue={(v) => edit({ bufferAfterMinutes: v })}
          error={errors.bufferAfterMinutes}
        />
      </div>
      <div className="adm-row">
        <TextField
          name="priceCents"
          label="Price"
          hint="What patients pay, e.g. 120.00. Empty: no price shown."
          inputMode="decimal"
          width="short"
          value={draft.price}
          onValue={(v) => edit({ price: v })}
          error={errors.priceCents}
          maxLength={20}
        />
        <TextField
          name="currency"
          label="Currency"
          hint="Three letters, e.g. USD."
          width="short"
          autoCapitalize="characters"
          value={draft.currency}
          onValue={(v) => edit({ currency: v })}
          error={errors.currency}
          maxLength={3}
        />
      </div>
      <div className="checkboxes">
        <Checkbox
          name="needsRoom"
          label="Needs a treatment room"
          checked={draft.needsRoom}
          onChecked={(v) => edit({ needsRoom: v })}
        />
        <Checkbox
          name="isInitial"
          label="A first visit (new patients book this)"
          checked={draft.isInitial}
          onChecked={(v) => edit({ isInitial: v })}
        />
        <Checkbox name="active" label="Can be booked" checked={draft.active} onChecked={(v) => edit({ active: v })} />
      </div>
      <RequirementsEditor
        value={draft.requirements}
        onChange={(requirements) => edit({ requirements })}
        errors={errors}
      />
      {errors.requirements ? <p className="error-message">{errors.requirements}</p> : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {service ? 'Save service' : 'Create service'}
        </button>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}
