import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoClaim, chargeLine } from '../../../../test/support/billing-claims.ts';
import { pdfPages, pdfRuns, pdfText } from '../../../../test/support/pdf-text.ts';
import type { PdfRun } from '../../../../test/support/pdf-text.ts';
import { cms1500Forms, formMoney, LINES_PER_FORM, money } from '../../../billing/index.ts';
import {
  CMS1500_BOXES,
  CMS1500_VALUE_SIZE,
  CMS1500_LINE_COLUMNS,
  cms1500LineRect,
  renderCms1500,
} from './cms1500-pdf.ts';

type Rect = { x: number; y: number; w: number; h: number };

/** The value runs (set in the values' size, not the titles') whose start lies inside the rectangle on the page. */
function inside(runs: readonly PdfRun[], rect: Rect, page = 1): string[] {
  return runs
    .filter((r) => r.size === CMS1500_VALUE_SIZE && r.page === page && r.x >= rect.x && r.x < rect.x + rect.w)
    .filter((r) => r.baseline > rect.y && r.baseline <= rect.y + rect.h)
    .map((r) => r.text);
}

function lineColumn(runs: readonly PdfRun[], line: number, column: keyof typeof CMS1500_LINE_COLUMNS, page = 1) {
  const row = cms1500LineRect(line);
  const col = CMS1500_LINE_COLUMNS[column];
  return inside(runs, { x: col.x, y: row.y + 2, w: col.w, h: row.h }, page);
}

describe('the CMS-1500 (02/12) printable PDF', () => {
  const claim = autoClaim({ priorAuthorization: 'AUTH-7781' });

  it('prints each box value inside that box on a letter page', async () => {
    const forms = cms1500Forms(claim, money(2000), '2026-03-03');
    const pdf = await renderCms1500(
      {
        forms,
        payer: {
          name: 'Acme Auto Insurance',
          address: { line1: 'PO Box 100', city: 'Hartford', state: 'CT', postalCode: '06101' },
        },
      },
      { compress: false },
    );
    const runs = pdfRuns(pdf);
    const box = (id: keyof typeof CMS1500_BOXES) => inside(runs, CMS1500_BOXES[id]);

    expect(box('carrier')).toEqual(['ACME AUTO INSURANCE', 'PO BOX 100', 'HARTFORD, CT 06101']);
    expect(box('1')).toEqual(['[X] OTHER']);
    expect(box('1a')).toEqual(['POL778812']);
    expect(box('2')).toEqual(['RIVERA, ANA, M']);
    expect(box('3')).toEqual(['07 19 1984  [X] F']);
    expect(box('10b')).toEqual(['[X] YES  [ ] NO  NY']);
    expect(box('11b')).toEqual(['Y4  CLM-2026-0042']);
    expect(box('14')).toEqual(['02 14 2026  QUAL 431']);
    // Box 21: ICD-10 indicator 0, then the diagnoses lettered A, B without their dots.
    expect(box('21')).toEqual(['ICD IND 0', 'A. S134XXA', 'B. M542']);
    expect(box('23')).toEqual(['AUTH-7781']);

    // 24A–J, line by line: dates, place, code with modifiers, pointers, charges, units, NPI.
    expect(lineColumn(runs, 0, 'A')).toEqual(['03 02 2026  03 02 2026']);
    expect(lineColumn(runs, 0, 'B')).toEqual(['11']);
    expect(lineColumn(runs, 0, 'D')).toEqual(['97140 GP']);
    expect(lineColumn(runs, 0, 'E')).toEqual(['AB']);
    expect(lineColumn(runs, 0, 'F')).toEqual(['90', '00']);
    expect(lineColumn(runs, 0, 'G')).toEqual(['2']);
    expect(lineColumn(runs, 0, 'J')).toEqual(['1234567893']);
    expect(lineColumn(runs, 1, 'D')).toEqual(['97112 GP XU']);
    expect(lineColumn(runs, 1, 'E')).toEqual(['B']);
    expect(lineColumn(runs, 1, 'F')).toEqual(['50', '00']);
    expect(lineColumn(runs, 1, 'G')).toEqual(['1']);
    expect(lineColumn(runs, 2, 'D')).toEqual([]);

    expect(box('25')).toEqual(['123456789  [X] EIN']);
    expect(box('26')).toEqual(['KW-1001']);
    expect(box('27')).toEqual(['[X] YES  [ ] NO']);
    expect(box('28')).toEqual(['140', '00']);
    expect(box('29')).toEqual(['20', '00']);
    expect(box('31')).toEqual(['DANA REYES 03 03 2026']);
    expect(box('32a')).toEqual(['1245319599']);
    expect(box('33')).toEqual(['KNOTWORK NMT ALBANY  518-555-0100', '400 STATE ST SUITE 2', 'ALBANY NY 122070001']);
    // Box 33a: the billing provider's NPI.
    expect(box('33a')).toEqual(['1245319599']);
  });

  it("prints box 22's resubmission code and the payer's original claim number only on a corrected claim", async () => {
    const box22 = async (frequency: 'original' | 'replacement' | 'void') => {
      const forms = cms1500Forms({ ...claim, frequency, payerClaimNumber: '2026123000417' }, money(0), '2026-04-01');
      return inside(pdfRuns(await renderCms1500({ forms }, { compress: false })), CMS1500_BOXES['22']);
    };
    expect(await box22('replacement')).toEqual(['7  2026123000417']);
    expect(await box22('void')).toEqual(['8  2026123000417']);
    expect(await box22('original')).toEqual([]);
  });

  it("labels every box with its number and title, and each box's outline sits on the page", async () => {
    const pdf = await renderCms1500({ forms: cms1500Forms(claim, money(0), '2026-03-03') }, { compress: false });
    const text = pdfText(pdf);
    for (const label of ["1a. INSURED'S I.D. NUMBER", '21. DIAGNOSIS OR NATURE', '24.', '33a. NPI', 'J. RENDERING']) {
      expect(text).toContain(label);
    }
    for (const rect of Object.values(CMS1500_BOXES)) {
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.w).toBeLessThanOrEqual(612);
      expect(rect.y + rect.h).toBeLessThanOrEqual(792);
    }
  });

  it('prints a claim of eight lines on two pages, each with its own lines and total', async () => {
    const lines = Array.from({ length: 8 }, (_, i) =>
      chargeLine({ serviceDate: `2026-03-0${i + 1}`, amount: money(100_000 * (i + 1) + 25) }),
    );
    const pdf = await renderCms1500({ forms: cms1500Forms(autoClaim({ lines }), money(500), '2026-03-10') });
    const runs = pdfRuns(pdf);
    expect(pdfPages(pdf)).toHaveLength(2);
    expect(inside(runs, CMS1500_BOXES['28'], 1)).toEqual(['21,001', '50']);
    expect(inside(runs, CMS1500_BOXES['28'], 2)).toEqual(['15,000', '50']);
    expect(inside(runs, CMS1500_BOXES['29'], 2)).toEqual(['0', '00']);
    expect(lineColumn(runs, 1, 'A', 2)).toEqual(['03 08 2026  03 08 2026']);
    expect(lineColumn(runs, 1, 'F', 2)).toEqual(['8,000', '25']);
    expect(lineColumn(runs, 2, 'A', 2)).toEqual([]);
    expect(pdfPages(pdf)[1]).toContain('Page 2 of 2');
  });

  it('for any claim, each page holds its own lines and total and the billing NPI, read back from the PDF', async () => {
    const line = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      units: fc.integer({ min: 1, max: 8 }),
      cents: fc.integer({ min: 1, max: 2_000_000 }),
      code: fc.constantFrom('97140', '97112', '97110'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 14 }), fc.nat(50_000), async (picked, paid) => {
        const lines = picked.map((l) =>
          chargeLine({
            code: l.code,
            units: l.units,
            amount: money(l.cents),
            serviceDate: `2026-03-${String(l.day).padStart(2, '0')}`,
          }),
        );
        const forms = cms1500Forms(autoClaim({ lines }), money(paid), '2026-03-31');
        const runs = pdfRuns(await renderCms1500({ forms }));
        expect(new Set(runs.map((r) => r.page)).size).toBe(Math.ceil(lines.length / LINES_PER_FORM));
        forms.forEach((form, p) => {
          const page = p + 1;
          const total = formMoney(form.box28_totalCharge);
          expect(inside(runs, CMS1500_BOXES['28'], page)).toEqual([total.dollars, total.cents]);
          expect(inside(runs, CMS1500_BOXES['33a'], page)).toEqual(['1245319599']);
          form.box24_lines.forEach((l, i) => {
            const charge = formMoney(l.charges);
            expect(lineColumn(runs, i, 'F', page)).toEqual([charge.dollars, charge.cents]);
            expect(lineColumn(runs, i, 'G', page)).toEqual([String(l.units)]);
            expect(lineColumn(runs, i, 'D', page)).toEqual([[l.procedure, ...l.modifiers].join(' ')]);
          });
          if (form.box24_lines.length < LINES_PER_FORM) {
            expect(lineColumn(runs, form.box24_lines.length, 'D', page)).toEqual([]);
          }
        });
      }),
      { numRuns: 12 },
    );
  });
});
