/**
 * The public "what NMT is and what to expect" text, per locale. The organisation may replace it; these
 * are the defaults, in our own words.
 *
 * Sources: the five elements are those of the St. John method of neuromuscular therapy as its
 * teaching centres describe them (ischemia, trigger points, nerve compression or entrapment, postural
 * distortion, biomechanical dysfunction; e.g. NMT Center, https://www.nmtcenter.com). The visit
 * timeline (60–90 min), holds of 10–30 s, the 5–7 "therapeutic discomfort" range, soreness for
 * 24–36 h and extra water afterwards restate ../shared/clinical/REFERENCE.md, "The service as the
 * clinic runs it". The Spanish is written for patients, not translated word for word.
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export interface AboutSection {
  heading: string;
  body: string;
}

export interface AboutText {
  title: string;
  sections: AboutSection[];
}

const EN: AboutText = {
  title: 'What neuromuscular therapy is, and what to expect',
  sections: [
    {
      heading: 'What it is',
      body:
        'Neuromuscular therapy (NMT) is hands-on work on muscles and the tissue around them. It looks for the ' +
        'causes of pain rather than only the place it hurts, and works on five things: reduced blood flow in ' +
        'tight tissue (ischemia), trigger points that send pain elsewhere, nerves pressed by muscle or other ' +
        'tissue, posture that pulls the body out of balance, and movement habits that strain it.',
    },
    {
      heading: 'Your first visit',
      body:
        'Plan on 60 to 90 minutes. We start by asking about your history and where it hurts, look at posture ' +
        'and how you move, and feel the muscles. Then we agree on a plan, treat the problem areas (not a full-body ' +
        'massage), check again how you feel, and show you what to do at home.',
    },
    {
      heading: 'During treatment',
      body:
        'Your therapist presses and holds each point for 10 to 30 seconds. You rate the pressure from 1 to 10; ' +
        'it should stay around 5 to 7 — firm and "good hurt", never sharp. Say so at any time and the pressure ' +
        'changes. You may be asked to breathe slowly or move a little.',
    },
    {
      heading: 'Afterwards',
      body:
        'Some soreness for 24 to 36 hours is normal, like after a workout. Drink 2 to 3 extra glasses of water ' +
        'that day. You may feel tired; if anything worries you, call the clinic.',
    },
  ],
};

const ES: AboutText = {
  title: 'Qué es la terapia neuromuscular y qué esperar',
  sections: [
    {
      heading: 'Qué es',
      body:
        'La terapia neuromuscular (NMT) es un trabajo con las manos sobre los músculos y los tejidos que los ' +
        'rodean. Busca de dónde viene el dolor, no solo dónde se siente, y trabaja cinco cosas: la falta de ' +
        'circulación en el músculo tenso (isquemia), los puntos gatillo que mandan dolor a otras partes, los ' +
        'nervios apretados por un músculo u otro tejido, la postura que desequilibra el cuerpo y las formas de ' +
        'moverse que lo sobrecargan.',
    },
    {
      heading: 'Su primera visita',
      body:
        'Cuente con 60 a 90 minutos. Primero le preguntamos por su salud y dónde le duele, miramos su postura y ' +
        'cómo se mueve, y palpamos los músculos. Luego acordamos un plan, tratamos las zonas del problema (no es ' +
        'un masaje de cuerpo entero), vemos cómo se siente y le enseñamos qué hacer en casa.',
    },
    {
      heading: 'Durante el tratamiento',
      body:
        'Su terapeuta presiona cada punto y lo mantiene de 10 a 30 segundos. Usted califica la presión del 1 al ' +
        '10; debe quedar entre 5 y 7: firme, un dolor "que alivia", nunca punzante. Dígalo cuando quiera y se ' +
        'ajusta la presión. Puede que le pidamos respirar despacio o moverse un poco.',
    },
    {
      heading: 'Después',
      body:
        'Es normal sentir algo de dolor muscular de 24 a 36 horas, como después de hacer ejercicio. Tome de 2 a 3 ' +
        'vasos de agua de más ese día. Puede sentirse cansado; si algo le preocupa, llame a la clínica.',
    },
  ],
};

const DEFAULTS: Record<Locale, AboutText> = { en: EN, es: ES };

/** The text shown when the organisation has not written its own for `locale`. */
export function defaultAboutText(locale: Locale): AboutText {
  return structuredClone(DEFAULTS[locale]);
}
