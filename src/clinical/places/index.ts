// Where does it hurt? One resolver for the CLI, the intake pain-map search and the public API:
// free text in English or Spanish → body-map places (with the side named, or none) → the muscles
// a therapist will check. Pure: no I/O, no clock.
import { placeSuggestions, type PlaceSuggestion } from './suggest.ts';
import { resolvePlaces, type Lang, type PlaceReading } from './resolve.ts';
import { answerInSpanish } from './spanish.ts';

export { resolvePlaces } from './resolve.ts';
export type { Lang, NamedSide, Place, PlaceReading } from './resolve.ts';
export type { PlaceSuggestion } from './suggest.ts';
export { muscleNamesEs, patientTextEs, placeNameEs } from './spanish.ts';

export interface PlaceAnswer extends PlaceReading {
  suggestions: PlaceSuggestion[];
}

/**
 * The places a description names and the muscles to check for them (none when nothing matched).
 * `lang: 'es'` answers in Spanish (place and muscle names, "what a therapist will check").
 */
export function findPlaces(text: string, options: { lang?: Lang; limit?: number } = {}): PlaceAnswer {
  const reading = resolvePlaces(text, { lang: options.lang });
  const answer = { ...reading, suggestions: placeSuggestions(reading, { limit: options.limit }) };
  return options.lang === 'es' ? answerInSpanish(answer) : answer;
}
