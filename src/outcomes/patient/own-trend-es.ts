import type { ChangeClass, MeasureId } from '../../clinical/measures/index.ts';
import type { OwnTrendInput, PainArea } from './own-trend.ts';

/**
 * The trend sentence for a Spanish-speaking reader: the same thresholds and judgement as the English
 * (own-trend.ts decides the change), said in plain Latin-American Spanish, not word for word.
 */
const AREA: Record<PainArea, string> = {
  neck: 'cuello',
  'low back': 'espalda baja',
  'upper back': 'espalda alta',
  head: 'cabeza',
  jaw: 'mandíbula',
  shoulder: 'hombro',
  hip: 'cadera',
  leg: 'pierna',
};

function subjectOf(measure: MeasureId, area: PainArea | undefined, reader: 'patient' | 'clinician'): string {
  const patient = reader === 'patient';
  const whose = patient ? 'Su' : 'La';
  const who = patient ? 'le' : 'le al paciente';
  switch (measure) {
    case 'nprs':
      return `${whose} puntuación de dolor${area ? ` de ${AREA[area]}` : ''}${patient ? '' : ' del paciente'}`;
    case 'ndi':
      return `${whose} puntuación de cuánto ${who} limita el cuello en la vida diaria`;
    case 'odi':
      return `${whose} puntuación de cuánto ${who} limita la espalda en la vida diaria`;
    case 'psfs':
      return `${whose} puntuación en las actividades ${patient ? 'que usted eligió' : 'que eligió el paciente'}`;
  }
}

const shown = (score: number) => String(Math.round(score * 10) / 10);

export function ownTrendInSpanish(input: OwnTrendInput, change: ChangeClass): string {
  const { measure, first, latest } = input;
  const reader = input.reader ?? 'patient';
  const subject = subjectOf(measure, input.area, reader);
  if (latest === first) return `${subject} es igual que al principio: ${shown(first)}.`;
  const rose = latest > first;
  const moved = `${subject} ${rose ? 'subió' : 'bajó'} de ${shown(first)} a ${shown(latest)}`;
  switch (change) {
    case 'beyond-mcid':
      return `${moved}: un cambio que la mayoría de las personas nota.`;
    case 'beyond-mdc':
      return `${moved}: un cambio real, aunque menor del que nota la mayoría.`;
    case 'worse':
      return reader === 'clinician'
        ? `${moved}: peor que al principio.`
        : `${moved}: peor que al principio. Cuénteselo a su terapeuta en su próxima visita.`;
    case 'no-change':
      return `${moved}: un cambio demasiado pequeño para saber si es más que la variación normal de un día a otro.`;
  }
}
