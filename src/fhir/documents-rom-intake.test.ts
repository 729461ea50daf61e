import type { Appointment, QuestionnaireItem, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { fhirProblems } from '../../test/support/fhir-validation.ts';
import { canonicalBase, type FhirContext } from './base.ts';
import { codeSystemResource } from './code-systems.ts';
import { toClearanceDocument, toHomeCareDocument } from './document-reference.ts';
import { includedReferences, parseIncludes } from './include.ts';
import { toIntakeQuestionnaire, toIntakeResponse } from './intake-questionnaire.ts';
import { toRomObservations } from './observation-rom.ts';
import { pageLinks, parseOffset, readPageToken } from './paging.ts';

const ctx: FhirContext = { base: canonicalBase('demo'), orgId: '11111111-1111-4111-8111-111111111111' };
const patientId = '22222222-2222-4222-8222-222222222222';
const therapistId = '33333333-3333-4333-8333-333333333333';
const noteId = '55555555-5555-4555-8555-555555555555';
const origin = 'https://clinic.example';

describe('range of motion as Observations', () => {
  const observations = toRomObservations(ctx, {
    id: noteId,
    taken: 'after',
    patientId,
    therapistId,
    effective: '2026-03-01T18:00:00.000Z',
    encounterId: noteId,
    rows: [
      { joint: 'cervical', motion: 'lateral-flexion', side: 'left', degrees: 30, normal: 45, painOnMotion: true },
      { joint: 'thoracic', motion: 'rotation', degrees: 25 },
    ],
  });

  it('gives each motion in degrees, the joint as bodySite, the side as laterality, the norm as its range', () => {
    expect(fhirProblems(observations)).toEqual([]);
    const [neck, back] = observations;
    expect(neck).toMatchObject({
      id: `${noteId}-rom-after1`,
      code: {
        coding: [{ system: `${ctx.base}/CodeSystem/range-of-motion`, code: 'cervical.lateral-flexion' }],
        text: 'Cervical lateral flexion, left',
      },
      valueQuantity: { value: 30, unit: 'deg', system: 'http://unitsofmeasure.org', code: 'deg' },
      bodySite: { coding: [{ system: `${ctx.base}/CodeSystem/joint`, code: 'cervical' }] },
      referenceRange: [{ low: { value: 45, code: 'deg' } }],
      encounter: { reference: `Encounter/${noteId}` },
      note: [{ text: 'Measured after treatment' }],
    });
    expect(neck!.component).toEqual([
      {
        code: { coding: [{ system: 'http://snomed.info/sct', code: '272741003', display: 'Laterality' }] },
        valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '7771000', display: 'Left' }] },
      },
      {
        code: {
          coding: [{ system: `${ctx.base}/CodeSystem/finding`, code: 'pain-on-motion', display: 'Pain on motion' }],
        },
        valueBoolean: true,
      },
    ]);
    // A joint outside the norms table keeps its code, with no range and no side.
    expect(back!.id).toBe(`${noteId}-rom-after2`);
    expect(back!.referenceRange).toBeUndefined();
    expect(back!.component).toBeUndefined();
  });

  it('publishes the joints and motions of the norms table as code systems listed in part', () => {
    const motions = codeSystemResource(ctx, 'range-of-motion');
    expect(motions.content).toBe('fragment');
    expect(motions.concept).toContainEqual({ code: 'cervical.lateral-flexion', display: 'Cervical lateral flexion' });
    expect(fhirProblems([motions, codeSystemResource(ctx, 'joint')])).toEqual([]);
  });
});

describe('documents as DocumentReferences', () => {
  it('links a clearance letter to its download, with its type, title and date, never its bytes', () => {
    const doc = toClearanceDocument(ctx, origin, {
      id: '66666666-6666-4666-8666-666666666666',
      patientId,
      physician: 'Dr. Rivera',
      clearedOn: '2026-02-27',
      scope: 'Massage cleared',
      fileId: '77777777-7777-4777-8777-777777777777',
      filename: 'letter.pdf',
      contentType: 'application/pdf',
      size: 1234,
      recordedAt: new Date('2026-03-01T18:00:00Z'),
    });
    expect(fhirProblems([doc])).toEqual([]);
    expect(doc.date).toBe('2026-03-01T18:00:00.000Z');
    expect(doc.content).toEqual([
      {
        attachment: {
          contentType: 'application/pdf',
          url: `${origin}/api/files/77777777-7777-4777-8777-777777777777`,
          size: 1234,
          title: 'letter.pdf',
          creation: '2026-02-27',
        },
      },
    ]);
  });

  it('links the home-care handout to its PDF; a draft until it was sent', () => {
    const plan = {
      id: '88888888-8888-4888-8888-888888888888',
      sessionNoteId: noteId,
      patientId,
      generatedAt: new Date('2026-03-01T18:00:00Z'),
      editedAt: null,
      sentAt: null,
    };
    const draft = toHomeCareDocument(ctx, origin, plan);
    const sent = toHomeCareDocument(ctx, origin, { ...plan, sentAt: new Date('2026-03-01T19:00:00Z') });
    expect(fhirProblems([draft, sent])).toEqual([]);
    expect(draft.docStatus).toBe('preliminary');
    expect(sent).toMatchObject({ docStatus: 'final', date: '2026-03-01T19:00:00.000Z' });
    expect(sent.content![0]!.attachment).toMatchObject({
      contentType: 'application/pdf',
      url: `${origin}/api/sessions/${noteId}/home-care.pdf`,
      title: 'Home care',
    });
    expect(sent.context).toEqual({ encounter: [{ reference: `Encounter/${noteId}` }] });
  });
});

describe('the intake as a QuestionnaireResponse', () => {
  const linkIds = (items: readonly QuestionnaireItem[]): string[] =>
    items.flatMap((i) => [i.linkId!, ...linkIds(i.item ?? [])]);
  const answered = (items: readonly QuestionnaireResponseItem[]): string[] =>
    items.flatMap((i) => [i.linkId!, ...answered(i.item ?? [])]);

  it('answers only items of its Questionnaire, coding yes / no / "don\'t know" and leaving the unanswered out', () => {
    const questionnaire = toIntakeQuestionnaire(ctx);
    const response = toIntakeResponse(ctx, {
      id: '99999999-9999-4999-8999-999999999999',
      patientId,
      version: 2,
      submittedAt: new Date('2026-03-01T18:00:00Z'),
      submittedRole: 'patient',
      document: {
        answers: {
          questions: { diabetes: 'yes', epilepsy: 'no', osteoporosis: 'unknown' },
          conditions: ['influenza'],
          medications: [{ class: 'anticoagulant', name: 'warfarin' }],
          bloodPressure: { systolic: 128, diastolic: 82 },
          temperatureC: 36.7,
        },
        goals: ['Sleep through the night'],
        painMap: [{ region: 'upper-back', intensity: 6 }],
      },
    });
    expect(fhirProblems([questionnaire, response])).toEqual([]);
    expect(response.questionnaire).toBe(questionnaire.url);
    const known = new Set(linkIds(questionnaire.item!));
    expect(answered(response.item!).filter((id) => !known.has(id))).toEqual([]);
    const questions = response.item!.find((i) => i.linkId === 'questions')!.item!;
    expect(questions.map((q) => [q.linkId, q.answer![0]!.valueCoding!.code])).toEqual([
      ['questions.osteoporosis', 'ASKU'],
      ['questions.diabetes', 'Y'],
      ['questions.epilepsy', 'N'],
    ]);
    expect(response.item!.find((i) => i.linkId === 'temperatureC')!.answer).toEqual([{ valueDecimal: 36.7 }]);
    expect(response.item!.some((i) => i.linkId === 'pregnancy')).toBe(false);
    expect(response.source).toEqual({ reference: `Patient/${patientId}` });
  });
});

describe('_include and paging', () => {
  const appointment = (patient: string): Appointment => ({
    resourceType: 'Appointment',
    id: patient,
    status: 'booked',
    participant: [
      { actor: { reference: `Patient/${patient}` }, status: 'accepted' },
      { actor: { reference: `Practitioner/${therapistId}` }, status: 'accepted' },
    ],
  });

  it('follows only the pairs it knows, from the type searched, each referenced resource once', () => {
    expect(parseIncludes('Appointment', ['Appointment:patient', 'Appointment:patient'])).toEqual([
      'Appointment:patient',
    ]);
    expect(parseIncludes('Patient', ['Appointment:patient'])).toEqual({
      refused: 'A search for Patient includes nothing else; leave out "Appointment:patient".',
    });
    expect(parseIncludes('Appointment', ['Appointment:*'])).toMatchObject({ refused: expect.stringContaining('*') });
    const refs = includedReferences(
      ['Appointment:patient', 'Appointment:practitioner'],
      [appointment('a'), appointment('b'), appointment('a')],
    );
    expect(refs).toEqual(['Patient/a', 'Patient/b', `Practitioner/${therapistId}`]);
  });

  it('links self, next and previous pages of the same search, the search itself kept out of sight', () => {
    const url = 'https://clinic.example/fhir/R4/Patient';
    const params = { name: ['Alvarez'], _count: ['2'], _offset: ['2'] };
    const middle = pageLinks(url, params, { offset: 2, count: 2, total: 5 });
    expect(middle.map((l) => l.relation)).toEqual(['self', 'next', 'previous']);
    const searchOf = (link: string) => {
      expect(link.startsWith(`${url}?_page=`)).toBe(true);
      expect(link).not.toContain('Alvarez');
      return readPageToken(new URL(link).searchParams.get('_page')!);
    };
    expect(searchOf(middle[0]!.url!)).toEqual({ name: ['Alvarez'], _count: ['2'], _offset: ['2'] });
    expect(searchOf(middle[1]!.url!)).toEqual({ name: ['Alvarez'], _count: ['2'], _offset: ['4'] });
    expect(searchOf(middle[2]!.url!)).toEqual({ name: ['Alvarez'], _count: ['2'] });
    expect(pageLinks(url, params, { offset: 4, count: 2, total: 5 }).map((l) => l.relation)).toEqual([
      'self',
      'previous',
    ]);
    expect(readPageToken('not-a-token')).toMatchObject({ refused: expect.stringContaining('search again') });
    expect(readPageToken(Buffer.from('{"name":[1]}').toString('base64url'))).toHaveProperty('refused');
    expect(parseOffset('-1')).toMatchObject({ refused: expect.stringContaining('_offset') });
    expect(parseOffset('10')).toBe(10);
  });
});
