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
  code: string; name: string; discipline: Service['discipline']; durationMinutes: string; bufferAfterMinutes: string;
  needsRoom: boolean; isInitial: boolean; active: boolean; requirements: RequirementDraft[];
}

const draftOf = (s: Service | null): Draft => ({
  code: s?.code ?? '', name: s?.name ?? '', discipline: s?.discipline ?? 'nmt',
  durationMinutes: s ? String(s.durationMinutes) : '60', bufferAfterMinutes: s ? String(s.bufferAfterMinutes) : '10',
  needsRoom: s?.needsRoom ?? true, isInitial: s?.isInitial ?? false, active: s?.active ?? true,
  requirements: (s?.requirements ?? []).map(toDraft),
});

/** Creates a service (service = null) or edits one; the code and discipline are fixed once created. */
export function ServiceForm({ service }: { service: Service | null }) {
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
    };
    if (service) {
      const saved = await run(() => updateService(service.id, fields), 'Service saved.');
      if (saved) setDraft(draftOf(saved));
    } else {
      const created = await create({ ...fields, code: draft.code, discipline: draft.discipline }, createService, 'Service created.');
      if (created) navigate(`/admin/services/${created.id}`, { replace: true });
    }
  };

  return (
    <form className="adm-form panel" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
      <TextField name="name" maxLength={LIMIT.serviceName} label="Name" hint="As patients and the desk see it, e.g. NMT follow-up (45 min)" value={draft.name} onValue={(v) => edit({ name: v })} error={errors.name} />
      {service ? (
        <p><span className="label">Code and discipline</span>{service.code} · {DISCIPLINE_OPTIONS.find((o) => o.value === service.discipline)?.label}</p>
      ) : (
        <div className="adm-row">
          <TextField name="code" maxLength={LIMIT.serviceCode} label="Code" hint="Lowercase letters, digits and hyphens, e.g. nmt-followup-45; cannot change later." width="medium"
            value={draft.code} onValue={(v) => edit({ code: v })} error={errors.code} />
          <SelectField name="discipline" label="Category" value={draft.discipline} options={DISCIPLINE_OPTIONS}
            onValue={(v) => edit({ discipline: v as Draft['discipline'] })} error={errors.discipline} />
        </div>
      )}
      <div className="adm-row">
        <TextField name="durationMinutes" label="Length (minutes)" hint="Offer 60 and 90 min as two services." type="number" inputMode="numeric" width="short"
          value={draft.durationMinutes} onValue={(v) => edit({ durationMinutes: v })} error={errors.durationMinutes} />
        <TextField name="bufferAfterMinutes" label="Buffer after (minutes)" hint="Turnover time before the room and therapist are free again." type="number" inputMode="numeric" width="short"
          value={draft.bufferAfterMinutes} onValue={(v) => edit({ bufferAfterMinutes: v })} error={errors.bufferAfterMinutes} />
      </div>
      <div className="checkboxes">
        <Checkbox name="needsRoom" label="Needs a treatment room" checked={draft.needsRoom} onChecked={(v) => edit({ needsRoom: v })} />
        <Checkbox name="isInitial" label="A first visit (new patients book this)" checked={draft.isInitial} onChecked={(v) => edit({ isInitial: v })} />
        <Checkbox name="active" label="Can be booked" checked={draft.active} onChecked={(v) => edit({ active: v })} />
      </div>
      <RequirementsEditor value={draft.requirements} onChange={(requirements) => edit({ requirements })} errors={errors} />
      {errors.requirements ? <p className="error-message">{errors.requirements}</p> : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>{service ? 'Save service' : 'Create service'}</button>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}
