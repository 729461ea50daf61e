import { describe, expect, it } from 'vitest';
import { autoClaim, chargeLine } from '../../../test/support/billing-claims.ts';
import { money } from '../money.ts';
import { build837p } from './claim-837p.ts';
import type { ClaimBatch } from './claim-837p.ts';
import { checkX12 } from './validate.ts';

const batch = (overrides: Partial<ClaimBatch> = {}): ClaimBatch => ({
  sender: {
    qualifier: 'ZZ',
    id: 'KNOTWORK01',
    name: 'Knotwork NMT',
    contactName: 'Billing desk',
    contactPhone: '(518) 555-0100',
  },
  receiver: { qualifier: 'ZZ', id: 'CLEARHOUSE', name: 'Clearing House' },
  interchangeControlNumber: 42,
  groupControlNumber: 7,
  createdOn: '2026-03-03',
  createdAt: '09:30',
  usage: 'T',
  claims: [autoClaim()],
  ...overrides,
});

function text(b: ClaimBatch): string {
  const result = build837p(b);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return result.text;
}
const segments = (t: string) => t.split('~').filter((s) => s !== '');
const find = (t: string, tag: string) => segments(t).filter((s) => s.startsWith(`${tag}*`));

describe('837P file for a batch of claims', () => {
  it('is a structurally valid interchange with a fixed-width ISA and matching control numbers', () => {
    const t = text(batch());
    const check = checkX12(t);
    expect(check.problems).toEqual([]);
    expect(check.counts).toMatchObject({ groups: 1, sets: 1 });
    expect(t.indexOf('~')).toBe(105);
    expect(t.slice(0, 106)).toBe(
      'ISA*00*          *00*          *ZZ*KNOTWORK01     *ZZ*CLEARHOUSE     *260303*0930*^*00501*000000042*0*T*:~',
    );
    expect(find(t, 'GS')[0]).toBe('GS*HC*KNOTWORK01*CLEARHOUSE*20260303*0930*7*X*005010X222A1');
    expect(find(t, 'ST')[0]).toBe('ST*837*0001*005010X222A1');
    expect(segments(t).slice(-2)).toEqual(['GE*1*7', 'IEA*1*000000042']);
  });

  it('codes an auto-accident claim: filing indicator AM, P&C claim number, accident state and date', () => {
    const t = text(batch());
    expect(find(t, 'SBR')[0]).toBe('SBR*P*18*******AM');
    expect(find(t, 'REF')).toContain('REF*Y4*CLM-2026-0042');
    expect(find(t, 'CLM')[0]).toBe('CLM*KW-1001*140***11:B:1*Y*A*Y*Y**AA:::NY');
    expect(find(t, 'DTP')[0]).toBe('DTP*439*D8*20260214');
    expect(find(t, 'NM1')).toContain('NM1*IL*1*RIVERA*ANA*M***MI*POL778812');
    expect(find(t, 'NM1')).toContain('NM1*PR*2*ACME AUTO INSURANCE*****PI*ACME1');
  });

  it('carries diagnoses without dots, and lines with modifiers, units and numeric pointers', () => {
    const t = text(batch());
    expect(find(t, 'HI')[0]).toBe('HI*ABK:S134XXA*ABF:M542');
    expect(find(t, 'SV1')).toEqual(['SV1*HC:97140:GP*90*UN*2***1:2', 'SV1*HC:97112:GP:XU*50*UN*1***2']);
    expect(find(t, 'DTP').filter((s) => s.startsWith('DTP*472'))).toHaveLength(2);
    expect(find(t, 'NM1')).toContain('NM1*82*1*REYES*DANA****XX*1234567893');
  });

  it('workers comp is filed as WC and employment related; a dependent gets a patient loop', () => {
    const spouse = { ...autoClaim().patient, firstName: 'Luis', birthDate: '1980-01-02', sex: 'M' as const };
    const claim = autoClaim({
      relationship: 'spouse',
      subscriber: spouse,
      coverage: {
        ...autoClaim().coverage,
        type: 'workers-comp',
        accidentState: undefined,
        employerName: 'Hudson Freight',
      },
    });
    const t = text(batch({ claims: [claim] }));
    expect(find(t, 'SBR')[0]).toBe('SBR*P********WC');
    expect(find(t, 'HL')).toEqual(['HL*1**20*1', 'HL*2*1*22*1', 'HL*3*2*23*0']);
    expect(find(t, 'PAT')[0]).toBe('PAT*01');
    expect(find(t, 'CLM')[0]).toMatch(/\*EM$/);
    expect(checkX12(t).ok).toBe(true);
  });

  it('one transaction set per billing provider, with SE01 counting each set', () => {
    const other = autoClaim().billingProvider;
    const claims = [
      autoClaim(),
      autoClaim({ claimId: 'KW-1002', billingProvider: { ...other, npi: '1234567893', name: 'Knotwork NMT Troy' } }),
      autoClaim({ claimId: 'KW-1003', lines: [chargeLine({ amount: money(4550), units: 1 })] }),
    ];
    const t = text(batch({ claims }));
    const check = checkX12(t);
    expect(check.problems).toEqual([]);
    expect(check.counts.sets).toBe(2);
    expect(find(t, 'ST').map((s) => s.split('*')[2])).toEqual(['0001', '0002']);
    expect(find(t, 'GE')[0]).toBe('GE*2*7');
    expect(find(t, 'CLM').map((s) => s.split('*').slice(0, 3).join('*'))).toEqual([
      'CLM*KW-1001*140',
      'CLM*KW-1003*45.5',
      'CLM*KW-1002*140',
    ]);
  });

  it('keeps separators out of the data', () => {
    const claim = autoClaim({ patient: { ...autoClaim().patient, lastName: "O'Neil*Smith~Jr:" } });
    const t = text(batch({ claims: [{ ...claim, subscriber: claim.patient }] }));
    expect(find(t, 'NM1')).toContain("NM1*IL*1*O'NEIL SMITH JR*ANA*M***MI*POL778812");
    expect(checkX12(t).ok).toBe(true);
  });

  it('can break lines after each segment for reading, and still validates', () => {
    const result = build837p(batch(), { lineBreaks: true });
    expect(result.ok && result.text.split('\n').length).toBeGreaterThan(20);
    expect(result.ok && checkX12(result.text).ok).toBe(true);
  });

  it('refuses a batch with bad claims, naming the claim and the field', () => {
    const result = build837p(
      batch({
        interchangeControlNumber: 0,
        claims: [
          autoClaim({ renderingProvider: { lastName: 'Reyes', firstName: 'Dana', npi: '1234567890' } }),
          autoClaim({ claimId: 'KW-2', lines: [chargeLine({ diagnosisPointers: ['C'] })] }),
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual([
      'diagnosisPointers',
      'interchangeControlNumber',
      'renderingProviderNpi',
    ]);
    expect(result.problems.find((p) => p.field === 'diagnosisPointers')?.message).toMatch(/^Claim 2 \(KW-2\): Line 1/);
    expect(build837p(batch({ claims: [] })).ok).toBe(false);
  });
});
