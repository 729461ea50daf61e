import { muscle, P, S } from './build.ts';
import type { Muscle } from './types.ts';

// Hip and thigh, T&S vol. 2. Gluteus medius, minimus and piriformis were among the muscles whose
// provoked pain reproduced chronic low back pain (Iglesias-González 2013).
const HIP = ['ts-v2', 'ig-2013-lowback'];
const quadStretch = { title: 'Standing quad stretch', steps: ['Hold a chair, bend the knee and pull the heel toward the buttock for 30 s.', 'Keep the knees together and the pelvis tucked.'] };
const adductorStretch = { title: 'Butterfly stretch', steps: ['Sit with the soles together and let the knees drop outward for 30 s.'] };
const hamstringStretch = { title: 'Hamstring stretch', steps: ['Lying on the back, loop a towel round the foot and raise the straight leg until a stretch is felt; hold 30 s.'] };

export const HIP_THIGH_MUSCLES: Muscle[] = [
  muscle({
    id: 'iliopsoas', name: 'Iliopsoas', aliases: ['psoas', 'iliacus', 'hip flexor'],
    plainName: 'the deep hip-bending muscle running from your spine through your groin', area: 'lower-limb',
    points: [
      { key: 'psoas', label: 'Psoas (through the abdomen)', location: 'Deep, beside the navel, pressing toward the spine', zones: [P('low-back'), S('si-joint'), S('buttock')] },
      { key: 'iliacus', label: 'Iliacus and distal psoas', location: 'Inside the iliac crest and just below the inguinal ligament', zones: [P('groin'), P('anterior-thigh'), P('low-back'), S('si-joint')] },
    ],
    associatedSymptoms: ['low back pain standing up straight', 'pain eased by lying with knees bent'],
    perpetuatingFactors: ['long sitting', 'sit-ups with the legs anchored', 'sleeping curled up'],
    selfCare: { title: 'Kneeling hip-flexor stretch', steps: ['Kneel on one knee, tuck the pelvis and shift forward for 30 s.'] },
    citations: ['ts-v2'], source: 'T&S vol. 2, iliopsoas chapter', evidence: 'reported',
  }),
  muscle({
    id: 'gluteus-maximus', name: 'Gluteus maximus', aliases: ['glute max', 'gluteus max'],
    plainName: 'the big muscle of your buttock', area: 'lower-limb',
    points: [
      { key: 'sacral', label: 'Beside the sacrum', location: 'Upper medial buttock next to the sacrum', zones: [P('si-joint'), P('buttock'), S('sacrum')] },
      { key: 'ischial', label: 'Above the sit bone', location: 'Lower buttock just above the ischial tuberosity', zones: [P('buttock'), S('coccyx'), S('posterior-thigh')] },
      { key: 'coccygeal', label: 'Beside the coccyx', location: 'Lowest medial fibres beside the tailbone', zones: [P('coccyx'), S('buttock')] },
    ],
    associatedSymptoms: ['pain sitting', 'pain walking uphill'],
    perpetuatingFactors: ['sleeping on the stomach', 'sitting with a wallet in the back pocket'],
    selfCare: { title: 'Knee-to-opposite-shoulder', steps: ['Lying on the back, pull one knee toward the opposite shoulder for 30 s.'] },
    citations: ['ts-v2'], source: 'T&S vol. 2, gluteus maximus chapter', evidence: 'reported',
  }),
  muscle({
    id: 'gluteus-medius', name: 'Gluteus medius', aliases: ['glute med', 'gluteus med'],
    plainName: 'the muscle at the upper outer part of your buttock', area: 'lower-limb',
    points: [
      { key: 'posterior', label: 'Posterior, near the sacroiliac joint', location: 'Just below the iliac crest near the SI joint', zones: [P('iliac-crest'), P('si-joint'), S('sacrum'), S('buttock')] },
      { key: 'middle', label: 'Middle', location: 'Below the middle of the iliac crest', zones: [P('buttock'), S('greater-trochanter'), S('posterior-thigh')] },
      { key: 'anterior', label: 'Anterior', location: 'Below the front of the iliac crest', zones: [P('iliac-crest'), S('low-back'), S('sacrum')] },
    ],
    associatedSymptoms: ['low back pain walking', 'cannot lie on the affected side'],
    perpetuatingFactors: ['standing with weight on one leg', 'running on cambered roads', 'Morton foot'],
    selfCare: { title: 'Ball against a wall', steps: ['Lean the side of the buttock on a ball against a wall, just below the hip bone, for 60 s.'] },
    citations: HIP, source: 'T&S vol. 2, gluteus medius chapter', evidence: 'established',
  }),
  muscle({
    id: 'gluteus-minimus', name: 'Gluteus minimus', aliases: ['glute min', 'gluteus min'],
    plainName: 'the deep muscle under your buttock on the side of your hip', area: 'lower-limb',
    points: [
      { key: 'anterior', label: 'Anterior fibres', location: 'Below the front of the iliac crest, deep to TFL and gluteus medius', zones: [P('lateral-thigh'), P('lateral-knee'), P('lateral-leg'), S('lateral-ankle'), S('buttock'), S('greater-trochanter')] },
      { key: 'posterior', label: 'Posterior fibres', location: 'Deep, in the upper buttock', zones: [P('buttock'), P('posterior-thigh'), P('calf'), S('back-of-knee')] },
    ],
    associatedSymptoms: ['"pseudo-sciatica" down the back or side of the leg', 'limp', 'pain getting up from a chair'],
    perpetuatingFactors: ['standing still for long periods', 'sitting with a wallet in the back pocket', 'walking with a limp'],
    selfCare: { title: 'Side-lying release', steps: ['Lie on a ball placed deep in the side of the buttock for 60-90 s.', 'Avoid standing still; shift weight often.'] },
    citations: HIP, source: 'T&S vol. 2, gluteus minimus chapter', evidence: 'established',
  }),
  muscle({
    id: 'piriformis', name: 'Piriformis', aliases: ['piriformis syndrome'],
    plainName: 'a deep muscle in your buttock running from the base of your spine to your hip', area: 'lower-limb',
    points: [
      { key: 'lateral', label: 'Lateral', location: 'Just medial to the greater trochanter', zones: [P('buttock'), S('greater-trochanter'), S('posterior-thigh')] },
      { key: 'medial', label: 'Medial', location: 'Near the edge of the sacrum', zones: [P('si-joint'), P('buttock'), S('posterior-thigh')] },
    ],
    associatedSymptoms: ['buttock pain when sitting', 'sciatica-like pain'],
    perpetuatingFactors: ['sitting on a hard seat or wallet', 'driving with the leg turned out', 'hip rotation under load'],
    selfCare: { title: 'Figure-four stretch', steps: ['Lying on the back, cross the ankle over the opposite knee and pull that thigh toward you for 30 s.'] },
    citations: HIP, source: 'T&S vol. 2, piriformis chapter', evidence: 'established',
  }),
  muscle({
    id: 'tensor-fasciae-latae', name: 'Tensor fasciae latae', aliases: ['tfl', 'tensor fascia lata'],
    plainName: 'a small muscle on the front edge of your hip', area: 'lower-limb',
    points: [{ key: 'belly', label: 'Belly', location: 'Just below and behind the front point of the pelvis', zones: [P('lateral-thigh'), S('greater-trochanter'), S('lateral-knee')] }],
    associatedSymptoms: ['pain lying on the side', 'hip pain walking fast'],
    perpetuatingFactors: ['sitting with the hips sharply bent', 'running on slopes'],
    selfCare: { title: 'Crossover stretch', steps: ['Cross the treated leg behind the other and lean the hip out for 30 s.'] },
    citations: ['ts-v2'], source: 'T&S vol. 2, tensor fasciae latae chapter', evidence: 'reported',
  }),
  muscle({
    id: 'sartorius', name: 'Sartorius', aliases: ['tailor muscle'],
    plainName: 'the long strap muscle running across the front of your thigh', area: 'lower-limb',
    points: [{ key: 'belly', label: 'Along its course', location: 'Anywhere along the diagonal course across the thigh', zones: [P('anterior-thigh'), P('medial-knee'), S('medial-thigh')] }],
    associatedSymptoms: ['sharp or tingling superficial thigh pain'], perpetuatingFactors: ['sitting cross-legged'],
    selfCare: quadStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, sartorius chapter', evidence: 'reported',
  }),
  muscle({
    id: 'rectus-femoris', name: 'Rectus femoris', aliases: ['quadriceps rectus'],
    plainName: 'the middle muscle on the front of your thigh', area: 'lower-limb',
    points: [{ key: 'upper', label: 'Upper belly', location: 'Just below the front of the hip', zones: [P('anterior-knee'), S('anterior-thigh')] }],
    associatedSymptoms: ['knee pain at night', 'weak knee on stairs'],
    perpetuatingFactors: ['sitting with a bent knee tucked under', 'sudden overload (kicking)'],
    selfCare: quadStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, quadriceps femoris chapter', evidence: 'reported',
  }),
  muscle({
    id: 'vastus-medialis', name: 'Vastus medialis', aliases: ['vmo', 'quadriceps medial'],
    plainName: 'the muscle on the inside of your thigh just above your knee', area: 'lower-limb',
    points: [
      { key: 'distal', label: 'Distal', location: 'A hand-width above the inner edge of the kneecap', zones: [P('medial-knee'), P('anterior-knee')] },
      { key: 'proximal', label: 'Mid-thigh', location: 'Inner mid-thigh', zones: [P('medial-knee'), S('medial-thigh')] },
    ],
    associatedSymptoms: ['knee buckling', 'inner knee ache'],
    perpetuatingFactors: ['kneeling', 'jogging', 'flat feet'],
    selfCare: quadStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, quadriceps femoris chapter', evidence: 'reported',
  }),
  muscle({
    id: 'vastus-lateralis', name: 'Vastus lateralis', aliases: ['quadriceps lateral'],
    plainName: 'the large muscle on the outside of your thigh', area: 'lower-limb',
    points: [
      { key: 'mid', label: 'Mid-thigh', location: 'Outer thigh, several points along the length', zones: [P('lateral-thigh'), P('lateral-knee'), S('greater-trochanter')] },
      { key: 'distal', label: 'Distal posterior', location: 'Behind and above the outer knee', zones: [P('lateral-knee'), S('back-of-knee')] },
    ],
    associatedSymptoms: ['stuck kneecap', 'pain lying on the side'],
    perpetuatingFactors: ['deep squats', 'sitting with the knees bent'],
    selfCare: { title: 'Foam roller', steps: ['Roll the outer thigh slowly from hip to knee for a minute.'] },
    citations: ['ts-v2'], source: 'T&S vol. 2, quadriceps femoris chapter', evidence: 'reported',
  }),
  muscle({
    id: 'vastus-intermedius', name: 'Vastus intermedius', aliases: ['quadriceps intermedius'],
    plainName: 'the deep muscle on the front of your thigh', area: 'lower-limb',
    points: [{ key: 'belly', label: 'Belly', location: 'Deep, front of the thigh below rectus femoris', zones: [P('anterior-thigh'), S('anterior-knee')] }],
    associatedSymptoms: ['trouble straightening the knee after sitting'], perpetuatingFactors: ['sudden overload'],
    selfCare: quadStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, quadriceps femoris chapter', evidence: 'reported',
  }),
  muscle({
    id: 'adductor-longus-brevis', name: 'Adductor longus and brevis', aliases: ['adductor longus', 'adductor brevis', 'adductors'],
    plainName: 'the muscles high on the inside of your thigh', area: 'lower-limb',
    points: [{ key: 'upper', label: 'Upper belly', location: 'Inner thigh just below the groin', zones: [P('groin'), P('medial-thigh'), P('medial-knee'), S('shin')] }],
    associatedSymptoms: ['groin pain on activity', 'inner knee ache'],
    perpetuatingFactors: ['sudden side-steps', 'skiing, horse riding', 'sitting with the legs crossed'],
    selfCare: adductorStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, adductor muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'adductor-magnus', name: 'Adductor magnus', aliases: [],
    plainName: 'the large muscle on the inside and back of your thigh', area: 'lower-limb',
    points: [{ key: 'mid', label: 'Mid-thigh', location: 'Inner thigh, middle third', zones: [P('groin'), P('medial-thigh')] }],
    associatedSymptoms: ['deep pelvic or groin pain'], perpetuatingFactors: ['climbing', 'skiing'],
    selfCare: adductorStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, adductor muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'gracilis', name: 'Gracilis', aliases: [],
    plainName: 'a thin muscle along the inside of your thigh', area: 'lower-limb',
    points: [{ key: 'belly', label: 'Belly', location: 'Inner thigh, middle third, most medial', zones: [P('medial-thigh'), S('medial-knee')] }],
    associatedSymptoms: ['hot, superficial inner-thigh pain'], perpetuatingFactors: ['horse riding'],
    selfCare: adductorStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, gracilis chapter', evidence: 'reported',
  }),
  muscle({
    id: 'pectineus', name: 'Pectineus', aliases: [],
    plainName: 'a small muscle deep in your groin', area: 'lower-limb',
    points: [{ key: 'belly', label: 'Belly', location: 'Just below the pubic bone, in the femoral triangle (avoid the artery)', zones: [P('groin'), S('medial-thigh')] }],
    associatedSymptoms: ['deep groin ache'], perpetuatingFactors: ['sitting cross-legged', 'tripping'],
    selfCare: adductorStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, pectineus chapter', evidence: 'reported',
  }),
  muscle({
    id: 'biceps-femoris', name: 'Biceps femoris', aliases: ['lateral hamstring', 'hamstring'],
    plainName: 'the hamstring on the outer back of your thigh', area: 'lower-limb',
    points: [{ key: 'distal', label: 'Lower belly', location: 'Back of the thigh, lower third, outer side', zones: [P('back-of-knee'), S('posterior-thigh'), S('calf')] }],
    associatedSymptoms: ['pain behind the knee walking', 'disturbed sleep'],
    perpetuatingFactors: ['chairs pressing behind the thighs', 'sitting with short legs on a high seat'],
    selfCare: hamstringStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, hamstring muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'medial-hamstrings', name: 'Semitendinosus and semimembranosus', aliases: ['medial hamstrings', 'semitendinosus', 'semimembranosus'],
    plainName: 'the hamstrings on the inner back of your thigh', area: 'lower-limb',
    points: [{ key: 'mid', label: 'Mid belly', location: 'Back of the thigh, middle third, inner side', zones: [P('buttock'), P('posterior-thigh'), S('back-of-knee'), S('calf')] }],
    associatedSymptoms: ['sciatica-like pain at the lower buttock and thigh', 'pain sitting'],
    perpetuatingFactors: ['chair edge pressing the thighs', 'sprinting'],
    selfCare: hamstringStretch,
    citations: ['ts-v2'], source: 'T&S vol. 2, hamstring muscles chapter', evidence: 'reported',
  }),
];
