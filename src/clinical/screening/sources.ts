// Citations for the screening rules. Contraindication lists disagree between texts (Batavia 2004:
// 21 sources listed 3 to 86 items, 76% without references), so every rule names where it comes from.

export const SOURCES = {
  batavia2004:
    'Batavia M. Contraindications for therapeutic massage: do sources agree? J Bodyw Mov Ther 2004;8(1):48-57',
  werner:
    "Werner R. A Massage Therapist's Guide to Pathology (systemic / local / caution categories), 7th ed., " +
    'Books of Discovery, 2019',
  walton2011:
    'Walton T. Medical Conditions and Massage Therapy: A Decision Tree Approach. Lippincott Williams & Wilkins, 2011',
  nccih:
    'NCCIH. Massage Therapy: What You Need To Know (no forceful/deep massage with bleeding disorders, ' +
    'low platelets or anticoagulants; no deep pressure over a tumour without approval). nccih.nih.gov',
  ernst2003: 'Ernst E. The safety of massage therapy. Rheumatology 2003;42(9):1101-1106 (case reports incl. embolism)',
  cdcFever:
    'CDC. Definitions of Symptoms for Reportable Illnesses: fever = measured temperature >= 100.4 F (38.0 C). ' +
    'cdc.gov/quarantine',
  whelton2018:
    'Whelton PK et al. 2017 ACC/AHA Guideline for the Prevention, Detection, Evaluation, and Management of High ' +
    'Blood Pressure in Adults. Hypertension 2018;71(6):e13-e115 (stage 1 130-139/80-89, stage 2 >=140/>=90, ' +
    'crisis >180 and/or >120)',
  johnston2000:
    'Johnston SC et al. Short-term prognosis after emergency department diagnosis of TIA. JAMA ' +
    '2000;284(22):2901-2906 (10.5% stroke within 90 days, half in the first 2 days)',
  thacker2010:
    'Thacker EL et al. Short term and long term risk of incident ischemic stroke after transient ischemic attack. ' +
    'Stroke 2010;41(2):239-243 (OR 30.4 <1 month, 18.9 at 1-3 months, 3.2 at 4-6 months)',
  levenson1965:
    'Levenson SM et al. The healing of rat skin wounds. Ann Surg 1965;161(2):293-308 (wound strength ~20% at 3 ' +
    'weeks, rising slowly over months, never back to 100%)',
  who1994:
    'WHO Study Group. Assessment of fracture risk and its application to screening for postmenopausal osteoporosis. ' +
    'WHO Tech Rep Ser 843, 1994 (severe/established osteoporosis = T-score <= -2.5 plus fragility fracture)',
  buckley2018: 'Buckley L, Humphrey MB. Glucocorticoid-induced osteoporosis. N Engl J Med 2018;379(26):2547-2556',
  heit2005:
    'Heit JA et al. Trends in the incidence of venous thromboembolism during pregnancy or postpartum: ' +
    'a 30-year population-based study. Ann Intern Med 2005;143(10):697-706',
  kinsella1994: 'Kinsella SM, Lohmann G. Supine hypotensive syndrome. Obstet Gynecol 1994;83(5 Pt 1):774-788',
  fogarty:
    'Fogarty S, Barnett R, Hay P. Safety and pregnancy massage: a qualitative thematic analysis. Int J Ther Massage ' +
    'Bodywork (IJTMB) (messages about first-trimester massage are inconsistent; no evidence of harm, ' +
    'precaution by consensus)',
  popBusui2017:
    'Pop-Busui R et al. Diabetic neuropathy: a position statement by the American Diabetes Association. Diabetes ' +
    'Care 2017;40(1):136-154 (loss of protective sensation)',
  decousus2010:
    'Decousus H et al. Superficial venous thrombosis and venous thromboembolism: a large, prospective epidemiologic ' +
    'study (POST). Ann Intern Med 2010;152(4):218-224 (about 1 in 4 had DVT or PE at presentation)',
} as const;

export function cite(...keys: Array<keyof typeof SOURCES>): string {
  return keys.map((key) => SOURCES[key]).join('; ');
}
