import { REGION_CODES } from './codes-regions.ts';
import { SPINE_CODES } from './codes-spine.ts';
import type { DiagnosisCode } from './types.ts';

/**
 * Where the codes and titles come from. ICD-10-CM is maintained by the CDC's National Center for
 * Health Statistics with CMS and is in the public domain; a new fiscal-year release takes effect
 * each 1 October. Review this list against each release's addenda (code changes are listed there).
 */
export const DIAGNOSIS_SOURCE = {
  codeSet: 'ICD-10-CM',
  release: 'FY2026 (valid 1 October 2025 – 30 September 2026)',
  publisher: 'CDC National Center for Health Statistics and CMS — ICD-10-CM Tabular List and code descriptions, FY2026',
  notes: [
    'M54.5 (low back pain) is a heading since FY2022: bill M54.50, M54.51 or M54.59.',
    'M79.1 (myalgia) is a heading since FY2023: bill M79.10, M79.11, M79.12 or M79.18.',
    'Injury codes (S…) need a 7th character: A active treatment, D healing phase, S sequela.',
  ],
} as const;

/**
 * The curated list of musculoskeletal codes an NMT clinic writes: headings (not billable, with the
 * codes to choose instead) followed by their billable codes, in the order a picker should show them.
 */
export const DIAGNOSIS_CODES: readonly DiagnosisCode[] = [...SPINE_CODES, ...REGION_CODES];
