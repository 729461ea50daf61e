import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDiagnosisCode,
  CONDITION_GROUPS,
  DIAGNOSIS_CODES,
  DIAGNOSIS_SOURCE,
  isValidDiagnosisCode,
  lookupDiagnosis,
  normalizeDiagnosisCode,
  searchDiagnoses,
} from './index.ts';

const codes = (query: string, options?: Parameters<typeof searchDiagnoses>[1]) =>
  searchDiagnoses(query, options).map((d) => d.code);

describe('the curated ICD-10-CM list', () => {
  it('cites the FY2026 release and has one entry per code', () => {
    expect(DIAGNOSIS_SOURCE.release).toMatch(/FY2026/);
    const all = DIAGNOSIS_CODES.map((d) => d.code);
    expect(new Set(all).size).toBe(all.length);
  });

  it('holds the codes the clinic writes, each billable to its full length', () => {
    for (const code of [
      'M54.2',
      'M54.50',
      'M54.51',
      'M54.59',
      'M54.6',
      'M79.10',
      'M79.11',
      'M79.12',
      'M79.18',
      'G44.209',
      'G44.219',
      'G44.229',
      'S13.4XXA',
      'S13.4XXD',
      'S13.4XXS',
      'S33.5XXA',
      'S16.1XXA',
      'S39.012A',
      'G57.01',
      'G57.03',
      'M54.12',
      'M54.16',
      'M54.31',
      'M54.42',
      'M25.511',
      'M25.552',
      'M25.561',
      'M26.621',
      'M72.2',
      'M77.11',
      'M62.830',
    ]) {
      expect(isValidDiagnosisCode(code), code).toBe(true);
    }
  });

  it('refuses the headings that lost billability (M54.5 in FY2022, M79.1 in FY2023) and points to their codes', () => {
    expect(isValidDiagnosisCode('M54.5')).toBe(false);
    expect(checkDiagnosisCode('M54.5')).toEqual({
      ok: false,
      reason: 'not-billable',
      message: 'M54.5 (low back pain) needs more characters to be billed; choose M54.50, M54.51 or M54.59',
      suggestions: ['M54.50', 'M54.51', 'M54.59'],
    });
    expect(checkDiagnosisCode('M79.1')).toMatchObject({
      reason: 'not-billable',
      suggestions: ['M79.10', 'M79.11', 'M79.12', 'M79.18'],
    });
  });

  it('needs the 7th character on injury codes', () => {
    expect(isValidDiagnosisCode('S13.4')).toBe(false);
    expect(isValidDiagnosisCode('S13.4XX')).toBe(false);
    expect(checkDiagnosisCode('S13.4')).toMatchObject({
      reason: 'not-billable',
      suggestions: ['S13.4XXA', 'S13.4XXD', 'S13.4XXS'],
    });
    expect(lookupDiagnosis('S33.5XXD')).toMatchObject({ encounter: 'subsequent', group: 'low-back', billable: true });
    expect(checkDiagnosisCode('S13.4XXB')).toMatchObject({
      reason: 'not-on-list',
      suggestions: ['S13.4XXA', 'S13.4XXD', 'S13.4XXS'],
    });
  });

  it('gives every sided code its side, and piriformis syndrome (G57.0-) a bilateral code', () => {
    expect(lookupDiagnosis('G57.03')).toMatchObject({
      side: 'both',
      title: 'Lesion of sciatic nerve, bilateral lower limbs',
    });
    expect(lookupDiagnosis('M25.519')).toMatchObject({ side: 'unspecified', title: 'Pain in unspecified shoulder' });
    expect(lookupDiagnosis('M26.623')).toMatchObject({
      side: 'both',
      title: 'Arthralgia of bilateral temporomandibular joint',
    });
    expect(lookupDiagnosis('M77.12')).toMatchObject({
      side: 'left',
      plainName: 'Tennis elbow (outer elbow pain), left side',
    });
  });

  it('puts every code in a condition group and never offers a heading as a choice', () => {
    const billable = new Set(DIAGNOSIS_CODES.filter((d) => d.billable).map((d) => d.code));
    for (const entry of DIAGNOSIS_CODES) {
      expect(CONDITION_GROUPS).toContain(entry.group);
      expect(entry.plainName.length).toBeGreaterThan(0);
      if (entry.billable) expect(entry.choose).toBeUndefined();
      else {
        expect(entry.choose!.length).toBeGreaterThan(0);
        for (const choice of entry.choose!) {
          expect(billable.has(choice), `${entry.code} → ${choice}`).toBe(true);
          expect(choice.replace('.', '').startsWith(entry.code.replace('.', ''))).toBe(true);
        }
      }
    }
    expect(lookupDiagnosis('M54.2')!.group).toBe('neck');
    expect(lookupDiagnosis('M54.50')!.group).toBe('low-back');
    expect(lookupDiagnosis('G44.209')!.group).toBe('head');
    expect(lookupDiagnosis('M25.511')!.group).toBe('shoulder');
    expect(lookupDiagnosis('G57.01')!.group).toBe('hip-leg');
    expect(lookupDiagnosis('M54.6')!.group).toBe('other');
  });
});

describe('search by code or words', () => {
  it('finds a code by its prefix, with or without the dot, in any case', () => {
    expect(codes('M54.5')).toEqual(['M54.5', 'M54.50', 'M54.51', 'M54.59']);
    expect(codes('m545')).toEqual(codes('M54.5'));
    expect(codes('s134')).toEqual(['S13.4', 'S13.4XXA', 'S13.4XXD', 'S13.4XXS']);
    expect(codes('M54.50')[0]).toBe('M54.50');
  });

  it('puts an exact code first, before codes it is a prefix of', () => {
    expect(codes('M54.1')[0]).toBe('M54.1');
    expect(codes('m5416')).toEqual(['M54.16']);
  });

  it('matches word prefixes in any order, in titles, plain names and other names', () => {
    expect(codes('whip')).toEqual(expect.arrayContaining(['S13.4XXA', 'S16.1XXA']));
    expect(codes('back low')).toEqual(expect.arrayContaining(['M54.50', 'S39.012A']));
    expect(codes('back low')).toEqual(codes('low back'));
    expect(codes('tennis')).toContain('M77.11');
    expect(codes('golfers')).toContain('M77.01');
    expect(codes('PIRIFORMIS')).toEqual(['G57.0', 'G57.00', 'G57.01', 'G57.02', 'G57.03']);
    expect(codes('tension headache chronic')).toEqual(['G44.22', 'G44.221', 'G44.229']);
  });

  it('mixes a code prefix with words', () => {
    expect(codes('M25 right')).toEqual(['M25.511', 'M25.551', 'M25.561']);
  });

  it('filters to billable codes or one condition group, and limits the answer', () => {
    expect(codes('low back', { billableOnly: true })).not.toContain('M54.5');
    expect(searchDiagnoses('pain', { group: 'shoulder' }).every((d) => d.group === 'shoulder')).toBe(true);
    expect(searchDiagnoses('pain', { limit: 3 })).toHaveLength(3);
  });

  it('returns nothing for an empty query or an unknown word', () => {
    expect(searchDiagnoses('   ')).toEqual([]);
    expect(searchDiagnoses('zebra')).toEqual([]);
  });

  it('every code is found by its own code and by its plain name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIAGNOSIS_CODES), (entry) => {
        expect(codes(entry.code)[0]).toBe(entry.code);
        expect(codes(entry.code.toLowerCase().replace('.', ''))[0]).toBe(entry.code);
        expect(codes(entry.plainName, { limit: 200 })).toContain(entry.code);
      }),
    );
  });
});

describe('checking a typed code', () => {
  it('accepts any spelling of a billable code', () => {
    expect(normalizeDiagnosisCode(' m54.50 ')).toBe('M54.50');
    expect(normalizeDiagnosisCode('s134xxa')).toBe('S13.4XXA');
    expect(checkDiagnosisCode('m5450')).toMatchObject({ ok: true, diagnosis: { code: 'M54.50' } });
  });

  it('says in plain words why a code is refused', () => {
    expect(checkDiagnosisCode('neck')).toMatchObject({
      ok: false,
      reason: 'malformed',
      message: '"neck" is not a diagnosis code; codes look like M54.2 or S13.4XXA',
    });
    expect(checkDiagnosisCode('Z99.9')).toMatchObject({
      reason: 'not-on-list',
      message: "Z99.9 is not on the clinic's diagnosis list",
    });
    expect(checkDiagnosisCode('M54.7')).toMatchObject({
      reason: 'not-on-list',
      message: expect.stringMatching(
        /^M54.7 is not on the clinic's diagnosis list; the nearest codes on it are M54.2, .* and more$/,
      ),
    });
    expect(isValidDiagnosisCode('')).toBe(false);
  });
});
