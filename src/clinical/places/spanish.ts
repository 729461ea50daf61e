// The place answer in Spanish: place names, muscle names and "what a therapist will check", written
// for patients from the Spanish tables (not translated at run time). The English answer is the
// reference; this changes only the words, never which places or muscles are found.
import { regionBase } from '../bodymap/regions.ts';
import { MUSCLE_NAMES_ES } from './names-es-muscles.ts';
import { REGION_NAMES_ES } from './names-es-regions.ts';
import type { Place } from './resolve.ts';
import type { PlaceSuggestion } from './suggest.ts';

/** The Spanish name of a body-map place (its base), or the English one for a base added since. */
export function placeNameEs(base: string): string {
  return REGION_NAMES_ES[base]?.name ?? regionBase(base)?.name ?? base;
}

/** A muscle's Spanish names, or undefined for a muscle added to the atlas without them. */
export function muscleNamesEs(id: string): { name: string; plainName: string } | undefined {
  return MUSCLE_NAMES_ES[id];
}

/** "a, b y c"; "a" + "el" is "al" in Spanish. */
function toPlaces(items: string[]): string {
  const list = items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
  return list.startsWith('el ') ? `al ${list.slice(3)}` : `a ${list}`;
}

/** "What a therapist will check" in Spanish, for a muscle, the side checked and the places (bases) it explains. */
export function patientTextEs(muscleId: string, side: 'left' | 'right' | 'midline', bases: readonly string[]): string {
  const muscle = MUSCLE_NAMES_ES[muscleId];
  const plain = muscle?.plainName ?? muscleId;
  const where = side === 'left' ? ' del lado izquierdo' : side === 'right' ? ' del lado derecho' : '';
  const places = [...new Set(bases.map((b) => REGION_NAMES_ES[b]?.where ?? placeNameEs(b).toLowerCase()))];
  return (
    `Los puntos tensos en ${plain}${where} pueden enviar dolor ${toPlaces(places)}. ` +
    'Un terapeuta puede revisar este músculo con una presión suave; es un lugar donde buscar, no un diagnóstico.'
  );
}

function placeEs(place: Place): Place {
  return { ...place, name: placeNameEs(place.base) };
}

function suggestionEs(s: PlaceSuggestion): PlaceSuggestion {
  const names = MUSCLE_NAMES_ES[s.muscle];
  const side = s.side === 'left' || s.side === 'right' ? s.side : 'midline';
  return {
    ...s,
    name: names?.name ?? s.name,
    plainName: names?.plainName ?? s.plainName,
    patientText: patientTextEs(s.muscle, side, s.places),
  };
}

/** The same answer with its words in Spanish. */
export function answerInSpanish<T extends { places: Place[]; closest: Place[]; suggestions: PlaceSuggestion[] }>(
  answer: T,
): T {
  return {
    ...answer,
    places: answer.places.map(placeEs),
    closest: answer.closest.map(placeEs),
    suggestions: answer.suggestions.map(suggestionEs),
  };
}
