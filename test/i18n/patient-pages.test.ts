import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The patient's pages in both languages take every word from the message files: a JSX text with
 * letters in it, or a literal string given to an attribute people read (label, hint, title, aria-label…),
 * is English that the Spanish page would show. Names of records (a service, a clinic) come from data.
 */
const TRANSLATED = [
  'web/src/components/Layout.tsx',
  'web/src/components/PlainHeader.tsx',
  'web/src/components/StatusViews.tsx',
  'web/src/components/Form.tsx',
  'web/src/i18n/LanguageSwitch.tsx',
  'web/src/pages/SignIn.tsx',
  'web/src/pages/booking/SelfBooking.tsx',
  'web/src/pages/booking/Question.tsx',
  'web/src/pages/booking/TimeStep.tsx',
  'web/src/pages/booking/ConfirmStep.tsx',
  'web/src/pages/booking/MyAppointments.tsx',
  'web/src/pages/links/PublicShell.tsx',
  'web/src/pages/links/LinkPage.tsx',
  'web/src/pages/links/LinkCancel.tsx',
  'web/src/pages/links/LinkReschedule.tsx',
  'web/src/pages/relief/ReliefPage.tsx',
  'web/src/pages/RecordDownload.tsx',
  'web/src/pages/ChangePassword.tsx',
  'web/src/pages/homecare/HomeCarePage.tsx',
  'web/src/pages/homecare/LatestHomeCareCard.tsx',
  'web/src/pages/measures/MeasureEntry.tsx',
  'web/src/pages/measures/MeasuresCard.tsx',
  'web/src/components/bodychart/TrendPlot.tsx',
  'web/src/pages/intake/IntakePage.tsx',
  'web/src/pages/intake/IntakeSteps.tsx',
  'web/src/pages/intake/IntakeReview.tsx',
  'web/src/pages/intake/StepErrorSummary.tsx',
  'web/src/pages/intake/VitalsStep.tsx',
  'web/src/pages/intake/PainMapStep.tsx',
  'web/src/pages/front/FrontDoor.tsx',
  'web/src/pages/front/AboutPage.tsx',
  'web/src/pages/front/SelfCheckPage.tsx',
  'web/src/pages/front/WhereItHurtsPage.tsx',
  'web/src/pages/front/SafetyPage.tsx',
  'web/src/pages/front/SitesPage.tsx',
  'web/src/pages/front/StartPage.tsx',
  'web/src/pages/front/VerifyPage.tsx',
  'web/src/pages/intake/PlaceSearch.tsx',
  'web/src/components/bodychart/PhoneBodyChart.tsx',
  'web/src/components/bodychart/BodyChart.tsx',
  'web/src/components/bodychart/PainMapEditor.tsx',
  'web/src/pages/PatientProfile.tsx',
  'web/src/pages/PatientHub.tsx',
  'web/src/pages/PatientEdit.tsx',
  'web/src/pages/PatientFields.tsx',
  'web/src/pages/insurance/InsuranceCard.tsx',
  'web/src/pages/intake/IntakeVersions.tsx',
  'web/src/pages/money/MyBalanceCard.tsx',
];

/** Attributes whose value a person reads or hears. */
const READ_ATTRIBUTES = new Set([
  'label',
  'hint',
  'title',
  'question',
  'placeholder',
  'alt',
  'aria-label',
  'aria-description',
  'submitLabel',
  'missingIsUnavailable',
  'what',
]);

const HAS_WORDS = /\p{L}{2,}/u;
/** Names that read the same in every language. */
const PROPER_NAMES = new Set(['Knotwork']);

/** Every literal a person would read, with its line, in one TSX source. */
function literalsIn(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_WORDS.test(node.text) && !PROPER_NAMES.has(node.text.trim()))
      found.push(`${path}:${at(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      const literal =
        value && ts.isStringLiteral(value)
          ? value
          : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)
            ? value.expression
            : null;
      if (literal && HAS_WORDS.test(literal.text))
        found.push(`${path}:${at(node)} ${node.name.getText(file)}="${literal.text}"`);
    }
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      ts.isStringLiteralLike(node.expression) &&
      HAS_WORDS.test(node.expression.text) &&
      !ts.isJsxAttribute(node.parent)
    )
      found.push(`${path}:${at(node)} {"${node.expression.text}"}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

describe("the patient's pages", () => {
  it('render no words outside the message files', () => {
    const found = TRANSLATED.flatMap((path) => literalsIn(path, readFileSync(`${root}${path}`, 'utf8')));
    expect(found).toEqual([]);
  });

  it('would be caught writing English into a page', () => {
    const page = `export const A = () => (
      <p title="Book now">
        Your visit {'is booked'} <Field label="Email address" hint={"Your email"} name="email" />
        {t('ok')} <span className="x">{' · '}</span>
      </p>
    );`;
    expect(literalsIn('page.tsx', page)).toEqual([
      'page.tsx:2 title="Book now"',
      'page.tsx:3 text "Your visit"',
      'page.tsx:3 {"is booked"}',
      'page.tsx:3 label="Email address"',
      'page.tsx:3 hint="Your email"',
    ]);
  });
});
