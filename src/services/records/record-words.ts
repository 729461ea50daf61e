import type { Locale } from '../../words/locales.ts';

/** The headings and labels of the record PDF, written for patients in each language (usted in Spanish). */
export interface RecordWords {
  title: string;
  made: (date: string) => string;
  name: string;
  born: string;
  contact: string;
  sections: {
    visits: string;
    screening: string;
    plans: string;
    measures: string;
    homeCare: string;
    assessments: string;
    notes: string;
    coverage: string;
    balance: string;
  };
  none: string;
  withheld: string;
  status: Record<string, string>;
  decision: Record<string, string>;
  phase: Record<string, string>;
  planStatus: Record<string, string>;
  measure: Record<string, string>;
  visitsPlanned: (n: number) => string;
  trend: string;
  sent: (date: string) => string;
  afterVisit: string;
  stretches: string;
  callClinicIf: string;
  painMarked: string;
  triggerPoints: string;
  coverageOrder: (n: number) => string;
  dueNow: string;
  balance: string;
  footer: string;
}

const EN: RecordWords = {
  title: 'Your health record',
  made: (date) => `Made on ${date}`,
  name: 'Name',
  born: 'Date of birth',
  contact: 'Contact',
  sections: {
    visits: 'Visits',
    screening: 'Health questionnaire: safety check',
    plans: 'Treatment plan',
    measures: 'How you are doing (questionnaires)',
    homeCare: 'Home care',
    assessments: 'Assessments',
    notes: 'Visit notes',
    coverage: 'Insurance',
    balance: 'Balance',
  },
  none: 'None yet.',
  withheld: 'Not part of this copy.',
  status: {
    booked: 'booked',
    arrived: 'arrived',
    in_session: 'in treatment',
    completed: 'attended',
    cancelled: 'cancelled',
    late_cancel: 'cancelled late',
    no_show: 'missed',
  },
  decision: {
    clear: 'clear to treat',
    caution: 'treat with care',
    local: 'some areas avoided',
    refer: 'see your doctor first',
    contraindicated: 'not treated until cleared',
  },
  phase: { acute: 'first relief', chronic: 'longer-term care', maintenance: 'staying well' },
  planStatus: { draft: 'being prepared', active: 'current', completed: 'finished' },
  measure: {
    nprs: 'Pain (0–10)',
    ndi: 'Neck Disability Index',
    odi: 'Oswestry Disability Index',
    psfs: 'Patient-Specific Functional Scale',
  },
  visitsPlanned: (n) => `${n} visits planned`,
  trend: 'Scores over time',
  sent: (date) => `Sent on ${date}`,
  afterVisit: 'After the visit',
  stretches: 'Stretches',
  callClinicIf: 'Call the clinic if',
  painMarked: 'Where it hurt',
  triggerPoints: 'Tight spots found',
  coverageOrder: (n) => (n === 1 ? 'Primary' : n === 2 ? 'Secondary' : `Order ${n}`),
  dueNow: 'Due now',
  balance: 'Your balance',
  footer: 'This is a copy of your record at the clinic. Ask the clinic if anything looks wrong.',
};

const ES: RecordWords = {
  title: 'Su expediente de salud',
  made: (date) => `Preparado el ${date}`,
  name: 'Nombre',
  born: 'Fecha de nacimiento',
  contact: 'Contacto',
  sections: {
    visits: 'Visitas',
    screening: 'Cuestionario de salud: revisión de seguridad',
    plans: 'Plan de tratamiento',
    measures: 'Cómo se siente (cuestionarios)',
    homeCare: 'Cuidados en casa',
    assessments: 'Evaluaciones',
    notes: 'Notas de las visitas',
    coverage: 'Seguro',
    balance: 'Saldo',
  },
  none: 'Todavía no hay nada.',
  withheld: 'No forma parte de esta copia.',
  status: {
    booked: 'reservada',
    arrived: 'llegó',
    in_session: 'en tratamiento',
    completed: 'asistió',
    cancelled: 'cancelada',
    late_cancel: 'cancelada tarde',
    no_show: 'no asistió',
  },
  decision: {
    clear: 'puede recibir tratamiento',
    caution: 'tratamiento con cuidado',
    local: 'se evitan algunas zonas',
    refer: 'consulte primero a su médico',
    contraindicated: 'sin tratamiento hasta tener el permiso de su médico',
  },
  phase: { acute: 'alivio inicial', chronic: 'cuidado a largo plazo', maintenance: 'mantenerse bien' },
  planStatus: { draft: 'en preparación', active: 'actual', completed: 'terminado' },
  measure: {
    nprs: 'Dolor (0–10)',
    ndi: 'Índice de discapacidad del cuello (NDI)',
    odi: 'Índice de discapacidad de Oswestry (ODI)',
    psfs: 'Escala funcional específica del paciente (PSFS)',
  },
  visitsPlanned: (n) => `${n} visitas previstas`,
  trend: 'Resultados a lo largo del tiempo',
  sent: (date) => `Enviado el ${date}`,
  afterVisit: 'Después de la visita',
  stretches: 'Estiramientos',
  callClinicIf: 'Llame a la clínica si',
  painMarked: 'Dónde le dolía',
  triggerPoints: 'Puntos tensos encontrados',
  coverageOrder: (n) => (n === 1 ? 'Principal' : n === 2 ? 'Secundario' : `Orden ${n}`),
  dueNow: 'A pagar ahora',
  balance: 'Su saldo',
  footer: 'Esta es una copia de su expediente en la clínica. Si algo no le parece correcto, pregunte en la clínica.',
};

export function recordWords(locale: Locale): RecordWords {
  return locale === 'es' ? ES : EN;
}
