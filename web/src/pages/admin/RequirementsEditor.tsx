import type { Requirement } from '../../api/admin-scheduling.ts';
import { Checkbox, SelectField, TextField } from '../../components/Form.tsx';
import { errorAt, type FieldErrors } from './useSubmit.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

/** A requirement as edited: the credential types as one comma-separated line. */
export interface RequirementDraft {
  kind: 'licence' | 'certification';
  types: string;
  sameStateAsSite: boolean;
  label: string;
}

/** The credentials the clinic commonly asks for, so a manager need not remember the abbreviations. */
export const COMMON_REQUIREMENTS: (RequirementDraft & { name: string })[] = [
  {
    name: 'Massage licence in the site’s state',
    kind: 'licence',
    types: 'LMT, LMP, LMBT',
    sameStateAsSite: true,
    label: "an active massage licence in the site's state",
  },
  {
    name: 'NMT certification',
    kind: 'certification',
    types: 'CNMT',
    sameStateAsSite: false,
    label: 'a neuromuscular therapy certification (CNMT)',
  },
  {
    name: 'Chiropractic licence',
    kind: 'licence',
    types: 'DC',
    sameStateAsSite: true,
    label: "an active chiropractic licence (DC) in the site's state",
  },
  {
    name: 'Acupuncture licence',
    kind: 'licence',
    types: 'LAc',
    sameStateAsSite: true,
    label: "an active acupuncture licence (LAc) in the site's state",
  },
  {
    name: 'Corrective-exercise qualification',
    kind: 'certification',
    types: 'CES, CSCS, DPT, ATC',
    sameStateAsSite: false,
    label: 'a corrective-exercise qualification (CES, CSCS, DPT or ATC)',
  },
];

export const toDraft = (r: {
  kind: string;
  types: string[];
  sameStateAsSite?: boolean;
  label: string;
}): RequirementDraft => ({
  kind: r.kind === 'certification' ? 'certification' : 'licence',
  types: r.types.join(', '),
  sameStateAsSite: !!r.sameStateAsSite,
  label: r.label,
});

export const fromDraft = (d: RequirementDraft): Requirement => ({
  kind: d.kind,
  types: d.types
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
  ...(d.kind === 'licence' ? { sameStateAsSite: d.sameStateAsSite } : {}),
  label: d.label,
});

/** Every requirement must hold: a therapist lacking any of them (valid on the visit's date) is not offered. */
export function RequirementsEditor({
  value,
  onChange,
  errors,
}: {
  value: RequirementDraft[];
  onChange: (v: RequirementDraft[]) => void;
  errors: FieldErrors;
}) {
  const set = (i: number, change: Partial<RequirementDraft>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const addCommon = (name: string) => {
    const preset = COMMON_REQUIREMENTS.find((p) => p.name === name);
    if (!preset) return;
    const { name: _name, ...draft } = preset;
    onChange([...value, draft]);
  };
  return (
    <fieldset className="fieldset adm-requirements">
      <legend>Required credentials</legend>
      <p className="hint">
        A therapist is offered for this service only with every credential below, valid on the day of the visit.
      </p>
      {value.length === 0 ? <p className="muted">None: any therapist of the discipline may be booked.</p> : null}
      {value.map((r, i) => (
        <fieldset key={i} className="adm-requirement">
          <legend>Requirement {i + 1}</legend>
          <div className="adm-row">
            <SelectField
              name={`requirements.${i}.kind`}
              label="Kind"
              value={r.kind}
              onValue={(v) => set(i, { kind: v as RequirementDraft['kind'] })}
              options={[
                { value: 'licence', label: 'Licence' },
                { value: 'certification', label: 'Certification' },
              ]}
              error={errorAt(errors, `requirements.${i}.kind`)}
            />
            <TextField
              name={`requirements.${i}.types`}
              maxLength={200}
              label="Accepted credential types"
              hint="Abbreviations, separated by commas, e.g. LMT, LMBT"
              width="medium"
              value={r.types}
              onValue={(v) => set(i, { types: v })}
              error={errorAt(errors, `requirements.${i}.types`)}
            />
          </div>
          {r.kind === 'licence' ? (
            <Checkbox
              name={`requirements.${i}.sameStateAsSite`}
              label="Must be issued by the site’s state"
              checked={r.sameStateAsSite}
              onChecked={(v) => set(i, { sameStateAsSite: v })}
            />
          ) : null}
          <TextField
            name={`requirements.${i}.label`}
            maxLength={LIMIT.serviceName}
            label="Described as"
            hint="Shown to staff when nobody qualifies, e.g. “an NMT certification (CNMT)”"
            value={r.label}
            onValue={(v) => set(i, { label: v })}
            error={errorAt(errors, `requirements.${i}.label`)}
          />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            Remove requirement {i + 1}
          </button>
        </fieldset>
      ))}
      <div className="button-row adm-row">
        <SelectField
          name="add-common"
          label="Add a common requirement"
          value=""
          onValue={addCommon}
          options={[
            { value: '', label: 'Choose…' },
            ...COMMON_REQUIREMENTS.map((p) => ({ value: p.name, label: p.name })),
          ]}
        />
        <button
          type="button"
          className="button button-secondary adm-inline-button"
          onClick={() => onChange([...value, { kind: 'certification', types: '', sameStateAsSite: false, label: '' }])}
        >
          Add another requirement
        </button>
      </div>
    </fieldset>
  );
}
