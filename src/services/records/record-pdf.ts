// The record as a readable PDF in the patient's language: visits, the safety check, the plan, the
// questionnaires with their trend, home care, what was found, insurance and the balance. Standard PDF
// fonts only (their encoding covers Spanish accents, ñ, ¿ and ¡), so no font file is read.
import { muscleById } from '../../clinical/atlas/index.ts';
import { regionBase } from '../../clinical/bodymap/regions.ts';
import { muscleNamesEs, placeNameEs } from '../../clinical/places/index.ts';
import type { Locale } from '../../words/locales.ts';
import type { PatientRecord } from './patient-record.ts';
import { recordWords, type RecordWords } from './record-words.ts';

const TITLE_SIZE = 22;
const HEADING_SIZE = 16;
const BODY_SIZE = 12;
const MARGIN = 56;

const tag = (locale: Locale) => (locale === 'es' ? 'es-US' : 'en-US');

function dayOf(locale: Locale, instant: Date | string, timeZone: string): string {
  return new Date(instant).toLocaleDateString(tag(locale), {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

function calendarDay(locale: Locale, isoDate: string): string {
  return dayOf(locale, `${isoDate.slice(0, 10)}T12:00:00Z`, 'UTC');
}

function visitTime(locale: Locale, instant: Date, timeZone: string): string {
  return new Date(instant).toLocaleString(tag(locale), {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

function money(locale: Locale, cents: number): string {
  return (cents / 100).toLocaleString(tag(locale), { style: 'currency', currency: 'USD' });
}

function placeName(locale: Locale, regionId: string): string {
  const base = regionId.replace(/-(left|right)$/, '');
  return locale === 'es' ? placeNameEs(base) : (regionBase(base)?.name ?? base);
}

function muscleName(locale: Locale, id: string): string {
  return (locale === 'es' ? muscleNamesEs(id)?.name : undefined) ?? muscleById(id)?.name ?? id;
}

/** The lines of each part, in the order a patient reads them; null parts say they are not in this copy. */
function partsOf(r: PatientRecord, w: RecordWords, zone: string): Array<[string, string[] | null]> {
  const l = r.language;
  const visits = r.appointments.map(
    (a) =>
      `${visitTime(l, a.start, a.timeZone ?? zone)} · ${a.serviceName ?? a.serviceCode}` +
      `${a.therapistName ? ` · ${a.therapistName}` : ''}${a.locationName ? ` · ${a.locationName}` : ''}` +
      ` (${w.status[a.status] ?? a.status})`,
  );
  const screening = r.screening?.map((s) => `${dayOf(l, s.screenedAt, zone)}: ${w.decision[s.decision] ?? s.decision}`);
  const plans = r.plans?.map((p) => {
    const plan = p.plan as { phase?: string; totalVisits?: number; startDate?: string };
    const parts = [w.planStatus[p.status] ?? p.status];
    if (plan.phase) parts.push(w.phase[plan.phase] ?? plan.phase);
    if (plan.totalVisits) parts.push(w.visitsPlanned(plan.totalVisits));
    return `${plan.startDate ? `${calendarDay(l, plan.startDate)}: ` : ''}${parts.join(' · ')}`;
  });
  const measures = r.measures && trend(r, w, zone);
  const homeCare = r.homeCare?.flatMap((h) => [
    `${dayOf(l, h.visitAt, h.timeZone ?? zone)}${h.sentAt ? ` (${w.sent(dayOf(l, h.sentAt, zone))})` : ''}`,
    `${w.afterVisit}: ${[h.content.hydration, h.content.soreness, h.content.fatigue].join(' ')}`,
    ...(h.content.stretches.length > 0
      ? [`${w.stretches}: ${h.content.stretches.map((s) => s.title).join('; ')}`]
      : []),
    `${w.callClinicIf}: ${h.content.callClinicIf.join('; ')}`,
  ]);
  const assessments = r.assessments?.map((a) => {
    const f = a.findings as { painMap?: Array<{ region: string }>; triggerPoints?: Array<{ muscle: string }> };
    const pain = [...new Set((f.painMap ?? []).map((p) => placeName(l, p.region)))];
    const points = [...new Set((f.triggerPoints ?? []).map((t) => muscleName(l, t.muscle)))];
    return (
      `${calendarDay(l, a.assessedOn)}: ${w.painMarked}: ${pain.join(', ') || '—'}` +
      `; ${w.triggerPoints}: ${points.join(', ') || '—'}`
    );
  });
  const notes = r.notes?.map(
    (n) => `${dayOf(l, n.createdAt, zone)}: ${[n.assessment, n.plan].filter(Boolean).join(' — ') || '—'}`,
  );
  const coverage = r.coverage?.map(
    (c) => `${w.coverageOrder(c.order)}: ${c.payerName ?? c.type}${c.memberId ? ` (${c.memberId})` : ''}`,
  );
  const balance = r.balance && [
    `${w.dueNow}: ${money(l, r.balance.dueNow)}`,
    `${w.balance}: ${money(l, r.balance.patient)}`,
  ];
  return [
    [w.sections.visits, visits],
    [w.sections.screening, screening ?? null],
    [w.sections.plans, plans ?? null],
    [w.sections.measures, measures ?? null],
    [w.sections.homeCare, homeCare ?? null],
    [w.sections.assessments, assessments ?? null],
    [w.sections.notes, notes ?? null],
    [w.sections.coverage, coverage ?? null],
    [w.sections.balance, balance ?? null],
  ];
}

/** One line per questionnaire: its scores oldest first ("7 » 5 » 3": the PDF fonts have no arrow), with the dates. */
function trend(r: PatientRecord, w: RecordWords, zone: string): string[] {
  const byMeasure = new Map<string, NonNullable<PatientRecord['measures']>>();
  for (const m of [...r.measures!].sort((a, b) => +new Date(a.takenAt) - +new Date(b.takenAt)))
    byMeasure.set(m.measure, [...(byMeasure.get(m.measure) ?? []), m]);
  return [...byMeasure.entries()].map(([measure, rows]) => {
    const scores = rows.map((m) => (m.percent !== null ? `${m.percent}%` : String(m.score))).join(' » ');
    const span = `${dayOf(r.language, rows[0]!.takenAt, zone)} – ${dayOf(r.language, rows.at(-1)!.takenAt, zone)}`;
    return `${w.measure[measure] ?? measure}: ${scores} (${span})`;
  });
}

/** Renders the record; `zone` is the organisation's, for dates that belong to no site. */
export async function renderRecord(
  record: PatientRecord,
  zone: string,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  // pdfkit loads with the first record rather than at start: it is the slowest module to load.
  const { default: PDFDocument } = await import('pdfkit');
  const w = recordWords(record.language);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: w.title, Author: 'Knotwork' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const body = (text: string) => doc.font('Helvetica').fontSize(BODY_SIZE).text(text, { lineGap: 3 });
  const p = record.patient;

  doc.font('Helvetica-Bold').fontSize(TITLE_SIZE).text(w.title);
  body(w.made(dayOf(record.language, record.generatedAt, zone)));
  doc.moveDown(0.5);
  body(`${w.name}: ${p.givenName} ${p.familyName}`);
  body(`${w.born}: ${calendarDay(record.language, String(p.dateOfBirth))}`);
  const contact = [p.email, p.phone].filter(Boolean).join(' · ');
  if (contact) body(`${w.contact}: ${contact}`);
  for (const [heading, lines] of partsOf(record, w, zone)) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(HEADING_SIZE).text(heading).moveDown(0.2);
    if (lines === null) body(w.withheld);
    else if (lines.length === 0) body(w.none);
    else for (const line of lines) body(`•  ${line}`);
  }
  doc.moveDown(1);
  body(w.footer);
  doc.end();
  return done;
}
