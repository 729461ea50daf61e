import { muscle, P, S } from './build.ts';
import type { Muscle } from './types.ts';

// Jaw and face muscles. Patterns from T&S vol. 1 (2nd ed.); masseter, temporalis and lateral
// pterygoid were reproduced by provocation in women with TMD (Fernández-de-las-Peñas 2010).
const JAW = ['ts-v1', 'fdlp-2010-tmd'];

export const HEAD_FACE_MUSCLES: Muscle[] = [
  muscle({
    id: 'masseter',
    name: 'Masseter',
    aliases: ['jaw muscle', 'chewing muscle'],
    plainName: 'the thick chewing muscle at the side of your jaw',
    area: 'head',
    points: [
      {
        key: 'superficial-upper',
        label: 'Superficial, upper belly',
        location: 'Just below the cheekbone, in front of the jaw angle',
        zones: [P('upper-molars'), P('cheek'), S('eyebrow')],
      },
      {
        key: 'superficial-lower',
        label: 'Superficial, lower belly',
        location: 'Above the angle of the jaw, along the lower border',
        zones: [P('lower-molars'), P('jaw-angle'), S('temple'), S('eyebrow')],
      },
      {
        key: 'deep',
        label: 'Deep layer',
        location: 'Just in front of the TMJ, under the zygomatic arch',
        zones: [P('tmj'), P('ear')],
      },
    ],
    associatedSymptoms: [
      'limited mouth opening',
      'tooth sensitivity without dental cause',
      'one-sided tinnitus (deep layer)',
    ],
    perpetuatingFactors: ['clenching or grinding (bruxism)', 'gum chewing', 'forward head posture', 'mouth breathing'],
    selfCare: {
      title: 'Jaw release',
      steps: [
        'Rest the tongue on the roof of the mouth, teeth apart, lips together.',
        'Press gently into the sore spot on the cheek with two fingers for 20-30 s while slowly opening the mouth.',
        'Repeat three times a day; avoid gum and hard foods for a week.',
      ],
    },
    citations: JAW,
    source: 'T&S vol. 1 (2nd ed.), masseter chapter',
    evidence: 'established',
  }),
  muscle({
    id: 'temporalis',
    name: 'Temporalis',
    aliases: ['temporal muscle'],
    plainName: 'the fan-shaped muscle over your temple',
    area: 'head',
    points: [
      {
        key: 'anterior',
        label: 'Anterior fibres',
        location: 'Above the outer end of the eyebrow',
        zones: [P('temple'), P('eyebrow'), S('upper-incisors')],
      },
      {
        key: 'middle',
        label: 'Middle fibres',
        location: 'Above the zygomatic arch, in front of the ear',
        zones: [P('temple'), P('upper-molars'), S('tmj')],
      },
      {
        key: 'posterior',
        label: 'Posterior fibres',
        location: 'Above and slightly behind the ear',
        zones: [P('temple'), S('occiput')],
      },
    ],
    associatedSymptoms: ['temple headache', 'upper teeth sensitive to heat and cold', 'jaw fatigue'],
    perpetuatingFactors: ['clenching', 'forward head posture', 'cold draughts on the head'],
    selfCare: {
      title: 'Temple circles',
      steps: [
        'With fingertips on the temple, press gently and make slow circles for 30 s.',
        'Let the jaw hang slightly open while doing it.',
        'Notice and stop daytime clenching.',
      ],
    },
    citations: JAW,
    source: 'T&S vol. 1 (2nd ed.), temporalis chapter',
    evidence: 'established',
  }),
  muscle({
    id: 'lateral-pterygoid',
    name: 'Lateral pterygoid',
    aliases: ['external pterygoid'],
    plainName: 'a small deep muscle inside your jaw joint',
    area: 'head',
    points: [
      {
        key: 'belly',
        label: 'Inferior and superior heads',
        location: 'Inside the mouth behind the upper molars, or through the mandibular notch',
        zones: [P('tmj'), P('cheek'), S('ear')],
      },
    ],
    associatedSymptoms: ['jaw clicking', 'jaw deviating on opening', 'pain felt in the jaw joint'],
    perpetuatingFactors: ['bruxism', 'jutting the jaw forward', 'playing wind instruments'],
    selfCare: {
      title: 'Controlled opening',
      steps: [
        'Keep the tongue on the palate and open the mouth slowly in a straight line in front of a mirror.',
        'Stop before any click; repeat 10 times, twice a day.',
      ],
    },
    citations: JAW,
    source: 'T&S vol. 1 (2nd ed.), lateral pterygoid chapter',
    evidence: 'established',
  }),
  muscle({
    id: 'medial-pterygoid',
    name: 'Medial pterygoid',
    aliases: ['internal pterygoid'],
    plainName: 'a deep chewing muscle on the inside of your jaw',
    area: 'head',
    points: [
      {
        key: 'belly',
        label: 'Belly',
        location: 'Inside the angle of the mandible, or intra-orally behind the last molar',
        zones: [P('tmj'), P('ear'), P('throat'), S('jaw-angle')],
      },
    ],
    associatedSymptoms: ['painful swallowing', 'stuffy ear feeling', 'restricted opening'],
    perpetuatingFactors: ['clenching', 'chewing gum', 'anxiety'],
    selfCare: {
      title: 'Under-jaw pressure',
      steps: [
        'Hook a finger inside the angle of the jaw and press upward gently for 20 s.',
        'Swallow slowly during the hold; repeat twice.',
      ],
    },
    citations: ['ts-v1'],
    source: 'T&S vol. 1 (2nd ed.), medial pterygoid chapter',
    evidence: 'reported',
  }),
  muscle({
    id: 'digastric',
    name: 'Digastric',
    aliases: ['digastricus'],
    plainName: 'a thin muscle under your jaw, running to behind your ear',
    area: 'neck',
    points: [
      {
        key: 'posterior',
        label: 'Posterior belly',
        location: 'Below and in front of the mastoid, behind the angle of the jaw',
        zones: [P('mastoid'), P('anterior-neck'), S('throat'), S('occiput')],
      },
      {
        key: 'anterior',
        label: 'Anterior belly',
        location: 'Under the chin, beside the midline',
        zones: [P('lower-incisors')],
      },
    ],
    associatedSymptoms: ['lump-in-the-throat feeling', 'pain in the lower front teeth'],
    perpetuatingFactors: ['mouth breathing', 'forward head posture', 'bruxism'],
    selfCare: {
      title: 'Under-chin release',
      steps: [
        'Press the soft area under the chin upward gently for 20 s.',
        'Then tuck the chin slightly and lengthen the back of the neck.',
      ],
    },
    citations: ['ts-v1'],
    source: 'T&S vol. 1 (2nd ed.), digastric chapter',
    evidence: 'reported',
  }),
  muscle({
    id: 'frontalis',
    name: 'Frontalis',
    aliases: ['occipitofrontalis frontal belly'],
    plainName: 'the thin muscle across your forehead',
    area: 'head',
    points: [
      { key: 'belly', label: 'Frontal belly', location: 'Above the middle of the eyebrow', zones: [P('forehead')] },
    ],
    associatedSymptoms: ['frontal headache', 'furrowed brow'],
    perpetuatingFactors: ['habitual frowning or raised eyebrows', 'eye strain'],
    selfCare: {
      title: 'Forehead smoothing',
      steps: [
        'Stroke from the midline of the forehead outward with light pressure for a minute.',
        'Check screen distance and lighting to ease squinting.',
      ],
    },
    citations: ['ts-v1'],
    source: 'T&S vol. 1 (2nd ed.), occipitofrontalis chapter',
    evidence: 'reported',
  }),
  muscle({
    id: 'occipitalis',
    name: 'Occipitalis',
    aliases: ['occipitofrontalis occipital belly'],
    plainName: 'the thin muscle over the back of your head',
    area: 'head',
    points: [
      {
        key: 'belly',
        label: 'Occipital belly',
        location: 'On the back of the skull, a few finger-widths from the midline',
        zones: [P('occiput'), P('behind-eye'), S('temple')],
      },
    ],
    associatedSymptoms: ['pain lying with the back of the head on a pillow', 'deep ache behind the eye'],
    perpetuatingFactors: ['eye strain', 'forehead tension', 'sustained upward gaze'],
    selfCare: {
      title: 'Back-of-head press',
      steps: [
        'Lie with a soft ball under the tender spot for 60 s.',
        'Move the eyes slowly up and down during the hold.',
      ],
    },
    citations: ['ts-v1'],
    source: 'T&S vol. 1 (2nd ed.), occipitofrontalis chapter',
    evidence: 'reported',
  }),
  muscle({
    id: 'orbicularis-oculi',
    name: 'Orbicularis oculi',
    aliases: ['orbicularis'],
    plainName: 'the ring of muscle around your eye',
    area: 'head',
    points: [
      {
        key: 'upper',
        label: 'Upper lid portion',
        location: 'Just above the upper eyelid, below the eyebrow',
        zones: [P('eyebrow'), S('cheek')],
      },
    ],
    associatedSymptoms: ['eye ache', 'twitching eyelid', 'difficulty reading'],
    perpetuatingFactors: ['squinting', 'poor lighting', 'uncorrected vision'],
    selfCare: {
      title: 'Eye rest',
      steps: [
        'Every 20 minutes look at something 6 m away for 20 s.',
        'Place warm palms over closed eyes for a minute.',
      ],
    },
    citations: ['ts-v1'],
    source: 'T&S vol. 1 (2nd ed.), cutaneous muscles of face chapter',
    evidence: 'reported',
  }),
  muscle({
    id: 'zygomaticus-major',
    name: 'Zygomaticus major',
    aliases: ['zygomaticus'],
    plainName: 'the smiling muscle running from your cheekbone to your mouth',
    area: 'head',
    points: [
      {
        key: 'belly',
        label: 'Belly',
        location: 'Between the corner of the mouth and the cheekbone',
        zones: [P('cheek'), S('forehead')],
      },
    ],
    associatedSymptoms: ['ache beside the nose up to the forehead'],
    perpetuatingFactors: ['sustained forced smiling', 'dental appliances'],
    selfCare: {
      title: 'Cheek release',
      steps: ['Pinch the cheek gently between thumb (inside the mouth) and finger (outside) for 20 s.'],
    },
    citations: ['ts-v1'],
    source: 'T&S vol. 1 (2nd ed.), cutaneous muscles of face chapter',
    evidence: 'reported',
  }),
  muscle({
    id: 'platysma',
    name: 'Platysma',
    aliases: [],
    plainName: 'the thin sheet of muscle over the front of your neck',
    area: 'neck',
    points: [
      {
        key: 'over-scm',
        label: 'Over the SCM',
        location: 'Superficial, over the middle of the sternocleidomastoid',
        zones: [P('jaw-angle'), S('cheek'), S('anterior-neck')],
      },
    ],
    associatedSymptoms: ['prickling over the jaw and cheek'],
    perpetuatingFactors: ['tensing the neck under stress'],
    selfCare: {
      title: 'Neck skin glide',
      steps: [
        'With a flat hand, glide the skin of the front of the neck upward gently while tilting the head back slightly.',
      ],
    },
    citations: ['ts-v1'],
    source: 'T&S vol. 1 (2nd ed.), cutaneous muscles of face chapter',
    evidence: 'reported',
  }),
];
