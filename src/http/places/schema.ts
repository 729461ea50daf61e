import { z } from 'zod';

/** Room for a sentence about where it hurts, not an essay. */
const PLACE_TEXT_MAX = 200;

export const PlaceSearchQuery = z.strictObject({
  q: z
    .string('Say where it hurts, in a few words.')
    .trim()
    .min(1, 'Say where it hurts, in a few words.')
    .max(PLACE_TEXT_MAX, `Use at most ${PLACE_TEXT_MAX} characters to say where it hurts.`)
    .describe('Where it hurts, in English or Spanish: "front of my left thigh", "parte de atrás de la rodilla"'),
  lang: z
    .enum(['en', 'es'], 'Choose English (en) or Spanish (es).')
    .optional()
    .describe('The language the words are in, when known (both are understood either way); es answers in Spanish'),
  limit: z.coerce
    .number('Give how many muscles to list, from 1 to 20.')
    .int('Give how many muscles to list, from 1 to 20.')
    .min(1, 'Give how many muscles to list, from 1 to 20.')
    .max(20, 'Give how many muscles to list, from 1 to 20.')
    .optional()
    .describe('How many muscles to list (default 8)'),
});

const Side = z.enum(['left', 'right', 'both', 'unknown', 'midline']);

const PlaceSchema = z
  .object({
    base: z.string().describe('The place on the body map (both sides share it)'),
    name: z.string(),
    side: Side.describe('As named; "unknown" is one side, not known which'),
    regionIds: z.array(z.string()).describe('The body-map regions this place may be'),
  })
  .meta({ id: 'Place' });

export const PlaceAnswerSchema = z
  .object({
    side: z.enum(['left', 'right', 'both']).nullable().describe('The side named; null when none was'),
    places: z.array(PlaceSchema).describe('The places matched; empty when nothing fits'),
    closest: z.array(PlaceSchema).describe('When nothing fits: the closest places, best first'),
    unknownWords: z.array(z.string()).describe('Words that were not understood'),
    suggestions: z
      .array(
        z.object({
          muscle: z.string(),
          name: z.string(),
          plainName: z.string(),
          side: Side.describe('The side to check: as named, "unknown" when no side was named, or "midline"'),
          weight: z.enum(['primary', 'spillover']),
          places: z.array(z.string()),
          patientText: z.string().describe('What a therapist will check, in plain words; never a diagnosis'),
        }),
      )
      .describe('Muscles whose referral patterns commonly send pain there, each listed once'),
  })
  .meta({ id: 'PlaceAnswer' });
