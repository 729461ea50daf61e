import type { Section } from './instruments.ts';

/**
 * The NDI and ODI sections for Spanish-speaking patients: our own plain Latin-American Spanish ("usted"
 * is implied; each statement is in the first person, as the patient says it), written to keep each
 * statement's meaning and its 0–5 order. They are not the published translations' text.
 *
 * Published Spanish adaptations, for the reader who wants the validated wording:
 * NDI: Andrade Ortega JA, Delgado Martínez AD, Almécija Ruiz R. Validación de una versión española del
 *   Índice de Discapacidad Cervical. Med Clin (Barc) 2008;130(3):85-89.
 * ODI: Flórez García MT, García Pérez MA, García Pérez F, et al. Adaptación transcultural a la población
 *   española de la escala de incapacidad por dolor lumbar de Oswestry. Rehabilitación (Madr)
 *   1995;29:138-145.
 */
const PAIN: Section['options'] = [
  'En este momento no tengo dolor',
  'En este momento el dolor es muy leve',
  'En este momento el dolor es moderado',
  'En este momento el dolor es bastante fuerte',
  'En este momento el dolor es muy fuerte',
  'En este momento el dolor es el peor que me puedo imaginar',
];
const PERSONAL_CARE: Section['options'] = [
  'Puedo cuidarme como siempre sin que me duela más',
  'Puedo cuidarme como siempre, pero me duele más',
  'Cuidarme me duele y lo hago despacio y con cuidado',
  'Necesito algo de ayuda, pero hago casi todo mi cuidado personal',
  'Necesito ayuda todos los días para casi todo mi cuidado personal',
  'No me visto, me lavo con dificultad y me quedo en la cama',
];
const LIFTING: Section['options'] = [
  'Puedo levantar cosas pesadas sin que me duela más',
  'Puedo levantar cosas pesadas, pero me duele más',
  'El dolor no me deja levantar cosas pesadas del piso, pero sí si están a mano (por ejemplo en una mesa)',
  'El dolor no me deja levantar cosas pesadas, pero sí cosas ligeras o medianas si están a mano',
  'Solo puedo levantar cosas muy ligeras',
  'No puedo levantar ni cargar nada',
];

export const NDI_SECTIONS_ES: readonly Section[] = [
  { title: 'Intensidad del dolor', options: PAIN },
  { title: 'Cuidado personal (lavarse, vestirse)', options: PERSONAL_CARE },
  { title: 'Levantar cosas', options: LIFTING },
  {
    title: 'Leer',
    options: [
      'Puedo leer todo lo que quiero sin dolor de cuello',
      'Puedo leer todo lo que quiero con un poco de dolor de cuello',
      'Puedo leer todo lo que quiero con dolor de cuello moderado',
      'No puedo leer todo lo que quiero por un dolor de cuello moderado',
      'Casi no puedo leer por un dolor de cuello fuerte',
      'No puedo leer nada',
    ],
  },
  {
    title: 'Dolores de cabeza',
    options: [
      'No tengo ningún dolor de cabeza',
      'Tengo dolores de cabeza leves que me dan pocas veces',
      'Tengo dolores de cabeza moderados que me dan pocas veces',
      'Tengo dolores de cabeza moderados que me dan seguido',
      'Tengo dolores de cabeza fuertes que me dan seguido',
      'Tengo dolor de cabeza casi todo el tiempo',
    ],
  },
  {
    title: 'Concentrarse',
    options: [
      'Puedo concentrarme bien cuando quiero, sin dificultad',
      'Puedo concentrarme bien cuando quiero, con un poco de dificultad',
      'Me cuesta algo concentrarme',
      'Me cuesta mucho concentrarme',
      'Me cuesta muchísimo concentrarme',
      'No puedo concentrarme nada',
    ],
  },
  {
    title: 'Trabajo',
    options: [
      'Puedo trabajar todo lo que quiero',
      'Puedo hacer mi trabajo de siempre, pero nada más',
      'Puedo hacer casi todo mi trabajo de siempre, pero nada más',
      'No puedo hacer mi trabajo de siempre',
      'Casi no puedo trabajar',
      'No puedo trabajar nada',
    ],
  },
  {
    title: 'Manejar',
    hint: 'Si nunca maneja, puede saltar esta sección.',
    options: [
      'Puedo manejar sin ningún dolor de cuello',
      'Puedo manejar todo lo que quiero con un poco de dolor de cuello',
      'Puedo manejar todo lo que quiero con dolor de cuello moderado',
      'No puedo manejar todo lo que quiero por un dolor de cuello moderado',
      'Casi no puedo manejar por un dolor de cuello fuerte',
      'No puedo manejar nada',
    ],
  },
  {
    title: 'Dormir',
    options: [
      'Duermo sin problemas',
      'Mi sueño se altera un poco (menos de 1 hora despierto)',
      'Mi sueño se altera algo (de 1 a 2 horas despierto)',
      'Mi sueño se altera bastante (de 2 a 3 horas despierto)',
      'Mi sueño se altera mucho (de 3 a 5 horas despierto)',
      'Mi sueño se altera por completo (de 5 a 7 horas despierto)',
    ],
  },
  {
    title: 'Tiempo libre',
    options: [
      'Puedo hacer todas mis actividades de siempre sin dolor de cuello',
      'Puedo hacer todas mis actividades de siempre con algo de dolor de cuello',
      'Por el dolor de cuello puedo hacer casi todas mis actividades de siempre, pero no todas',
      'Por el dolor de cuello solo puedo hacer unas pocas de mis actividades de siempre',
      'Por el dolor de cuello casi no puedo hacer ninguna de mis actividades de siempre',
      'No puedo hacer ninguna de mis actividades de siempre',
    ],
  },
];

export const ODI_SECTIONS_ES: readonly Section[] = [
  { title: 'Intensidad del dolor', options: PAIN },
  { title: 'Cuidado personal (lavarse, vestirse)', options: PERSONAL_CARE },
  { title: 'Levantar cosas', options: LIFTING },
  {
    title: 'Caminar',
    options: [
      'El dolor no me impide caminar ninguna distancia',
      'El dolor no me deja caminar más de 1 milla',
      'El dolor no me deja caminar más de media milla',
      'El dolor no me deja caminar más de 100 yardas',
      'Solo puedo caminar con bastón o muletas',
      'Paso en la cama casi todo el tiempo',
    ],
  },
  {
    title: 'Estar sentado',
    options: [
      'Puedo estar sentado en cualquier silla todo el tiempo que quiera',
      'Puedo estar sentado en mi silla favorita todo el tiempo que quiera',
      'El dolor no me deja estar sentado más de 1 hora',
      'El dolor no me deja estar sentado más de 30 minutos',
      'El dolor no me deja estar sentado más de 10 minutos',
      'El dolor no me deja estar sentado nada',
    ],
  },
  {
    title: 'Estar de pie',
    options: [
      'Puedo estar de pie todo el tiempo que quiera sin que me duela más',
      'Puedo estar de pie todo el tiempo que quiera, pero me duele más',
      'El dolor no me deja estar de pie más de 1 hora',
      'El dolor no me deja estar de pie más de 30 minutos',
      'El dolor no me deja estar de pie más de 10 minutos',
      'El dolor no me deja estar de pie nada',
    ],
  },
  {
    title: 'Dormir',
    options: [
      'El dolor nunca me despierta',
      'El dolor a veces me despierta',
      'Por el dolor duermo menos de 6 horas',
      'Por el dolor duermo menos de 4 horas',
      'Por el dolor duermo menos de 2 horas',
      'El dolor no me deja dormir nada',
    ],
  },
  {
    title: 'Vida sexual (si aplica)',
    hint: 'Puede saltar esta sección.',
    options: [
      'Mi vida sexual es normal y no me duele más',
      'Mi vida sexual es normal, pero me duele algo más',
      'Mi vida sexual es casi normal, pero muy dolorosa',
      'El dolor limita mucho mi vida sexual',
      'Por el dolor casi no tengo vida sexual',
      'El dolor no me deja tener ninguna vida sexual',
    ],
  },
  {
    title: 'Vida social',
    options: [
      'Mi vida social es normal y no me duele más',
      'Mi vida social es normal, pero aumenta el dolor',
      'El dolor solo limita mis actividades más activas, como el deporte',
      'El dolor limita mi vida social y salgo menos',
      'Por el dolor mi vida social se limita a mi casa',
      'Por el dolor no tengo vida social',
    ],
  },
  {
    title: 'Viajar',
    options: [
      'Puedo viajar a cualquier lugar sin dolor',
      'Puedo viajar a cualquier lugar, pero me duele más',
      'El dolor es fuerte, pero aguanto viajes de más de 2 horas',
      'Por el dolor solo puedo hacer viajes de menos de 1 hora',
      'Por el dolor solo puedo hacer viajes cortos y necesarios de menos de 30 minutos',
      'El dolor no me deja viajar, salvo para recibir tratamiento',
    ],
  },
];
