import { z } from 'zod';
import { IdParams } from '../common.ts';

export const RecordParams = IdParams;

export const RecordQuery = z.strictObject({
  lang: z
    .enum(['en', 'es'], 'Choose English (en) or Spanish (es).')
    .optional()
    .describe("The language of the PDF; the patient's own language when not given"),
});

const Part = <T extends z.ZodType>(row: T, what: string) =>
  z.array(row).nullable().describe(`${what}; null when the viewer does not read this part`);
const Dated = z.string().describe('An instant, ISO 8601');
const Document = z.record(z.string(), z.unknown());

/** The record as JSON: every part the viewer may read, under the names the rest of the API uses. */
export const PatientRecordSchema = z
  .object({
    generatedAt: Dated,
    language: z.enum(['en', 'es']),
    patient: z.object({
      id: z.string(),
      givenName: z.string(),
      familyName: z.string(),
      preferredName: z.string().nullable(),
      dateOfBirth: z.string(),
      sexAtBirth: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      address: Document.nullable(),
      emergencyContact: Document.nullable(),
      communication: Document,
    }),
    appointments: z.array(
      z.object({
        id: z.string(),
        start: Dated,
        end: Dated,
        status: z.string(),
        serviceCode: z.string(),
        serviceName: z.string().nullable(),
        therapistName: z.string().nullable(),
        locationName: z.string().nullable(),
      }),
    ),
    intake: Part(z.object({ version: z.number(), submittedAt: Dated, answers: Document }), 'Health questionnaires'),
    screening: Part(
      z.object({ intakeVersion: z.number(), decision: z.string(), screenedAt: Dated, cleared: z.boolean() }),
      'Safety checks of each questionnaire',
    ),
    assessments: Part(
      z.object({ id: z.string(), assessedOn: z.string(), findings: Document, diagnoses: z.array(z.string()) }),
      'Assessments: pain map, range of motion, trigger points',
    ),
    plans: Part(z.object({ id: z.string(), status: z.string(), plan: Document }), 'Treatment plans'),
    notes: Part(z.object({ id: z.string(), status: z.string(), createdAt: Dated }), 'Visit notes'),
    measures: Part(
      z.object({ id: z.string(), measure: z.string(), score: z.number(), takenAt: Dated }),
      'Outcome questionnaires (NPRS, NDI, ODI, PSFS)',
    ),
    homeCare: Part(z.object({ id: z.string(), content: Document, sentAt: Dated.nullable() }), 'Home care'),
    coverage: Part(z.object({ id: z.string(), order: z.number(), type: z.string() }), 'Insurance coverage'),
    balance: z
      .object({ dueNow: z.number().int(), patient: z.number().int() })
      .nullable()
      .describe('In cents; null when the viewer does not read the balance'),
    withheld: z.array(z.string()).describe('The parts left out for this viewer'),
  })
  .meta({ id: 'PatientRecord' });
