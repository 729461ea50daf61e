import { describe, expect, it } from 'vitest';
import { autoClaim } from '../../../test/support/billing-claims.ts';
import { checkClaim } from '../claim.ts';
import { cms1500Forms } from '../cms1500.ts';
import { money } from '../money.ts';
import { build837p } from './claim-837p.ts';
import type { ClaimBatch } from './claim-837p.ts';
import { checkX12 } from './validate.ts';

/** Replacement (CLM05-3 = 7) and void (8) claims quoting the payer's claim number (REF*F8, box 22). */

const batch = (claims: ClaimBatch['claims']): ClaimBatch => ({
  sender: { qualifier: 'ZZ', id: 'KNOTWORK01', name: 'Knotwork NMT', contactName: 'Desk', contactPhone: '5185550100' },
  receiver: { qualifier: 'ZZ', id: 'CLEARHOUSE', name: 'Clearing House' },
  interchangeControlNumber: 43,
  groupControlNumber: 43,
  createdOn: '2026-04-01',
  createdAt: '10:15',
  usage: 'T',
  claims,
});

function segmentsOf(claims: ClaimBatch['claims']): string[] {
  const result = build837p(batch(claims));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  expect(checkX12(result.text).problems).toEqual([]);
  return result.text.split('~').filter((s) => s !== '');
}

const replacement = autoClaim({ claimId: 'KW-1001-R1', frequency: 'replacement', payerClaimNumber: '2026123000417' });

describe('a corrected or void claim in the 837P file', () => {
  it('codes a replacement as frequency 7 and quotes the payer claim control number in REF*F8 after CLM', () => {
    const segments = segmentsOf([replacement]);
    const clm = segments.findIndex((s) => s.startsWith('CLM*'));
    expect(segments[clm]).toBe('CLM*KW-1001-R1*140***11:B:7*Y*A*Y*Y**AA:::NY');
    const f8 = segments.indexOf('REF*F8*2026123000417');
    expect(f8).toBeGreaterThan(clm);
    expect(f8).toBeLessThan(segments.findIndex((s) => s.startsWith('HI*')));
    expect(segments.filter((s) => s.startsWith('REF*F8'))).toHaveLength(1);
  });

  it('codes a void as frequency 8; an original stays 1 with no REF*F8', () => {
    const segments = segmentsOf([autoClaim(), { ...replacement, claimId: 'KW-1001-V2', frequency: 'void' }]);
    expect(segments.filter((s) => s.startsWith('CLM*')).map((s) => s.split('*')[5])).toEqual(['11:B:1', '11:B:8']);
    expect(segments.filter((s) => s.startsWith('REF*F8'))).toEqual(['REF*F8*2026123000417']);
  });

  it('stays structurally valid: SE01 counts the added REF, which sits after the prior authorization', () => {
    const withAuth = { ...replacement, priorAuthorization: 'PA-7781' };
    const result = build837p(batch([withAuth]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const segments = result.text.split('~').filter((s) => s !== '');
    const st = segments.findIndex((s) => s.startsWith('ST*'));
    const se = segments.findIndex((s) => s.startsWith('SE*'));
    expect(segments[se]).toBe(`SE*${se - st + 1}*0001`);
    expect(segments.indexOf('REF*F8*2026123000417')).toBe(segments.indexOf('REF*G1*PA-7781') + 1);
    const original = build837p(batch([autoClaim({ priorAuthorization: 'PA-7781' })]));
    expect(original.ok && original.text.split('~').filter((s) => s !== '').length).toBe(segments.length - 1);
  });

  it("refuses a replacement or void without the payer's claim number, naming the field", () => {
    for (const frequency of ['replacement', 'void'] as const) {
      const result = build837p(batch([autoClaim({ frequency })]));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map((p) => p.field)).toEqual(['payerClaimNumber']);
      expect(result.problems[0]!.message).toMatch(/payer's claim number/);
    }
    expect(checkClaim(autoClaim({ frequency: 'void', payerClaimNumber: 'ICN 12*3' }))[0]?.field).toBe(
      'payerClaimNumber',
    );
    expect(checkClaim(autoClaim({ frequency: 'replacement', payerClaimNumber: 'A'.repeat(51) }))).toHaveLength(1);
    expect(checkClaim(autoClaim({ payerClaimNumber: '' }))).toEqual([]);
  });
});

describe('CMS-1500 box 22 of a corrected or void claim', () => {
  it('prints the resubmission code and the original ref. no. on every form, and leaves it blank on an original', () => {
    expect(cms1500Forms(autoClaim(), money(0), '2026-04-01')[0]!.box22_resubmission).toEqual({
      code: '',
      originalRef: '',
    });
    const forms = cms1500Forms(replacement, money(0), '2026-04-01');
    expect(forms.map((f) => f.box22_resubmission)).toEqual([{ code: '7', originalRef: '2026123000417' }]);
    const voided = cms1500Forms({ ...replacement, frequency: 'void' }, money(0), '2026-04-01');
    expect(voided[0]!.box22_resubmission.code).toBe('8');
  });
});
