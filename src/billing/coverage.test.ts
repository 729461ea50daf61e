import { describe, expect, it } from 'vitest';
import { checkCoverage, coveragesOn, isMedicareBeneficiaryId, orderClashes } from './coverage.ts';
import type { CoverageFields } from './coverage.ts';

const TODAY = '2026-03-02';
const auto: CoverageFields = {
  type: 'auto',
  order: 1,
  payerId: 'payer-1',
  memberId: 'POL778812',
  relationship: 'self',
  claimNumber: 'CLM-42',
  dateOfInjury: '2026-02-14',
  state: 'NY',
  adjuster: { name: 'Sam Ortiz', phone: '518-555-0199', email: 'sortiz@acme.example' },
};

describe('coverage rules by type', () => {
  it('a complete auto (PIP) coverage passes', () => {
    expect(checkCoverage(auto, TODAY)).toEqual({});
  });

  it('auto needs the claim number, date of injury and accident state', () => {
    const { claimNumber: _c, dateOfInjury: _d, state: _s, ...bare } = auto;
    expect(Object.keys(checkCoverage(bare, TODAY)).sort()).toEqual(['claimNumber', 'dateOfInjury', 'state']);
  });

  it('a copay is whole cents from 0 to $100,000, and self-pay has none', () => {
    expect(checkCoverage({ ...auto, copay: 0 }, TODAY)).toEqual({});
    expect(checkCoverage({ ...auto, copay: 10_000_000 }, TODAY)).toEqual({});
    for (const copay of [-1, 25.5, 10_000_001])
      expect(checkCoverage({ ...auto, copay }, TODAY)).toEqual({
        copay: 'Enter the copay in whole cents, from 0 up to $100,000.',
      });
    expect(checkCoverage({ type: 'self-pay', order: 1, relationship: 'self', copay: 2500 }, TODAY)).toEqual({
      copay: 'A self-pay coverage has no copay: the patient pays the whole price.',
    });
  });

  it("workers' comp also needs the employer", () => {
    expect(checkCoverage({ ...auto, type: 'workers-comp' }, TODAY)).toEqual({
      employerName: 'Enter the employer at the time of injury.',
    });
  });

  it('a health plan needs payer and member id, not an injury; a dependent needs the insured', () => {
    expect(checkCoverage({ type: 'commercial', order: 1, relationship: 'self' }, TODAY)).toEqual({
      payerId: 'Choose the payer.',
      memberId: 'Enter the member id.',
    });
    expect(
      Object.keys(
        checkCoverage({ type: 'commercial', order: 2, relationship: 'child', payerId: 'p', memberId: 'M1' }, TODAY),
      ).sort(),
    ).toEqual(['subscriberBirthDate', 'subscriberName']);
  });

  it('Medicare checks the MBI format', () => {
    expect(isMedicareBeneficiaryId('1EG4-TE5-MK73')).toBe(true);
    for (const bad of ['1EG4TE5MK7', '0EG4TE5MK73', '1SG4TE5MK73', '1EG4TE5MKO3'])
      expect(isMedicareBeneficiaryId(bad)).toBe(false);
    const medicare = { type: 'medicare', order: 1, relationship: 'self', payerId: 'p' } as const;
    expect(checkCoverage({ ...medicare, memberId: '1EG4TE5MK73' }, TODAY)).toEqual({});
    expect(Object.keys(checkCoverage({ ...medicare, memberId: '123-45-6789' }, TODAY))).toEqual(['memberId']);
  });

  it('self-pay has no payer and needs nothing else', () => {
    expect(checkCoverage({ type: 'self-pay', order: 1, relationship: 'self' }, TODAY)).toEqual({});
    expect(
      Object.keys(checkCoverage({ type: 'self-pay', order: 1, relationship: 'self', payerId: 'p' }, TODAY)),
    ).toEqual(['payerId']);
  });

  it('names bad dates, an injury in the future, reversed effective dates, order and contacts', () => {
    const problems = checkCoverage(
      {
        ...auto,
        order: 0,
        dateOfInjury: '2026-03-03',
        effectiveFrom: '2026-05-01',
        effectiveTo: '2026-04-01',
        subscriberBirthDate: '1984-13-01',
        state: 'New York',
        attorney: { name: '', email: 'nope' },
      },
      TODAY,
    );
    expect(Object.keys(problems).sort()).toEqual([
      'attorney.email',
      'attorney.name',
      'dateOfInjury',
      'effectiveTo',
      'order',
      'state',
      'subscriberBirthDate',
    ]);
  });
});

describe('which coverage applies', () => {
  const primary = { id: 'a', order: 1, effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' };
  const secondary = { id: 'b', order: 2 };
  const nextPrimary = { id: 'c', order: 1, effectiveFrom: '2026-07-01' };

  it('lists the coverages in force on a date, primary first', () => {
    expect(coveragesOn([secondary, primary, nextPrimary], '2026-03-02').map((c) => c.id)).toEqual(['a', 'b']);
    expect(coveragesOn([secondary, primary, nextPrimary], '2026-07-01').map((c) => c.id)).toEqual(['c', 'b']);
  });

  it('finds two coverages in force together with the same order, not successive ones', () => {
    expect(orderClashes([primary, secondary, nextPrimary])).toEqual([]);
    const overlapping = { id: 'd', order: 1, effectiveFrom: '2026-06-30' };
    expect(orderClashes([primary, overlapping]).map(([x, y]) => [x.id, y.id])).toEqual([['a', 'd']]);
    expect(orderClashes([{ id: 'e', order: 2 }, secondary])).toHaveLength(1);
  });
});
