/**
 * The billing documents as files: the checkout receipt and the superbill (the patient's own, or the
 * desk's for patients of its sites), the CMS-1500 overlay of a claim and the adjuster packet of a
 * workers' comp or auto claim (the desk's). Each read is authorized on the patient and audited; the
 * file name carries a number, never the patient's name.
 */
import {
  accountStatement,
  DIAGNOSIS_LETTERS,
  money,
  type Address,
  type DiagnosisLetter,
  type PaymentMethod,
} from '../../billing/index.ts';
import type { Queryable } from '../../store/database.ts';
import * as claims from '../../store/repos/billing-claims.ts';
import * as docs from '../../store/repos/billing-documents.ts';
import * as ledger from '../../store/repos/billing-ledger.ts';
import { dateIn } from '../../time/index.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { chargeLine } from './charges.ts';
import { claimForm } from './claims.ts';
import { renderAdjusterPacket, type PacketNote } from './documents/adjuster-packet.ts';
import { renderCms1500 } from './documents/cms1500-pdf.ts';
import { renderReceipt } from './documents/receipt.ts';
import { renderSuperbill, type SuperbillInsurance } from './documents/superbill.ts';
import { allowPatient, balanceOfPatient } from './ledger.ts';

export interface PdfFile {
  pdf: Buffer;
  /** Letters, digits and dashes only: no patient name. */
  fileName: string;
}

const shortId = (id: string) => id.replace(/-/g, '').slice(0, 10).toUpperCase();

/** A patient reads their own papers; the desk, managers and admins those of patients of their sites. */
function allowPapers(db: Queryable, actor: Actor, patientId: string, action: string, recordId: string) {
  return allowPatient(db, actor, actor.role === 'patient' ? 'balance.read' : 'charge.post', patientId, {
    action,
    recordType: 'session_note',
    recordId,
  });
}

async function visitOf(db: Queryable, actor: Actor, visitId: string) {
  const visit = await ledger.visitFacts(db, actor.orgId, visitId);
  if (!visit) throw new NotFoundError('No such visit.');
  return visit;
}

async function patientOf(db: Queryable, actor: Actor, patientId: string) {
  const p = await docs.documentPatient(db, actor.orgId, patientId);
  if (!p) throw new NotFoundError('No such patient.');
  const address = p.address
    ? {
        line1: p.address.line1,
        ...(p.address.line2 ? { line2: p.address.line2 } : {}),
        city: p.address.city,
        state: p.address.state,
        postalCode: p.address.postalCode,
      }
    : undefined;
  return { name: `${p.givenName} ${p.familyName}`, birthDate: p.dateOfBirth, address };
}

function payments(rows: docs.VisitPayment[], timeZone: string) {
  return rows.map((p) => ({
    date: dateIn(timeZone, p.recordedAt),
    method: p.method as PaymentMethod,
    ...(p.reference ? { reference: p.reference } : {}),
    amount: money(p.amountCents),
  }));
}

/** The clinic's address from its billing profile, as the documents print it. */
function clinicAddress(profile: claims.BillingProfile): Address {
  return {
    line1: profile.addressLine1,
    ...(profile.addressLine2 ? { line2: profile.addressLine2 } : {}),
    city: profile.city,
    state: profile.state,
    postalCode: profile.postalCode,
  };
}

const EMPTY_ADDRESS = { line1: '', city: '', state: '', postalCode: '' };

/** The receipt of a visit's checkout: what the patient was charged, what they paid, what is left. */
export async function receiptPdf(ctx: ServiceContext, actor: Actor, visitId: string): Promise<PdfFile> {
  const visit = await visitOf(ctx.db, actor, visitId);
  await allowPapers(ctx.db, actor, visit.patientId, 'receipt.read', visitId);
  const [checkout, charges, paid, where, profile, entries, patient] = await Promise.all([
    ledger.findCheckout(ctx.db, actor.orgId, visitId),
    ledger.listVisitCharges(ctx.db, actor.orgId, visitId),
    docs.patientPaymentsFor(ctx.db, actor.orgId, [visitId]),
    docs.visitSite(ctx.db, actor.orgId, visitId),
    claims.findProfile(ctx.db, actor.orgId),
    ledger.patientEntries(ctx.db, actor.orgId, visit.patientId),
    patientOf(ctx.db, actor, visit.patientId),
  ]);
  if (!checkout) throw new ValidationError({ visit: 'This visit is not checked out yet: check it out first.' });
  const live = charges.filter((c) => c.status === 'posted');
  const insured = live.find((c) => c.payerName !== null);
  const total = live.reduce((s, c) => s + c.amountCents, 0);
  const site = where.site;
  const pdf = await renderReceipt({
    receiptNumber: `R-${shortId(visitId)}`,
    issuedOn: dateIn(actor.orgTimeZone, ctx.now()),
    clinic: { name: profile?.name ?? where.orgName, ...(profile ? { taxId: profile.taxId } : {}) },
    site: site
      ? {
          name: site.name,
          address: {
            line1: site.line1,
            ...(site.line2 ? { line2: site.line2 } : {}),
            city: site.city,
            state: site.state,
            postalCode: site.postalCode,
          },
          ...(site.phone ? { phone: site.phone } : {}),
        }
      : {
          name: profile?.name ?? where.orgName,
          address: profile
            ? { line1: profile.addressLine1, city: profile.city, state: profile.state, postalCode: profile.postalCode }
            : EMPTY_ADDRESS,
          ...(profile ? { phone: profile.phone } : {}),
        },
    patient: { name: patient.name },
    visitDate: visit.serviceDate ?? live[0]?.serviceDate ?? dateIn(actor.orgTimeZone, checkout.checkedOutAt),
    lines: insured
      ? [{ description: 'Copay', amount: money(checkout.copayCents) }]
      : live.map((c) => ({ description: 'Treatment', code: c.code, units: c.units, amount: money(c.amountCents) })),
    ...(insured ? { billedToInsurer: { payerName: insured.payerName!, amount: money(total) } } : {}),
    payments: payments(paid, actor.orgTimeZone),
    balanceAfter: money(balanceOfPatient(visit.patientId, entries).patient),
  });
  await audit(ctx.db, actor, [
    { action: 'receipt.read', patientId: visit.patientId, recordType: 'session_note', recordId: visitId },
  ]);
  return { pdf, fileName: `receipt-${shortId(visitId)}.pdf` };
}

/** The plan in force as the superbill prints it; the insured is the patient when the relationship is self. */
function superbillInsurance(c: docs.SuperbillCoverage, patientName: string): SuperbillInsurance {
  const payerAddress =
    c.addressLine1 && c.city && c.state && c.postalCode
      ? {
          line1: c.addressLine1,
          ...(c.addressLine2 ? { line2: c.addressLine2 } : {}),
          city: c.city,
          state: c.state,
          postalCode: c.postalCode,
        }
      : undefined;
  const insuredName = c.relationship === 'self' ? patientName : c.subscriberName;
  return {
    payerName: c.payerName,
    ...(payerAddress ? { payerAddress } : {}),
    ...(c.electronicId ? { payerId: c.electronicId } : {}),
    memberId: c.memberId ?? '',
    ...(c.groupNumber ? { groupNumber: c.groupNumber } : {}),
    ...(insuredName ? { insured: { name: insuredName, relationship: c.relationship } } : {}),
    ...(c.claimNumber ? { claimNumber: c.claimNumber } : {}),
    ...(c.dateOfInjury ? { dateOfInjury: c.dateOfInjury } : {}),
  };
}

export type SuperbillScope = { visitId: string } | { from: string; to: string };

/** The superbill of one visit or of the patient's visits in a date range, with what the patient paid. */
export async function superbillPdf(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  scope: SuperbillScope,
): Promise<PdfFile> {
  await allowPapers(ctx.db, actor, patientId, 'superbill.read', patientId);
  let visitIds: string[];
  if ('visitId' in scope) {
    const visit = await ledger.visitFacts(ctx.db, actor.orgId, scope.visitId);
    if (!visit || visit.patientId !== patientId) throw new NotFoundError('This patient has no such visit.');
    visitIds = [scope.visitId];
  } else {
    if (scope.from > scope.to) throw new ValidationError({ to: 'The end date is before the start date.' });
    visitIds = await docs.visitsBetween(ctx.db, actor.orgId, patientId, scope.from, scope.to);
  }
  const charges = (await Promise.all(visitIds.map((id) => ledger.listVisitCharges(ctx.db, actor.orgId, id))))
    .flat()
    .filter((c) => c.status === 'posted');
  if (charges.length === 0)
    throw new ValidationError(
      'visitId' in scope ? { visitId: 'This visit has no posted charges yet.' } : { from: 'No posted visits then.' },
    );
  const first = charges[0]!;
  const [profile, visit, patient, paid, coverage] = await Promise.all([
    claims.findProfile(ctx.db, actor.orgId),
    ledger.visitFacts(ctx.db, actor.orgId, first.sessionNoteId),
    patientOf(ctx.db, actor, patientId),
    docs.patientPaymentsFor(ctx.db, actor.orgId, visitIds),
    docs.coverageInForce(ctx.db, actor.orgId, patientId, first.serviceDate),
  ]);
  if (!profile)
    throw new ValidationError({ billingProfile: 'Enter the clinic’s billing details (NPI, tax id) first.' });
  const pdf = await renderSuperbill({
    issuedOn: dateIn(actor.orgTimeZone, ctx.now()),
    clinic: {
      name: profile.name,
      address: clinicAddress(profile),
      phone: profile.phone,
      taxId: profile.taxId,
    },
    provider: { name: visit!.therapistName, npi: first.renderingNpi },
    patient: {
      name: patient.name,
      birthDate: patient.birthDate,
      ...(patient.address ? { address: patient.address } : {}),
    },
    ...(coverage ? { insurance: superbillInsurance(coverage, patient.name) } : {}),
    diagnoses: first.diagnoses.map((code, i) => ({ letter: DIAGNOSIS_LETTERS[i] as DiagnosisLetter, code })),
    lines: charges.map(chargeLine),
    payments: payments(paid, actor.orgTimeZone),
  });
  await audit(ctx.db, actor, [
    {
      action: 'superbill.read',
      patientId,
      recordType: 'patient',
      recordId: patientId,
      detail: { visits: visitIds.length },
    },
  ]);
  const name = 'visitId' in scope ? shortId(scope.visitId) : `${scope.from}-to-${scope.to}`;
  return { pdf, fileName: `superbill-${name}.pdf` };
}

/** The CMS-1500 boxes of a claim (checked and audited by the claim's JSON form), printed on the form's grid. */
export async function cms1500Pdf(ctx: ServiceContext, actor: Actor, claimId: string): Promise<PdfFile> {
  const { forms } = await claimForm(ctx, actor, claimId);
  const row = (await claims.findClaim(ctx.db, actor.orgId, claimId))!;
  const pdf = await renderCms1500({ forms, payer: { name: row.payerName } });
  return { pdf, fileName: `cms1500-${row.controlNumber}.pdf` };
}

const ADJUSTED: Record<string, 'auto' | 'workers-comp'> = {
  'auto-pip': 'auto',
  'auto-med-pay': 'auto',
  'workers-comp': 'workers-comp',
};
const COVERAGE_WORDS: Record<string, string> = {
  commercial: 'a health plan',
  medicare: 'Medicare',
  'self-pay': 'self-pay',
};

/** Words of a note's structured section: "pain today: 6". */
function sectionText(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(
      ([k, v]) =>
        `${k.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
    )
    .join('\n');
}

/**
 * The packet a workers' comp or auto adjuster asks for: the signed notes of every visit claimed to the
 * claim's coverage and the statement of the payer's receivable for the patient.
 */
export async function adjusterPacketPdf(ctx: ServiceContext, actor: Actor, claimId: string): Promise<PdfFile> {
  const row = await claims.findClaim(ctx.db, actor.orgId, claimId);
  if (!row) throw new NotFoundError('No such claim.');
  await allowPatient(ctx.db, actor, 'claim.manage', row.patientId, {
    action: 'claim.packet',
    recordType: 'claim',
    recordId: claimId,
  });
  const first = await ledger.findCharge(ctx.db, actor.orgId, row.chargeIds[0]!);
  const parties = (await claims.claimParties(ctx.db, actor.orgId, claimId, first!.renderingTherapistId))!;
  const kind = ADJUSTED[parties.coverageType];
  const billedTo = COVERAGE_WORDS[parties.coverageType] ?? parties.coverageType;
  if (!kind)
    throw new ValidationError(
      { claim: `Claim ${row.controlNumber} is billed to ${billedTo}.` },
      `Claim ${row.controlNumber} is not a workers' comp or auto claim: an adjuster packet is only for those.`,
    );
  if (!parties.claimNumber || !parties.dateOfInjury)
    throw new ValidationError({
      coverage: `Enter the claim number and the date of injury on the coverage of claim ${row.controlNumber}.`,
    });
  const [profile, notes, entries, adjuster] = await Promise.all([
    claims.findProfile(ctx.db, actor.orgId),
    docs.claimedNotes(ctx.db, actor.orgId, row.coverageId),
    ledger.patientEntries(ctx.db, actor.orgId, row.patientId),
    docs.coverageAdjuster(ctx.db, actor.orgId, row.coverageId),
  ]);
  if (!profile)
    throw new ValidationError({ billingProfile: 'Enter the clinic’s billing details (NPI, tax id) first.' });
  const packetNotes: PacketNote[] = [];
  for (const n of notes) {
    const lines = (await ledger.listVisitCharges(ctx.db, actor.orgId, n.noteId)).filter((c) => c.status === 'posted');
    const sections = [
      { heading: 'Subjective', text: sectionText(n.subjective) },
      { heading: 'Objective', text: sectionText(n.objective) },
      { heading: 'Assessment', text: n.assessment ?? '' },
      { heading: 'Plan', text: n.plan ?? '' },
    ].filter((s) => s.text.trim() !== '');
    packetNotes.push({
      date: n.serviceDate,
      therapistName: n.therapistName,
      ...(n.signedAt ? { signedOn: dateIn(actor.orgTimeZone, n.signedAt) } : {}),
      services: lines.map((c) => ({ code: c.code, units: c.units, minutes: c.minutes })),
      sections,
    });
  }
  const pdf = await renderAdjusterPacket({
    coverageType: kind,
    claimNumber: parties.claimNumber,
    dateOfInjury: parties.dateOfInjury,
    preparedOn: dateIn(actor.orgTimeZone, ctx.now()),
    patient: { name: `${parties.givenName} ${parties.familyName}`, birthDate: parties.dateOfBirth },
    payer: { name: parties.payerName },
    ...(adjuster
      ? {
          adjuster: {
            name: adjuster.name,
            ...(adjuster.phone ? { phone: adjuster.phone } : {}),
            ...(adjuster.email ? { email: adjuster.email } : {}),
          },
        }
      : {}),
    ...(parties.employerName ? { employer: parties.employerName } : {}),
    ...(parties.state ? { state: parties.state } : {}),
    clinic: {
      name: profile.name,
      address: clinicAddress(profile),
      phone: profile.phone,
      taxId: profile.taxId,
      npi: profile.npi,
    },
    notes: packetNotes,
    ledger: accountStatement({
      entries,
      account: { kind: 'payer', payerId: row.payerId, patientId: row.patientId },
      timeZone: actor.orgTimeZone,
    }),
  });
  await audit(ctx.db, actor, [
    { action: 'claim.packet', patientId: row.patientId, recordType: 'claim', recordId: claimId },
  ]);
  return { pdf, fileName: `adjuster-packet-${row.controlNumber}.pdf` };
}
