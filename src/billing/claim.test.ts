import { describe, expect, it } from 'vitest';
import { autoClaim, chargeLine } from '../../test/support/billing-claims.ts';
import { checkClaim, claimTotal } from './claim.ts';
import { money } from './money.ts';

const fields = (claim: Parameters<typeof checkClaim>[0]) => checkClaim(claim).map((p) => p.field);

describe('claim checks before a claim leaves the clinic', () => {
  it('a complete auto claim has no problems and totals its lines', () => {
    expect(checkClaim(autoClaim())).toEqual([]);
    expect(claimTotal(autoClaim())).toBe(14000);
  });

  it('auto and workers comp need the claim number and date of injury; auto also the accident state', () => {
    const coverage = {
      ...autoClaim().coverage,
      claimNumber: undefined,
      dateOfInjury: undefined,
      accidentState: undefined,
    };
    expect(fields(autoClaim({ coverage })).sort()).toEqual(['accidentState', 'claimNumber', 'dateOfInjury']);
    expect(fields(autoClaim({ coverage: { ...coverage, type: 'workers-comp' } })).sort()).toEqual([
      'claimNumber',
      'dateOfInjury',
    ]);
    expect(fields(autoClaim({ coverage: { ...coverage, type: 'commercial' } }))).toEqual([]);
  });

  it('names the field: NPIs failing their check digit, tax id, pointers to nothing, self-pay', () => {
    const claim = autoClaim({
      billingProvider: { ...autoClaim().billingProvider, npi: '1245319590', taxId: '12-345' },
      renderingProvider: { lastName: 'Reyes', firstName: 'Dana', npi: '1234567890' },
      lines: [chargeLine({ diagnosisPointers: ['A', 'D'] })],
    });
    expect(fields(claim).sort()).toEqual([
      'billingProviderNpi',
      'billingProviderTaxId',
      'diagnosisPointers',
      'renderingProviderNpi',
    ]);
    expect(fields(autoClaim({ coverage: { ...autoClaim().coverage, type: 'self-pay' } }))).toEqual(['coverage']);
  });

  it('checks the subscriber only when the patient is a dependent', () => {
    const subscriber = { ...autoClaim().patient, birthDate: 'yesterday' };
    expect(fields(autoClaim({ subscriber }))).toEqual([]);
    expect(fields(autoClaim({ subscriber, relationship: 'child' }))).toEqual(['subscriberBirthDate']);
  });

  it('refuses empty or oversized claims and zero lines', () => {
    expect(fields(autoClaim({ lines: [] }))).toEqual(['lines']);
    expect(fields(autoClaim({ lines: Array.from({ length: 51 }, () => chargeLine()) }))).toEqual(['lines']);
    expect(fields(autoClaim({ lines: [chargeLine({ amount: money(0) })] }))).toEqual(['lines']);
    expect(fields(autoClaim({ diagnoses: [] }))).toContain('diagnoses');
    expect(fields(autoClaim({ claimId: 'KW 1001 with spaces and more' }))).toEqual(['claimId']);
  });
});
