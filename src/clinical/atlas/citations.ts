import type { Citation } from './types.ts';

// Sources for the atlas. Referral maps are restated in our own words; Travell & Simons is
// copyrighted, so we carry over facts (which zone, which side), never its text or drawings.
const list: Citation[] = [
  {
    id: 'ts-v1',
    text:
      "Simons DG, Travell JG, Simons LS. Travell & Simons' Myofascial Pain and Dysfunction: " +
      'The Trigger Point Manual. Vol. 1, Upper Half of Body. 2nd ed. Baltimore: Williams & Wilkins; 1999.',
  },
  {
    id: 'ts-v2',
    text:
      'Travell JG, Simons DG. Myofascial Pain and Dysfunction: The Trigger Point Manual. Vol. 2, ' +
      'The Lower Extremities. Baltimore: Williams & Wilkins; 1992.',
  },
  {
    id: 'fdlp-2006-suboccipital',
    text:
      'Fernández-de-las-Peñas C, Alonso-Blanco C, Cuadrado ML, Pareja JA. Myofascial trigger points in the ' +
      'suboccipital muscles in episodic tension-type headache. Man Ther. 2006;11(3):225-230.',
  },
  {
    id: 'fdlp-2007-trapezius',
    text:
      'Fernández-de-las-Peñas C, Ge HY, Arendt-Nielsen L, Cuadrado ML, Pareja JA. Referred pain from trapezius ' +
      'muscle trigger points shares similar characteristics with chronic tension type headache. Eur J Pain. ' +
      '2007;11(4):475-482.',
  },
  {
    id: 'fdlp-2010-tmd',
    text:
      'Fernández-de-las-Peñas C, Galán-del-Río F, Alonso-Blanco C, Jiménez-García R, Arendt-Nielsen L, ' +
      'Svensson P. Referred pain from muscle trigger points in the masticatory and neck-shoulder musculature in ' +
      'women with temporomandibular disorders. J Pain. 2010;11(12):1295-1304.',
  },
  {
    id: 'fc-2007-epicondylalgia',
    text:
      'Fernández-Carnero J, Fernández-de-las-Peñas C, de la Llave-Rincón AI, Ge HY, Arendt-Nielsen L. Prevalence ' +
      'of and referred pain from myofascial trigger points in the forearm muscles in patients with lateral ' +
      'epicondylalgia. Clin J Pain. 2007;23(4):353-360.',
    url: 'https://doi.org/10.1097/AJP.0b013e31803b3785',
  },
  {
    id: 'bron-2011-shoulder',
    text:
      'Bron C, Dommerholt J, Stegenga B, Wensing M, Oostendorp RAB. High prevalence of shoulder girdle muscles ' +
      'with myofascial trigger points in patients with shoulder pain. BMC Musculoskelet Disord. 2011;12:139.',
    url: 'https://doi.org/10.1186/1471-2474-12-139',
  },
  {
    id: 'ge-2008-infraspinatus',
    text:
      'Ge HY, Fernández-de-las-Peñas C, Madeleine P, Arendt-Nielsen L. Topographical mapping and mechanical pain ' +
      'sensitivity of myofascial trigger points in the infraspinatus muscle. Eur J Pain. 2008;12(7):859-865.',
  },
  {
    id: 'ig-2013-lowback',
    text:
      'Iglesias-González JJ, Muñoz-García MT, Rodrigues-de-Souza DP, Alburquerque-Sendín F, ' +
      'Fernández-de-las-Peñas C. Myofascial trigger points, pain, disability, and sleep quality in patients with ' +
      'chronic nonspecific low back pain. Pain Med. 2013;14(12):1964-1970.',
  },
  {
    id: 'dommerholt-2006',
    text:
      'Dommerholt J, Bron C, Franssen J. Myofascial trigger points: an evidence-informed review. J Man Manip ' +
      'Ther. 2006;14(4):203-221.',
  },
  {
    id: 'shah-gilliams-2008',
    text:
      'Shah JP, Gilliams EA. Uncovering the biochemical milieu of myofascial trigger points using in vivo ' +
      'microdialysis. J Bodyw Mov Ther. 2008;12(4):371-384.',
  },
  {
    id: 'rathbone-2017',
    text:
      'Rathbone ATL, Grosman-Rimon L, Kumbhare DA. Interrater agreement of manual palpation for identification ' +
      'of myofascial trigger points: a systematic review and meta-analysis. Clin J Pain. 2017;33(8):715-729.',
  },
  {
    id: 'namtpt-checker',
    text: 'National Association of Myofascial Trigger Point Therapists (NAMTPT). Trigger point symptom checker.',
    url: 'https://check.myofascialtherapy.org',
  },
];

export const CITATIONS: Record<string, Citation> = Object.fromEntries(list.map((c) => [c.id, c]));
