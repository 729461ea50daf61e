import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from '@medplum/fhirtypes';
import { MEASURES } from '../clinical/measures/catalogue.ts';
import { compact, instant, ref, type FhirContext } from './base.ts';
import { measureCoding, type MeasureId } from './observation-measure.ts';

export interface MeasureAnswersInput {
  id: string;
  patientId: string;
  measure: MeasureId;
  answers: ReadonlyArray<number | null | { activity: string; score: number | null }>;
  score: number;
  takenAt: Date;
  sessionNoteId: string | null;
  enteredRole: string;
}

export function questionnaireUrl(ctx: FhirContext, measure: MeasureId): string {
  return `${ctx.base}/Questionnaire/${measure}`;
}

const MEASURE_IDS: readonly MeasureId[] = ['nprs', 'ndi', 'odi', 'psfs'];

export function isMeasureId(id: string): id is MeasureId {
  return (MEASURE_IDS as readonly string[]).includes(id);
}

/**
 * The form of a measure. Items carry numbers, not the licensed wording (see the catalogue's
 * licence notes): NPRS one 0–10 rating, NDI and ODI ten 0–5 items, PSFS up to five activities rated 0–10.
 */
export function toQuestionnaire(ctx: FhirContext, measure: MeasureId): Questionnaire {
  const info = MEASURES[measure];
  const items: QuestionnaireItem[] =
    measure === 'psfs'
      ? Array.from({ length: info.items }, (_, i) => ({
          linkId: `activity-${i + 1}`,
          text: `Activity ${i + 1}`,
          type: 'group',
          item: [
            { linkId: `activity-${i + 1}.name`, text: 'Activity', type: 'string' },
            { linkId: `activity-${i + 1}.score`, text: 'Ability (0–10)', type: 'integer' },
          ],
        }))
      : Array.from({ length: info.items }, (_, i) => ({
          linkId: `item-${i + 1}`,
          text: info.items === 1 ? `Rating (0–${info.itemMax})` : `Item ${i + 1} (0–${info.itemMax})`,
          type: 'integer',
        }));
  return {
    resourceType: 'Questionnaire',
    id: measure,
    url: questionnaireUrl(ctx, measure),
    name: measure.toUpperCase(),
    title: info.name,
    status: 'active',
    subjectType: ['Patient'],
    code: [measureCoding(ctx, measure)],
    description: `Source: ${info.source}.`,
    item: items,
  };
}

export function toQuestionnaireResponse(ctx: FhirContext, r: MeasureAnswersInput): QuestionnaireResponse {
  const item = r.answers.flatMap((answer, i): QuestionnaireResponseItem[] => {
    if (answer === null) return [];
    if (typeof answer === 'number') return [{ linkId: `item-${i + 1}`, answer: [{ valueInteger: answer }] }];
    return [
      {
        linkId: `activity-${i + 1}`,
        item: [
          { linkId: `activity-${i + 1}.name`, answer: [{ valueString: answer.activity }] },
          ...(answer.score === null
            ? []
            : [{ linkId: `activity-${i + 1}.score`, answer: [{ valueInteger: answer.score }] }]),
        ],
      },
    ];
  });
  return compact<QuestionnaireResponse>({
    resourceType: 'QuestionnaireResponse',
    id: r.id,
    questionnaire: questionnaireUrl(ctx, r.measure),
    status: 'completed',
    subject: ref('Patient', r.patientId),
    encounter: r.sessionNoteId ? ref('Encounter', r.sessionNoteId) : undefined,
    authored: instant(r.takenAt),
    source: r.enteredRole === 'patient' ? ref('Patient', r.patientId) : undefined,
    item,
  });
}
