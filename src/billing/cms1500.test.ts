import { describe, expect, it } from 'vitest';
import { autoClaim, chargeLine } from '../../test/support/billing-claims.ts';
import { cms1500Forms, formMoney } from './cms1500.ts';
import { money, ZERO } from './money.ts';

describe('CMS-1500 (02/12) boxes from a claim', () => {
  it('fills an auto-accident claim', () => {
    const [form, ...more] = cms1500Forms(autoClaim(), money(2000), '2026-03-03');
    expect(more).toEqual([]);
    expect(form).toMatchObject({
      box1: 'Other',
      box1a_insuredId: 'POL778812',
      box2_patientName: 'Rivera, Ana, M',
      box3_patientBirthDate: '07 19 1984',
      box3_patientSex: 'F',
      box6_relationship: 'Self',
      box10a_employmentRelated: false,
      box10b_autoAccident: true,
      box10b_accidentState: 'NY',
      box11b_otherClaimId: { qualifier: 'Y4', id: 'CLM-2026-0042' },
      box12_patientSignature: 'SIGNATURE ON FILE',
      box14_currentIllnessDate: { date: '02 14 2026', qualifier: '431' },
      box21_icdIndicator: '0',
      box21_diagnoses: [
        { letter: 'A', code: 'S134XXA' },
        { letter: 'B', code: 'M542' },
      ],
      box25_federalTaxId: { id: '123456789', type: 'EIN' },
      box26_patientAccountNumber: 'KW-1001',
      box27_acceptAssignment: true,
      box28_totalCharge: 14000,
      box29_amountPaid: 2000,
      box31_signature: 'Dana Reyes 03 03 2026',
      box33a_billingNpi: '1245319599',
      page: 1,
      pages: 1,
    });
    expect(form?.box24_lines[1]).toEqual({
      dateFrom: '03 02 2026',
      dateTo: '03 02 2026',
      placeOfService: '11',
      emergency: '',
      procedure: '97112',
      modifiers: ['GP', 'XU'],
      diagnosisPointer: 'B',
      charges: 5000,
      units: 1,
      renderingNpi: '1234567893',
    });
  });

  it("workers' comp ticks employment; a health plan carries no injury date or P&C claim id", () => {
    const wc = autoClaim({ coverage: { ...autoClaim().coverage, type: 'workers-comp' } });
    expect(cms1500Forms(wc, ZERO, '2026-03-03')[0]).toMatchObject({
      box10a_employmentRelated: true,
      box10b_autoAccident: false,
      box10b_accidentState: '',
    });
    const plan = autoClaim({
      coverage: { ...autoClaim().coverage, type: 'commercial', groupNumber: 'G-55', planName: 'Empire PPO' },
    });
    expect(cms1500Forms(plan, ZERO, '2026-03-03')[0]).toMatchObject({
      box1: 'Group Health Plan',
      box11_insuredGroupNumber: 'G-55',
      box11b_otherClaimId: { qualifier: '', id: '' },
      box11c_planName: 'Empire PPO',
      box14_currentIllnessDate: { date: '', qualifier: '' },
    });
  });

  it('spreads more than six lines over forms, each totalling its own lines', () => {
    const lines = Array.from({ length: 8 }, (_, i) =>
      chargeLine({ serviceDate: `2026-03-0${i + 1}`, amount: money(1000 * (i + 1)) }),
    );
    const forms = cms1500Forms(autoClaim({ lines }), money(500), '2026-03-10');
    expect(forms.map((f) => [f.page, f.pages, f.box24_lines.length, f.box28_totalCharge, f.box29_amountPaid])).toEqual([
      [1, 2, 6, 21000, 500],
      [2, 2, 2, 15000, 0],
    ]);
  });

  it('prints money boxes as dollars and cents', () => {
    expect(formMoney(money(123450))).toEqual({ dollars: '1,234', cents: '50' });
    expect(formMoney(money(5))).toEqual({ dollars: '0', cents: '05' });
  });
});
