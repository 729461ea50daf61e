import type { MessageWords } from './compose.ts';

/**
 * The appointment messages in Spanish, written for patients (usted), not word for word from the English:
 * the clinic's service, therapist and site names stay as the clinic writes them.
 */
export const SPANISH: MessageWords = {
  hello: (name) => `Hola, ${name}:`,
  what: (service, therapist) => `Cita:    ${service} con ${therapist}`,
  when: (time, minutes) => `Cuándo:  ${time} (${minutes} minutos)`,
  where: (place) => `Dónde:   ${place}`,
  phone: (phone) => `Teléfono: ${phone}`,
  price: (price) => `Precio:  ${price}`,
  fromClinic: (note) => `Un mensaje de la clínica: ${note}`,
  manage: (url) => `¿Necesita cancelar o cambiar la hora? Use este enlace: ${url}`,
  callInstead: (hours, phone) =>
    `Si faltan menos de ${hours} horas para la cita, por favor llame a la clínica${phone ? ` al ${phone}` : ''}.`,
  preVisit: [
    'Por favor llegue 15 minutos antes: hay unos formularios que llenar antes de empezar.',
    'Use ropa cómoda que permita al terapeuta llegar a las zonas donde siente dolor.',
    'Evite la cafeína (café, té, bebidas energéticas) antes de la visita.',
    'Traiga su historial de salud (lesiones y cirugías anteriores) y una lista de los medicamentos que toma.',
  ],
  kinds: {
    confirmation: { subject: (s, when) => `Cita reservada: ${s}, ${when}`, lead: ['Su cita quedó reservada.'] },
    reminder: {
      subject: (s, when) => `Recordatorio: ${s}, ${when}`,
      lead: ['Le recordamos su cita.'],
      leadIn: (hours) => [`Le recordamos su cita, dentro de unas ${hours} horas.`],
    },
    'pre-visit': {
      subject: (_s, when) => `Antes de su primera visita: ${when}`,
      lead: ['Algunas cosas que le ayudarán en su primera visita:'],
    },
    reschedule: { subject: (s, when) => `Cita cambiada: ${s}, ahora ${when}`, lead: ['Su cita tiene una nueva hora.'] },
    cancellation: { subject: (s, when) => `Cita cancelada: ${s}, ${when}`, lead: ['Su cita fue cancelada.'] },
    'visit-affected': {
      subject: (s, when) => `Por favor elija otra hora: ${s}, ${when}`,
      lead: ['Lo sentimos: su cita no puede realizarse como estaba reservada.'],
    },
    'waitlist-offer': {
      subject: (s, when) => `Hay una hora disponible: ${s}, ${when}`,
      lead: ['Se liberó una hora que usted estaba esperando.'],
    },
  },
  why: (problem) => `Motivo: ${problem}`,
  bookAgain: 'Para hacer otra cita, llame a la clínica o use la reserva en línea.',
  chooseNew: (url) => `Por favor elija una nueva hora, o cancele la cita, con este enlace: ${url}`,
  orCall: (phone) => `O llame a la clínica${phone ? ` al ${phone}` : ''} y buscaremos una hora con usted.`,
  callForNew: (phone) =>
    `Por favor llame a la clínica${phone ? ` al ${phone}` : ''} y buscaremos una nueva hora con usted.`,
};
