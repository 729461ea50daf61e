import { describe, expect, it } from 'vitest';
import { resolvePlaces } from './resolve.ts';

// How patients say where it hurts, written down from the way people talk at the front desk and in
// intake forms (English and the Spanish heard at the Woodburn site), BEFORE the resolver's word lists
// were written: each row is a phrase and the place a therapist would chart for it. The resolver must
// pass these without any of them being copied into its vocabulary as a synonym.
// side: 'left' / 'right' / 'both' when the patient says so, null when they do not.
interface Phrasing {
  phrase: string;
  lang: 'en' | 'es';
  bases: string[];
  side: 'left' | 'right' | 'both' | null;
}

const en = (phrase: string, bases: string | string[], side: Phrasing['side'] = null): Phrasing => ({
  phrase,
  lang: 'en',
  bases: typeof bases === 'string' ? [bases] : bases,
  side,
});
const es = (phrase: string, bases: string | string[], side: Phrasing['side'] = null): Phrasing => ({
  phrase,
  lang: 'es',
  bases: typeof bases === 'string' ? [bases] : bases,
  side,
});

const PHRASINGS: readonly Phrasing[] = [
  // Thigh: word order, small words, front/back, inner/outer, anterior/posterior, medial/lateral.
  en('front of the thigh', 'anterior-thigh'),
  en('thigh front', 'anterior-thigh'),
  en('the front part of my thigh', 'anterior-thigh'),
  en('front of my left thigh', 'anterior-thigh', 'left'),
  en('right anterior thigh', 'anterior-thigh', 'right'),
  en('back of my thigh', 'posterior-thigh'),
  en('posterior thigh, left side', 'posterior-thigh', 'left'),
  en('my hamstring hurts', 'posterior-thigh'),
  en('inner thigh', 'medial-thigh'),
  en('inside of my right thigh', 'medial-thigh', 'right'),
  en('outer thigh', 'lateral-thigh'),
  en('outside of the left thigh', 'lateral-thigh', 'left'),
  en('thigh, lateral side', 'lateral-thigh'),
  // Knee.
  en('kneecap', 'anterior-knee'),
  en('my left kneecap', 'anterior-knee', 'left'),
  en('just under the knee cap', 'anterior-knee'),
  en('back of the knee', 'back-of-knee'),
  en('behind my right knee', 'back-of-knee', 'right'),
  en('posterior knee', 'back-of-knee'),
  en('inside of the knee', 'medial-knee'),
  en('medial knee left', 'medial-knee', 'left'),
  en('outer side of the knee', 'lateral-knee'),
  // Lower leg, ankle, foot.
  en('shin', 'shin'),
  en('front of my lower leg', 'shin'),
  en('my right calf muscle', 'calf', 'right'),
  en('back of the lower leg', 'calf'),
  en('outside of lower leg', 'lateral-leg'),
  en('achilles', 'achilles'),
  en('heel of my left foot', 'heel', 'left'),
  en('bottom of my foot', 'sole'),
  en('arch of the foot', 'sole'),
  en('top of my foot', 'instep'),
  en('instep', 'instep'),
  en('ball of the foot', 'ball-of-foot'),
  en('big toe', 'big-toe'),
  en('little toes', 'lesser-toes'),
  en('inner ankle', 'medial-ankle'),
  en('outside of my left ankle', 'lateral-ankle', 'left'),
  // Hip, pelvis, low back.
  en('side of my hip', 'greater-trochanter'),
  en('outer hip right', 'greater-trochanter', 'right'),
  en('front of the hip', 'groin'),
  en('left butt cheek', 'buttock', 'left'),
  en('low back', 'low-back'),
  en('lower back on the right', 'low-back', 'right'),
  en('my back', 'low-back'),
  en('tailbone', 'coccyx'),
  // Upper back, shoulder blade, chest, belly.
  en('between my shoulder blades', 'upper-back'),
  en('shoulder blade', 'scapula'),
  en('left shoulder blade', 'scapula', 'left'),
  en('inner edge of the shoulder blade', 'medial-scapular-border'),
  en('top of the shoulder blade', 'suprascapular'),
  en('middle of my back', 'mid-back'),
  en('upper back', 'upper-back'),
  en('chest', 'anterior-chest'),
  en('middle of the chest', 'sternum'),
  en('ribs on my side', 'lateral-chest'),
  en('lower belly', 'lower-abdomen'),
  // Head, face, neck.
  en('temple', 'temple'),
  en('my left temple', 'temple', 'left'),
  en('side of the head', 'temple'),
  en('back of my head', 'occiput'),
  en('top of the head', 'vertex'),
  en('forehead', 'forehead'),
  en('behind my eye', 'behind-eye'),
  en('above the right eye', 'eyebrow', 'right'),
  en('jaw', 'tmj'),
  en('jaw joint on the left', 'tmj', 'left'),
  en('in front of the ear', 'tmj'),
  en('behind the ear', 'mastoid'),
  en('upper back teeth', 'upper-molars'),
  en('lower molars', 'lower-molars'),
  en('back of the neck', 'posterior-neck'),
  en('base of the skull', 'suboccipital'),
  en('where my neck meets my shoulder', 'neck-angle'),
  // Shoulder and arm.
  en('front of shoulder', 'anterior-shoulder'),
  en('back of the right shoulder', 'posterior-shoulder', 'right'),
  en('outside of my shoulder', 'lateral-shoulder'),
  en('armpit', 'axilla'),
  en('front of the upper arm', 'anterior-arm'),
  en('back of my arm', 'posterior-arm'),
  en('inner arm', 'medial-arm'),
  en('outside of the elbow', 'lateral-epicondyle'),
  en('point of the elbow', 'olecranon'),
  en('forearm', ['dorsal-forearm', 'volar-forearm']),
  en('back of the forearm', 'dorsal-forearm'),
  en('thumb side of the forearm', 'radial-forearm'),
  en('top of wrist', 'dorsal-wrist'),
  en('palm side of my wrist', 'volar-wrist'),
  en('palm of my hand', 'palm'),
  en('back of the hand', 'back-of-hand'),
  en('between thumb and index finger', 'thumb-web'),
  en('pinky', 'little-finger'),
  en('ring finger left', 'ring-finger', 'left'),
  en('both knees hurt', ['anterior-knee', 'medial-knee', 'lateral-knee', 'back-of-knee'], 'both'),
  // Typos, run-together words, capitals.
  en('tempel', 'temple'),
  en('thigh frnot', 'anterior-thigh'),
  en('kneecpa', 'anterior-knee'),
  en('sholder blade', 'scapula'),
  en('lowerback', 'low-back'),
  en('hamstrng', 'posterior-thigh'),
  en('insetp', 'instep'),
  en('BACK OF THE KNEE', 'back-of-knee'),
  en('rigth calf', 'calf', 'right'),

  // Spanish: how patients at the Woodburn site say it.
  es('parte de atrás de la rodilla', 'back-of-knee'),
  es('detrás de la rodilla izquierda', 'back-of-knee', 'left'),
  es('me duele la corva', 'back-of-knee'),
  es('rótula', 'anterior-knee'),
  es('rotula derecha', 'anterior-knee', 'right'),
  es('parte de enfrente del muslo', 'anterior-thigh'),
  es('muslo por delante', 'anterior-thigh'),
  es('la parte de adelante de mi muslo derecho', 'anterior-thigh', 'right'),
  es('parte trasera del muslo', 'posterior-thigh'),
  es('parte interna del muslo', 'medial-thigh'),
  es('muslo por dentro', 'medial-thigh'),
  es('por fuera del muslo', 'lateral-thigh'),
  es('costado del muslo izquierdo', 'lateral-thigh', 'left'),
  es('espinilla', 'shin'),
  es('la espinilla derecha', 'shin', 'right'),
  es('pantorrilla', 'calf'),
  es('chamorro izquierdo', 'calf', 'left'),
  es('tendón de aquiles', 'achilles'),
  es('talón', 'heel'),
  es('planta del pie', 'sole'),
  es('empeine', 'instep'),
  es('empeine del pie izquierdo', 'instep', 'left'),
  es('dedo gordo del pie', 'big-toe'),
  es('tobillo por dentro', 'medial-ankle'),
  es('tobillo por fuera', 'lateral-ankle'),
  es('costado de la cadera', 'greater-trochanter'),
  es('ingle', 'groin'),
  es('nalga derecha', 'buttock', 'right'),
  es('espalda baja', 'low-back'),
  es('cintura', 'low-back'),
  es('parte baja de la espalda', 'low-back'),
  es('me duele la cintura del lado derecho', 'low-back', 'right'),
  es('coxis', 'coccyx'),
  es('rabadilla', 'coccyx'),
  es('entre los omóplatos', 'upper-back'),
  es('omóplato', 'scapula'),
  es('omoplato izquierdo', 'scapula', 'left'),
  es('paleta derecha', 'scapula', 'right'),
  es('espalda alta', 'upper-back'),
  es('mitad de la espalda', 'mid-back'),
  es('pecho', 'anterior-chest'),
  es('boca del estómago', 'upper-abdomen'),
  es('bajo vientre', 'lower-abdomen'),
  es('sien', 'temple'),
  es('sien izquierda', 'temple', 'left'),
  es('nuca', 'posterior-neck'),
  es('parte de atrás de la cabeza', 'occiput'),
  es('frente', 'forehead'),
  es('detrás del ojo', 'behind-eye'),
  es('mandíbula', 'tmj'),
  es('mandibula derecha', 'tmj', 'right'),
  es('detrás de la oreja', 'mastoid'),
  es('muelas de arriba', 'upper-molars'),
  es('muelas de abajo', 'lower-molars'),
  es('oído', 'ear'),
  es('garganta', 'throat'),
  es('parte delantera del hombro', 'anterior-shoulder'),
  es('hombro por detrás', 'posterior-shoulder'),
  es('axila', 'axilla'),
  es('sobaco izquierdo', 'axilla', 'left'),
  es('codo por fuera', 'lateral-epicondyle'),
  es('antebrazo', ['dorsal-forearm', 'volar-forearm']),
  es('palma de la mano', 'palm'),
  es('dorso de la mano', 'back-of-hand'),
  es('pulgar derecho', 'thumb', 'right'),
  es('meñique', 'little-finger'),
  es('brazo por detrás', 'posterior-arm'),
  es('cara interna del brazo', 'medial-arm'),
  es('la parte de atras del cuello', 'posterior-neck'),
  es('las dos rodillas', ['anterior-knee', 'medial-knee', 'lateral-knee', 'back-of-knee'], 'both'),
  // Spanish typos, missing accents, capitals, plurals.
  es('omoplatos', 'scapula'),
  es('espinila', 'shin'),
  es('pantorila', 'calf'),
  es('mandibla', 'tmj'),
  es('detras de la rodiya', 'back-of-knee'),
  es('empeyne', 'instep'),
  es('SIEN DERECHA', 'temple', 'right'),
  es('talon isquierdo', 'heel', 'left'),
];

describe('the place resolver on how patients say it', () => {
  it('has at least 100 phrasings, at least 40 of them in Spanish', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(100);
    expect(PHRASINGS.filter((p) => p.lang === 'es').length).toBeGreaterThanOrEqual(40);
  });

  it.each(PHRASINGS.map((p) => [p.phrase, p] as const))('"%s"', (_phrase, row) => {
    const reading = resolvePlaces(row.phrase, { lang: row.lang });
    expect({ bases: reading.places.map((p) => p.base).sort(), side: reading.side }).toEqual({
      bases: [...row.bases].sort(),
      side: row.side,
    });
  });

  it('reads each phrasing the same without saying which language it is in', () => {
    for (const row of PHRASINGS) {
      expect(resolvePlaces(row.phrase).places).toEqual(resolvePlaces(row.phrase, { lang: row.lang }).places);
    }
  });
});
