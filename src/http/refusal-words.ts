import type { FastifyRequest } from 'fastify';
import { QUESTION_TEXT, type QuestionId } from '../clinical/screening/index.ts';
import { supportedLocale, type Locale } from '../words/locales.ts';
import type { ErrorBody } from './errors.ts';

/**
 * Refusals a patient can meet on their own pages (the health questionnaire, outcome questionnaires,
 * the password, booking), in plain Spanish. The services speak English, the one language of logs,
 * the CLI and staff screens; a reply to a Spanish reader swaps each known sentence for its Spanish
 * one, and leaves any other as it is (English is still better than a wrong guess). The shape of the
 * error does not change.
 */
const SPANISH: Record<string, string> = {
  // Validation that any form can meet.
  'Required.': 'Falta esta respuesta.',
  'Must not be empty.': 'No puede quedar vacío.',
  'Must be a number.': 'Escriba un número.',
  'Must be a whole number.': 'Escriba un número entero, sin decimales.',
  'Choose one of the options offered.': 'Elija una de las opciones.',
  'Not the value this needs.': 'Elija una de las opciones.',
  'Choose or add at least one.': 'Elija o agregue al menos uno.',
  'Use a date in the form YYYY-MM-DD.': 'Escriba la fecha como AAAA-MM-DD.',
  'Please check the form.': 'Revise el formulario.',
  // The password.
  'The current password is not right.': 'La contraseña actual no es correcta.',
  'Choose a password different from the current one.': 'Elija una contraseña distinta de la actual.',
  'Too many failed sign-in attempts. Try again later.': 'Demasiados intentos fallidos. Inténtelo más tarde.',
  'Sign in first.': 'Primero inicie sesión.',
  // Booking.
  'That time was just booked by someone else.': 'Otra persona acaba de reservar esa hora.',
  'Booked by another request a moment ago.': 'Se reservó hace un momento.',
  'No such service (or it is no longer offered).': 'Ese servicio no existe o ya no se ofrece.',
  'You do not have access to this appointment.': 'No tiene acceso a esta cita.',
  'You do not have access to this.': 'No tiene acceso a esto.',
  'No such appointment.': 'No encontramos esa cita.',
  'This offer has expired or was already used.': 'Esta oferta venció o ya se usó.',
  // The patient's own contact details.
  'Use digits, spaces, dashes, dots or brackets, e.g. 503-555-0142.':
    'Use números, espacios, guiones, puntos o paréntesis, por ejemplo 503-555-0142.',
  'Use the two-letter state code, e.g. OR.': 'Use el código de dos letras del estado, por ejemplo OR.',
  'Use a ZIP code, e.g. 97005.': 'Escriba un código postal, por ejemplo 97005.',
  'Use a language tag, e.g. en or es-MX.': 'Escriba un código de idioma, por ejemplo es (español) o en (inglés).',
  'Use an email address, like name@example.com.':
    'Escriba su correo electrónico completo, por ejemplo nombre@ejemplo.com.',
  // Home care and questionnaires.
  'No home care for this session yet.': 'Todavía no hay cuidados en casa de esta visita.',
  'Your patient record was not found.': 'No encontramos su expediente de paciente.',
};

const QUESTION_BY_ENGLISH = new Map(
  (Object.keys(QUESTION_TEXT.en) as QuestionId[]).map((id) => [QUESTION_TEXT.en[id], QUESTION_TEXT.es[id]]),
);

/** Sentences with a number or a question in them. */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Must be at least (\d+) characters?\.$/, (m) => `Use al menos ${m[1]} caracteres.`],
  [/^Too long: at most (\d+) characters?\.$/, (m) => `Demasiado largo: ${m[1]} caracteres como máximo.`],
  [/^Must be (-?[\d.]+) or more\.$/, (m) => `Debe ser ${m[1]} o más.`],
  [/^Must be (-?[\d.]+) or less\.$/, (m) => `Debe ser ${m[1]} o menos.`],
  [/^Too many: at most (\d+)\.$/, (m) => `Demasiados: ${m[1]} como máximo.`],
  [/^Answer yes, no or not sure: (.+)$/, (m) => `Responda sí, no o no estoy seguro: ${question(m[1]!)}`],
  [/^That time cannot be booked: /, () => 'Esa hora no se puede reservar. Elija otra.'],
  [
    /^(One health question has|(\d+) health questions have) no answer yet; answer each yes, no or not sure\. /,
    (m) =>
      m[2]
        ? `Faltan ${m[2]} preguntas de salud por responder; responda cada una con sí, no o no estoy seguro.`
        : 'Falta una pregunta de salud por responder; respóndala con sí, no o no estoy seguro.',
  ],
];

function question(english: string): string {
  return QUESTION_BY_ENGLISH.get(english) ?? english;
}

/** One refusal sentence in Spanish, or unchanged when we have no Spanish for it. */
export function spanishRefusal(english: string): string {
  const exact = SPANISH[english];
  if (exact) return exact;
  for (const [pattern, say] of PATTERNS) {
    const match = english.match(pattern);
    if (match) return say(match);
  }
  return english;
}

/**
 * The reader's language: the page's own (the web app sends it as Accept-Language), else the one the
 * signed-in patient chose for their account, else English.
 */
export function replyLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  const first = typeof header === 'string' ? header.split(',')[0] : undefined;
  if (first && first.trim() !== '*') return supportedLocale(first) ?? 'en';
  return supportedLocale(request.actor?.role === 'patient' ? request.actor.language : null) ?? 'en';
}

/** The error in the reader's language; fields keep their names, only the sentences change. */
export function localizeError(body: ErrorBody, locale: Locale): ErrorBody {
  if (locale === 'en') return body;
  const { code, message, fields } = body.error;
  if (!fields) return { ...body, error: { code, message: spanishRefusal(message) } };
  const spanishFields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, spanishRefusal(v)]));
  const whole = spanishRefusal(message);
  const summary =
    whole !== message
      ? whole
      : Object.keys(fields).length === 1
        ? Object.values(spanishFields)[0]!
        : `Revise estas respuestas: ${Object.values(spanishFields).join(' ')}`;
  return { ...body, error: { code, message: summary, fields: spanishFields } };
}
