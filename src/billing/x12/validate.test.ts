import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoClaim, chargeLine } from '../../../test/support/billing-claims.ts';
import { money } from '../money.ts';
import { build837p } from './claim-837p.ts';
import type { ClaimBatch } from './claim-837p.ts';
import { checkX12 } from './validate.ts';

const batch = (claims = [autoClaim()]): ClaimBatch => ({
  sender: {
    qualifier: 'ZZ',
    id: 'KNOTWORK01',
    name: 'Knotwork NMT',
    contactName: 'Billing desk',
    contactPhone: '5185550100',
  },
  receiver: { qualifier: 'ZZ', id: 'CLEARHOUSE', name: 'Clearing House' },
  interchangeControlNumber: 42,
  groupControlNumber: 7,
  createdOn: '2026-03-03',
  createdAt: '09:30',
  usage: 'T',
  claims,
});
function good(claims = [autoClaim()]): string[] {
  const result = build837p(batch(claims));
  if (!result.ok) throw new Error('fixture claim refused');
  return result.text.split('~').filter((s) => s !== '');
}
const join = (segs: string[]) => segs.map((s) => `${s}~`).join('');
/** Replaces the first segment starting with `start` by `by`. */
const swap = (segs: string[], start: string, by: string) => {
  const i = segs.findIndex((s) => s.startsWith(start));
  return segs.map((s, j) => (j === i ? by : s));
};
const messages = (text: string) =>
  checkX12(text)
    .problems.map((p) => p.message)
    .join(' | ');

describe('X12 structural check', () => {
  it('accepts a generated file, also with CR LF after each segment', () => {
    expect(checkX12(join(good())).ok).toBe(true);
    expect(
      checkX12(
        good()
          .map((s) => `${s}~\r\n`)
          .join(''),
      ).ok,
    ).toBe(true);
  });

  it('finds a wrong segment count in SE01', () => {
    const segs = good();
    const se = segs.find((s) => s.startsWith('SE*')) ?? '';
    const [, count, control] = se.split('*');
    expect(messages(join(swap(segs, 'SE*', `SE*${Number(count) + 1}*${control}`)))).toMatch(/SE01 says/);
  });

  it('finds mismatched control numbers: ST/SE, GS/GE, ISA/IEA', () => {
    const segs = good();
    const se = segs.find((s) => s.startsWith('SE*')) ?? '';
    expect(messages(join(swap(segs, 'SE*', se.replace(/\*0001$/, '*0009'))))).toMatch(
      /SE02 0009 does not match ST02 0001/,
    );
    expect(messages(join(swap(segs, 'GE*', 'GE*1*8')))).toMatch(/GE02 8 does not match GS06 7/);
    expect(messages(join(swap(segs, 'IEA*', 'IEA*1*000000043')))).toMatch(
      /IEA02 000000043 does not match ISA13 000000042/,
    );
  });

  it('finds wrong counts of sets in GE01 and groups in IEA01', () => {
    const segs = good();
    expect(messages(join(swap(segs, 'GE*', 'GE*2*7')))).toMatch(/GE01 says 2 transaction sets; the group has 1/);
    expect(messages(join(swap(segs, 'IEA*', 'IEA*2*000000042')))).toMatch(/IEA01 says 2 groups; the interchange has 1/);
  });

  it('finds an ISA that is not fixed width, and clashing separators', () => {
    const segs = good();
    const isa = segs[0] ?? '';
    expect(messages(join([isa.replace('KNOTWORK01     ', 'KNOTWORK01    '), ...segs.slice(1)]))).toMatch(/ISA06 is 14/);
    expect(messages(join([isa.replace('*^*', '*:*'), ...segs.slice(1)]))).toMatch(/four different/);
  });

  it('finds broken nesting: a missing IEA, a segment outside a set, a set left open', () => {
    const segs = good();
    expect(messages(join(segs.slice(0, -1)))).toMatch(/does not end with an IEA/);
    const ge = segs.findIndex((s) => s.startsWith('GE*'));
    expect(messages(join([...segs.slice(0, ge), 'REF*EI*1', ...segs.slice(ge)]))).toMatch(
      /REF is outside any transaction set/,
    );
    const se = segs.findIndex((s) => s.startsWith('SE*'));
    expect(messages(join([...segs.slice(0, se), ...segs.slice(se + 1)]))).toMatch(/GE while the set/);
    expect(messages(join([...segs, 'NM1*XX']))).toMatch(/after the IEA/);
    expect(checkX12('hello').ok).toBe(false);
  });

  it('any generated batch validates, and dropping any segment inside a set is caught', () => {
    const line = fc.record({ units: fc.integer({ min: 1, max: 8 }), cents: fc.integer({ min: 1, max: 99_999 }) });
    const claim = fc.record({
      lines: fc.array(line, { minLength: 1, maxLength: 6 }),
      provider: fc.constantFrom('1245319599', '1234567893'),
      dependent: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(claim, { minLength: 1, maxLength: 5 }), fc.nat(), (specs, pick) => {
        const claims = specs.map((s, i) => {
          const base = autoClaim();
          return autoClaim({
            claimId: `KW-${i}`,
            billingProvider: { ...base.billingProvider, npi: s.provider },
            relationship: s.dependent ? 'child' : 'self',
            subscriber: s.dependent ? { ...base.patient, firstName: 'Parent' } : base.patient,
            lines: s.lines.map((l) => chargeLine({ units: l.units, amount: money(l.cents) })),
          });
        });
        const segs = good(claims);
        expect(checkX12(join(segs)).problems).toEqual([]);
        const inner = segs.map((s, i) => ({ s, i })).filter(({ s }) => !/^(ISA|GS|ST|SE|GE|IEA)\*/.test(s));
        const drop = inner[pick % inner.length]?.i ?? -1;
        expect(checkX12(join(segs.filter((_, i) => i !== drop))).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
