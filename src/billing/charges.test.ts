import { describe, expect, it } from 'vitest';
import { proposeCharges } from './charges.ts';
import type { ProposalResult } from './charges.ts';
import { money } from './money.ts';
import { payerPricing, signedVisit } from '../../test/support/billing-claims.ts';

const visit = signedVisit({ diagnoses: ['M54.2', 's134xxa'] });
const autoPlan = payerPricing('acme-auto');

function proposal(result: ProposalResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return result.proposal;
}
function fields(result: ProposalResult): string[] {
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => p.field);
}

describe('charge lines proposed from a signed visit', () => {
  it('counts units by the payer rule and prices them from the fee schedule', () => {
    const p = proposal(proposeCharges(visit, autoPlan));
    expect(p.lines.map((l) => [l.code, l.units, l.amount])).toEqual([
      ['97140', 2, 9000],
      ['97112', 1, 5000],
    ]);
    expect(p.total).toBe(14000);
    expect(p.payerId).toBe('acme-auto');
    expect(p.notes[0]).toContain('8-minute');
  });

  it('the midpoint rule gives each code its own units', () => {
    const p = proposal(proposeCharges(visit, { ...autoPlan, unitRule: 'midpoint' }));
    expect(p.lines.map((l) => l.units)).toEqual([2, 2]);
    expect(p.total).toBe(19000);
  });

  it('puts GP on every line and the distinct-service modifier on the second timed code only', () => {
    const lines = proposal(proposeCharges(visit, autoPlan)).lines;
    expect(lines.map((l) => l.modifiers)).toEqual([['GP'], ['GP', 'XU']]);
    expect(proposal(proposeCharges(visit, { ...autoPlan, distinctModifier: '59' })).lines[1]?.modifiers).toEqual([
      'GP',
      '59',
    ]);
    const single = proposal(proposeCharges({ ...visit, timedSteps: [{ code: '97140', minutes: 40 }] }, autoPlan));
    expect(single.lines.map((l) => l.modifiers)).toEqual([['GP']]);
  });

  it('letters the assessment diagnoses A, B … (normalised, duplicates once) and points each line at them', () => {
    const p = proposal(proposeCharges({ ...visit, diagnoses: ['M54.2', 'S13.4XXA', 'm542'] }, autoPlan));
    expect(p.diagnoses).toEqual([
      { letter: 'A', code: 'M54.2' },
      { letter: 'B', code: 'S13.4XXA' },
    ]);
    expect(p.lines.every((l) => l.diagnosisPointers.join('') === 'AB')).toBe(true);
  });

  it('takes the pointers the desk chose, and refuses a pointer to nothing', () => {
    const p = proposal(proposeCharges(visit, autoPlan, { pointers: { '97112': ['b'] } }));
    expect(p.lines.find((l) => l.code === '97112')?.diagnosisPointers).toEqual(['B']);
    expect(fields(proposeCharges(visit, autoPlan, { pointers: { '97112': ['C'] } }))).toEqual(['diagnosisPointers']);
    expect(fields(proposeCharges(visit, autoPlan, { pointers: { '97112': ['A', 'B', 'A', 'B', 'A'] } }))).toEqual([
      'diagnosisPointers',
    ]);
    expect(fields(proposeCharges(visit, autoPlan, { pointers: { '97530': ['A'] } }))).toEqual(['diagnosisPointers']);
  });

  it('carries place of service, date and the rendering NPI on each line', () => {
    const line = proposal(proposeCharges({ ...visit, renderingProvider: { name: 'D', npi: '123 456 7893' } }, autoPlan))
      .lines[0];
    expect(line).toMatchObject({ placeOfService: '11', serviceDate: '2026-03-02', renderingNpi: '1234567893' });
  });

  it('self-pay: the service price spread over the lines by units, adding up to the price', () => {
    const p = proposal(proposeCharges(visit, { kind: 'self-pay', unitRule: 'cms', servicePrice: money(10000) }));
    expect(p.lines.map((l) => l.amount)).toEqual([6667, 3333]);
    expect(p.total).toBe(10000);
    expect(p.payerId).toBeUndefined();
  });

  it('drops codes that earn no unit, saying so', () => {
    const p = proposal(
      proposeCharges(
        {
          ...visit,
          timedSteps: [
            { code: '97110', minutes: 33 },
            { code: '97140', minutes: 7 },
            { code: '97112', minutes: 5 },
          ],
        },
        { ...autoPlan, unitRule: 'midpoint', feesPerUnit: { '97110': money(4000) } },
      ),
    );
    expect(p.lines.map((l) => l.code)).toEqual(['97110']);
    expect(p.notes.join(' ')).toContain('97140: 7 minute(s) earn no unit');
  });

  it('refuses, naming each field: unsigned note, bad NPI, no diagnoses, place of service, missing fee', () => {
    expect(
      fields(
        proposeCharges(
          {
            ...visit,
            signed: false,
            renderingProvider: { name: 'D', npi: '1234567890' },
            diagnoses: [],
            placeOfService: 'office',
          },
          { ...autoPlan, feesPerUnit: { '97140': money(4500) } },
        ),
      ).sort(),
    ).toEqual(['diagnoses', 'feeSchedule', 'placeOfService', 'renderingProviderNpi', 'visit']);
  });

  it('refuses diagnoses that cannot be billed and more than twelve', () => {
    expect(fields(proposeCharges({ ...visit, diagnoses: ['S13.4'] }, autoPlan))).toEqual(['diagnoses']);
    expect(fields(proposeCharges({ ...visit, diagnoses: ['hello'] }, autoPlan))).toEqual(['diagnoses']);
    const thirteen = [
      'M54.2',
      'M43.6',
      'M53.0',
      'M53.1',
      'M54.10',
      'M54.11',
      'M54.12',
      'M54.13',
      'M54.14',
      'M54.15',
      'M54.16',
      'M54.17',
      'M54.18',
    ];
    expect(fields(proposeCharges({ ...visit, diagnoses: thirteen }, autoPlan))).toEqual(['diagnoses']);
    expect(
      proposal(proposeCharges({ ...visit, diagnoses: thirteen.slice(0, 12) }, autoPlan)).diagnoses.at(-1)?.letter,
    ).toBe('L');
  });

  it('refuses timed services the unit rules refuse, or that earn nothing', () => {
    expect(fields(proposeCharges({ ...visit, timedSteps: [{ code: '97010', minutes: 15 }] }, autoPlan))).toContain(
      'timedSteps',
    );
    expect(fields(proposeCharges({ ...visit, timedSteps: [{ code: '97140', minutes: 7 }] }, autoPlan))).toEqual([
      'timedSteps',
    ]);
    expect(fields(proposeCharges({ ...visit, serviceDate: '2026-02-30' }, autoPlan))).toEqual(['serviceDate']);
  });
});
