import { z } from 'zod';
import { Id, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

/**
 * The intake at the door: its shape only. The questionnaire itself (screening answers, pain map
 * against the body map, dates) is checked by the service, which answers 422 naming the path,
 * e.g. `answers.surgeries.0.date`.
 */
const section = z.record(z.string().max(60), z.unknown());
const list = (max: number) => z.array(z.unknown()).max(max);

const document = {
  questionnaire: z.literal('knotwork-intake-v1').optional(),
  answers: section,
  injuries: list(50).optional(),
  otherConditions: text(LIMIT.shortNote).optional(),
  goals: list(20).optional(),
  painStory: section.optional(),
  painMap: list(200).optional(),
};

export const IntakeSubmitSchema = z.strictObject(document);
export const IntakeDraftBodySchema = z.strictObject({ ...document, answers: section.optional() });

export const IntakeVersionParams = z.strictObject({ id: Id, version: z.coerce.number().int().min(1).max(100_000) });
