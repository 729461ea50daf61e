import type { RegionBase } from './regions-types.ts';

// Head, face and neck. Granularity follows the referral patterns therapists chart
// (temple vs forehead vs behind the eye; upper vs lower molars), which is finer than
// validated pain-drawing instruments such as the Michigan Body Map.
const lateral = true;
const midline = false;

export const HEAD_AND_NECK_BASES: readonly RegionBase[] = [
  { base: 'forehead', name: 'Forehead', lateral, view: 'front', area: 'head', synonyms: ['frontal', 'brow area', 'front of head', 'frontal headache'] },
  { base: 'temple', name: 'Temple', lateral, view: 'front', area: 'head', synonyms: ['temporal region', 'side of head', 'temporal headache'] },
  { base: 'vertex', name: 'Top of head', lateral: midline, view: 'front', area: 'head', synonyms: ['crown', 'top of the head', 'vertex of skull'] },
  { base: 'occiput', name: 'Back of head', lateral, view: 'back', area: 'head', synonyms: ['occipital', 'back of the head', 'base of skull', 'occipital headache'] },
  { base: 'behind-eye', name: 'Behind the eye', lateral, view: 'front', area: 'head', synonyms: ['retro-orbital', 'retroorbital', 'eye pain', 'deep eye', 'orbit'] },
  { base: 'eyebrow', name: 'Eyebrow', lateral, view: 'front', area: 'head', synonyms: ['over the eye', 'above the eye', 'supraorbital', 'brow'] },
  { base: 'cheek', name: 'Cheek', lateral, view: 'front', area: 'head', synonyms: ['maxilla', 'cheekbone', 'zygoma', 'sinus', 'maxillary sinus'] },
  { base: 'upper-molars', name: 'Upper back teeth', lateral, view: 'front', area: 'head', synonyms: ['upper molars', 'maxillary molars', 'upper teeth', 'toothache upper'] },
  { base: 'lower-molars', name: 'Lower back teeth', lateral, view: 'front', area: 'head', synonyms: ['lower molars', 'mandibular molars', 'lower teeth', 'toothache lower', 'mandible', 'lower jaw'] },
  { base: 'upper-incisors', name: 'Upper front teeth', lateral: midline, view: 'front', area: 'head', synonyms: ['upper incisors', 'front teeth'] },
  { base: 'lower-incisors', name: 'Lower front teeth', lateral: midline, view: 'front', area: 'head', synonyms: ['lower incisors', 'chin'] },
  { base: 'tmj', name: 'Jaw joint (TMJ)', lateral, view: 'front', area: 'head', synonyms: ['temporomandibular joint', 'jaw joint', 'jaw', 'jaw clicking', 'in front of the ear'] },
  { base: 'ear', name: 'Ear', lateral, view: 'front', area: 'head', synonyms: ['deep ear', 'earache', 'inside the ear', 'tinnitus'] },
  { base: 'mastoid', name: 'Behind the ear', lateral, view: 'back', area: 'head', synonyms: ['mastoid process', 'behind ear', 'postauricular'] },
  { base: 'jaw-angle', name: 'Angle of the jaw', lateral, view: 'front', area: 'head', synonyms: ['angle of mandible', 'jaw angle', 'corner of jaw', 'jawline'] },
  { base: 'throat', name: 'Throat', lateral: midline, view: 'front', area: 'neck', synonyms: ['pharynx', 'sore throat', 'tongue', 'swallowing'] },
  { base: 'anterior-neck', name: 'Front of neck', lateral, view: 'front', area: 'neck', synonyms: ['front of the neck', 'anterolateral neck', 'side of neck'] },
  { base: 'posterolateral-neck', name: 'Back and side of neck', lateral, view: 'back', area: 'neck', synonyms: ['posterolateral neck', 'stiff neck', 'neck pain', 'crick in the neck'] },
  { base: 'neck-angle', name: 'Angle of the neck', lateral, view: 'back', area: 'neck', synonyms: ['upper trapezius ridge', 'where neck meets shoulder', 'top of shoulder', 'shoulder ridge'] },
  { base: 'suboccipital', name: 'Below the skull', lateral, view: 'back', area: 'neck', synonyms: ['suboccipital region', 'base of the skull', 'upper neck'] },
  { base: 'posterior-neck', name: 'Back of neck (spine)', lateral: midline, view: 'back', area: 'neck', synonyms: ['cervical spine', 'nape', 'back of the neck', 'cervical paraspinals', 'c7'] },
];
