// The atlas's muscles in Spanish: `name` is the anatomical name a Spanish-speaking clinician uses
// (Terminologia Anatomica in Spanish: "masetero", "trapecio superior"), `plainName` how a patient would
// picture the muscle, written for patients (usted), not word for word from the English.

export interface SpanishMuscle {
  name: string;
  plainName: string;
}

/** Names spelled the same in both languages (true cognates), kept on purpose. */
export const SAME_IN_BOTH: ReadonlySet<string> = new Set(['Iliopsoas']);

const m = (name: string, plainName: string): SpanishMuscle => ({ name, plainName });

export const MUSCLE_NAMES_ES: Readonly<Record<string, SpanishMuscle>> = {
  masseter: m('Masetero', 'el músculo grueso para masticar, al lado de su mandíbula'),
  temporalis: m('Temporal', 'el músculo en forma de abanico sobre su sien'),
  'lateral-pterygoid': m(
    'Pterigoideo lateral',
    'un músculo pequeño y profundo dentro de la articulación de su mandíbula',
  ),
  'medial-pterygoid': m('Pterigoideo medial', 'un músculo profundo para masticar, por dentro de su mandíbula'),
  digastric: m('Digástrico', 'un músculo delgado debajo de su mandíbula que llega hasta detrás de su oreja'),
  frontalis: m('Frontal', 'el músculo delgado que cubre su frente'),
  occipitalis: m('Occipital', 'el músculo delgado sobre la parte de atrás de su cabeza'),
  'orbicularis-oculi': m('Orbicular de los ojos', 'el anillo de músculo alrededor de su ojo'),
  'zygomaticus-major': m('Cigomático mayor', 'el músculo de la sonrisa, que va de su pómulo a su boca'),
  platysma: m('Platisma', 'la capa delgada de músculo sobre la parte delantera de su cuello'),
  'upper-trapezius': m('Trapecio superior', 'el músculo a lo largo de la parte de arriba de su hombro'),
  'middle-trapezius': m('Trapecio medio', 'el músculo entre sus omóplatos'),
  'lower-trapezius': m('Trapecio inferior', 'la parte baja del músculo grande que cruza la parte alta de su espalda'),
  sternocleidomastoid: m(
    'Esternocleidomastoideo',
    'el músculo en forma de cinta que va de detrás de su oreja a su clavícula',
  ),
  'splenius-capitis': m('Esplenio de la cabeza', 'un músculo en la parte de atrás de su cuello que gira la cabeza'),
  'splenius-cervicis': m('Esplenio del cuello', 'un músculo de la parte de atrás de su cuello, debajo del trapecio'),
  suboccipitals: m('Suboccipitales', 'los músculos pequeños justo debajo de la base de su cráneo'),
  'semispinalis-capitis': m(
    'Semiespinoso de la cabeza',
    'un músculo largo que sube por la parte de atrás de su cuello hasta el cráneo',
  ),
  'cervical-multifidi': m(
    'Multífidos cervicales',
    'músculos pequeños y profundos a lo largo de las vértebras de su cuello',
  ),
  'levator-scapulae': m('Elevador de la escápula', 'el músculo que levanta su omóplato, al lado de su cuello'),
  scalenes: m('Escalenos', 'los músculos al lado de su cuello que ayudan a levantar las costillas'),
  supraspinatus: m('Supraespinoso', 'el músculo encima de su omóplato que empieza a levantar el brazo'),
  infraspinatus: m('Infraespinoso', 'el músculo que cubre su omóplato'),
  'teres-minor': m('Redondo menor', 'un músculo pequeño en la parte de atrás de su hombro'),
  'teres-major': m('Redondo mayor', 'el músculo a lo largo del borde externo de su omóplato'),
  subscapularis: m('Subescapular', 'el músculo de la cara interna de su omóplato, contra las costillas'),
  deltoid: m('Deltoides', 'el músculo redondeado que cubre su hombro'),
  'latissimus-dorsi': m('Dorsal ancho', 'el músculo ancho a lo largo del costado de su espalda'),
  rhomboids: m('Romboides', 'los músculos entre su columna y su omóplato'),
  'serratus-anterior': m('Serrato anterior', 'el músculo a lo largo del costado de sus costillas'),
  'serratus-posterior-superior': m(
    'Serrato posterior superior',
    'un músculo delgado debajo de la parte alta de su omóplato',
  ),
  'pectoralis-major': m('Pectoral mayor', 'el músculo grande del pecho'),
  'pectoralis-minor': m('Pectoral menor', 'un músculo pequeño debajo de su músculo del pecho'),
  subclavius: m('Subclavio', 'un músculo pequeño debajo de su clavícula'),
  coracobrachialis: m('Coracobraquial', 'un músculo pequeño en lo alto de la parte interna de su brazo'),
  sternalis: m('Esternal', 'un músculo delgado sobre su esternón, que no todas las personas tienen'),
  'biceps-brachii': m('Bíceps braquial', 'el músculo de la parte delantera de su brazo'),
  brachialis: m('Braquial', 'el músculo debajo de su bíceps que dobla el codo'),
  'triceps-brachii': m('Tríceps braquial', 'el músculo de la parte de atrás de su brazo'),
  anconeus: m('Ancóneo', 'un músculo pequeño en la parte de atrás de su codo'),
  brachioradialis: m('Braquiorradial', 'el músculo del lado del pulgar de su antebrazo, cerca del codo'),
  'extensor-carpi-radialis-longus': m(
    'Extensor radial largo del carpo',
    'un músculo que levanta la muñeca, justo debajo de la parte externa de su codo',
  ),
  'extensor-carpi-radialis-brevis': m(
    'Extensor radial corto del carpo',
    'un músculo que levanta la muñeca, en la parte de atrás de su antebrazo',
  ),
  'extensor-carpi-ulnaris': m(
    'Extensor cubital del carpo',
    'un músculo del lado del meñique, en la parte de atrás de su antebrazo',
  ),
  'extensor-digitorum': m(
    'Extensor de los dedos',
    'el músculo que levanta los dedos, en la parte de atrás de su antebrazo',
  ),
  supinator: m(
    'Supinador',
    'un músculo profundo justo debajo de la parte externa de su codo, que gira la palma hacia arriba',
  ),
  'palmaris-longus': m('Palmar largo', 'un músculo delgado en el centro de la parte delantera de su antebrazo'),
  'flexor-carpi-radialis': m(
    'Flexor radial del carpo',
    'un músculo que dobla la muñeca, en la parte delantera de su antebrazo',
  ),
  'flexor-carpi-ulnaris': m(
    'Flexor cubital del carpo',
    'un músculo que dobla la muñeca, del lado del meñique de su antebrazo',
  ),
  'finger-flexors': m(
    'Flexores superficial y profundo de los dedos',
    'los músculos que doblan los dedos, en la parte delantera de su antebrazo',
  ),
  'flexor-pollicis-longus': m('Flexor largo del pulgar', 'el músculo de su antebrazo que dobla el pulgar'),
  'pronator-teres': m(
    'Pronador redondo',
    'un músculo cerca de la parte interna de su codo que gira la palma hacia abajo',
  ),
  'adductor-pollicis': m('Aductor del pulgar', 'el músculo en el espacio entre su pulgar y su índice'),
  'opponens-pollicis': m('Oponente del pulgar', 'la parte carnosa en la base de su pulgar'),
  'hand-interossei': m('Interóseos de la mano', 'los músculos pequeños entre los huesos de su mano'),
  'abductor-digiti-minimi-hand': m(
    'Abductor del meñique (mano)',
    'el músculo a lo largo del borde de su mano, del lado del meñique',
  ),
  'iliocostalis-thoracis': m('Iliocostal torácico', 'el músculo largo junto a su columna, a media espalda'),
  'iliocostalis-lumborum': m(
    'Iliocostal lumbar',
    'el músculo largo junto a su columna, en la parte baja de su espalda',
  ),
  'longissimus-thoracis': m('Longísimo torácico', 'un músculo largo que baja junto a su columna'),
  'thoracic-multifidi': m(
    'Multífidos y rotadores torácicos',
    'músculos pequeños y profundos a lo largo de las vértebras de la parte alta y media de su espalda',
  ),
  'lumbar-multifidi': m(
    'Multífidos lumbares',
    'músculos pequeños y profundos a lo largo de las vértebras de la parte baja de su espalda',
  ),
  'quadratus-lumborum': m('Cuadrado lumbar', 'el músculo profundo entre su última costilla y el hueso de su cadera'),
  'serratus-posterior-inferior': m(
    'Serrato posterior inferior',
    'un músculo delgado sobre sus costillas de abajo, en la espalda',
  ),
  'rectus-abdominis': m('Recto del abdomen', 'el músculo largo que baja por el frente de su vientre'),
  'abdominal-obliques': m('Oblicuos del abdomen', 'los músculos del costado de su vientre'),
  'pelvic-floor': m('Suelo pélvico (elevador del ano, coccígeo)', 'los músculos que forman el piso de su pelvis'),
  iliopsoas: m('Iliopsoas', 'el músculo profundo que dobla la cadera, desde su columna a través de su ingle'),
  'gluteus-maximus': m('Glúteo mayor', 'el músculo grande de su nalga'),
  'gluteus-medius': m('Glúteo medio', 'el músculo de la parte alta y externa de su nalga'),
  'gluteus-minimus': m('Glúteo menor', 'el músculo profundo debajo de su nalga, al lado de su cadera'),
  piriformis: m('Piriforme', 'un músculo profundo de su nalga, que va de la base de su columna a su cadera'),
  'tensor-fasciae-latae': m('Tensor de la fascia lata', 'un músculo pequeño en el borde delantero de su cadera'),
  sartorius: m('Sartorio', 'el músculo largo en forma de cinta que cruza la parte delantera de su muslo'),
  'rectus-femoris': m('Recto femoral', 'el músculo del centro de la parte delantera de su muslo'),
  'vastus-medialis': m('Vasto medial', 'el músculo de la parte interna de su muslo, justo encima de la rodilla'),
  'vastus-lateralis': m('Vasto lateral', 'el músculo grande de la parte externa de su muslo'),
  'vastus-intermedius': m('Vasto intermedio', 'el músculo profundo de la parte delantera de su muslo'),
  'adductor-longus-brevis': m('Aductores largo y corto', 'los músculos de lo alto de la parte interna de su muslo'),
  'adductor-magnus': m('Aductor mayor', 'el músculo grande de la parte interna y de atrás de su muslo'),
  gracilis: m('Grácil', 'un músculo delgado a lo largo de la parte interna de su muslo'),
  pectineus: m('Pectíneo', 'un músculo pequeño en lo profundo de su ingle'),
  'biceps-femoris': m('Bíceps femoral', 'el isquiotibial de la parte de atrás y externa de su muslo'),
  'medial-hamstrings': m(
    'Semitendinoso y semimembranoso',
    'los isquiotibiales de la parte de atrás e interna de su muslo',
  ),
  popliteus: m('Poplíteo', 'un músculo pequeño en la parte de atrás de su rodilla'),
  gastrocnemius: m('Gastrocnemio', 'el músculo principal de su pantorrilla'),
  soleus: m('Sóleo', 'el músculo profundo de la pantorrilla, encima de su talón'),
  plantaris: m('Plantar delgado', 'un músculo delgado detrás de su rodilla'),
  'tibialis-anterior': m('Tibial anterior', 'el músculo a lo largo de la parte delantera de su espinilla'),
  'tibialis-posterior': m('Tibial posterior', 'un músculo profundo de la pantorrilla que sostiene el arco de su pie'),
  'fibularis-longus-brevis': m('Peroneos largo y corto', 'los músculos de la parte externa de su pierna'),
  'fibularis-tertius': m('Peroneo tercero', 'un músculo pequeño en la parte delantera y externa de su tobillo'),
  'extensor-digitorum-longus': m(
    'Extensor largo de los dedos',
    'el músculo que levanta los dedos del pie, en la parte externa y delantera de su espinilla',
  ),
  'extensor-hallucis-longus': m('Extensor largo del dedo gordo', 'el músculo que levanta el dedo gordo de su pie'),
  'flexor-digitorum-longus': m(
    'Flexor largo de los dedos',
    'el músculo profundo de la pantorrilla que encoge los dedos de su pie',
  ),
  'flexor-hallucis-longus': m(
    'Flexor largo del dedo gordo',
    'el músculo profundo de la pantorrilla que encoge el dedo gordo de su pie',
  ),
  'abductor-hallucis': m('Abductor del dedo gordo', 'el músculo a lo largo del borde interno de su pie'),
  'quadratus-plantae': m('Cuadrado plantar', 'un músculo profundo en la planta de su pie, delante del talón'),
  'flexor-digitorum-brevis': m('Flexor corto de los dedos', 'el músculo del centro de la planta de su pie'),
  'abductor-digiti-minimi-foot': m(
    'Abductor del quinto dedo (pie)',
    'el músculo a lo largo del borde externo de su pie',
  ),
  'extensor-digitorum-brevis': m(
    'Extensores cortos de los dedos y del dedo gordo',
    'el músculo pequeño en el empeine de su pie',
  ),
  'flexor-hallucis-brevis': m(
    'Flexor corto del dedo gordo',
    'un músculo pequeño debajo de la base del dedo gordo de su pie',
  ),
  'foot-interossei': m('Interóseos del pie', 'los músculos pequeños entre los huesos de su pie'),
};
