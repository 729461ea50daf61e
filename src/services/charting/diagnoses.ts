import {
  checkDiagnosisCode,
  CONDITION_GROUP_LABELS,
  lookupDiagnosis,
  searchDiagnoses,
  type ConditionGroup,
} from '../../clinical/diagnoses/index.ts';
import type { Actor } from '../context.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';

/** A diagnosis as the chart shows it: the code with its plain name and condition group. */
export interface DiagnosisView {
  code: string;
  plainName: string;
  title: string;
  group: ConditionGroup;
  groupLabel: string;
}

export function diagnosisView(code: string): DiagnosisView {
  const entry = lookupDiagnosis(code);
  // A stored code is always on the list (it was checked when saved); a later list change shows the bare code.
  if (!entry) return { code, plainName: code, title: code, group: 'other', groupLabel: CONDITION_GROUP_LABELS.other };
  return {
    code: entry.code,
    plainName: entry.plainName,
    title: entry.title,
    group: entry.group,
    groupLabel: CONDITION_GROUP_LABELS[entry.group],
  };
}

/**
 * The codes as stored (normalised, each once, primary first). A code not on the clinic's list, or
 * not complete enough to bill, is refused naming its place in the list, with the codes to use.
 */
export function validDiagnoses(input: readonly string[]): string[] {
  const fields: Record<string, string> = {};
  const codes: string[] = [];
  input.forEach((typed, index) => {
    const check = checkDiagnosisCode(typed);
    if (!check.ok) {
      fields[`diagnoses.${index}`] =
        check.reason === 'not-on-list'
          ? `${typed.trim().toUpperCase()} is not a code on the clinic's list` +
            `${check.suggestions.length ? `; the nearest are ${check.suggestions.slice(0, 6).join(', ')}` : ''}.`
          : `${check.message}.`;
    } else if (!codes.includes(check.diagnosis.code)) codes.push(check.diagnosis.code);
  });
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return codes;
}

/**
 * The picker's search, for clinic staff: billable codes only (those are the ones that can be saved). No patient data,
 * so no audit.
 */
export function searchClinicDiagnoses(actor: Actor, query: string, limit = 20): { diagnoses: DiagnosisView[] } {
  if (actor.role === 'patient') throw new ForbiddenError('The diagnosis list is for clinic staff.');
  return { diagnoses: searchDiagnoses(query, { billableOnly: true, limit }).map((d) => diagnosisView(d.code)) };
}
