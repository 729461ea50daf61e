import { muscle, P, S } from './build.ts';
import type { Muscle } from './types.ts';

// Back, abdomen and pelvic floor. Quadratus lumborum, iliocostalis lumborum and the gluteals
// were the muscles whose provoked pain reproduced chronic low back pain (Iglesias-González 2013).
const LOW_BACK = ['ts-v1', 'ts-v2', 'ig-2013-lowback'];

export const TRUNK_MUSCLES: Muscle[] = [
  muscle({
    id: 'iliocostalis-thoracis', name: 'Iliocostalis thoracis', aliases: ['thoracic paraspinals', 'erector spinae thoracic'],
    plainName: 'the long back muscle beside your mid-back spine', area: 'trunk',
    points: [
      { key: 't6', label: 'T6 level', location: 'Lateral paraspinal column at about T6', zones: [P('scapula'), S('lateral-chest')] },
      { key: 't11', label: 'T11 level', location: 'Lateral paraspinal column at about T11', zones: [P('low-back'), P('mid-back'), S('lower-abdomen')] },
    ],
    associatedSymptoms: ['back pain that can be mistaken for organ pain'],
    perpetuatingFactors: ['lifting while twisted', 'prolonged sitting in a slump'],
    selfCare: { title: 'Back roll', steps: ['Lie on a foam roller lengthwise beside the spine and roll slowly for a minute.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), thoracolumbar paraspinal muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'iliocostalis-lumborum', name: 'Iliocostalis lumborum', aliases: ['lumbar paraspinals', 'erector spinae lumbar'],
    plainName: 'the long back muscle beside your low-back spine', area: 'trunk',
    points: [{ key: 'l1', label: 'L1 level', location: 'Lateral paraspinal column at about L1', zones: [P('buttock'), P('low-back'), S('iliac-crest')] }],
    associatedSymptoms: ['low back pain worse on getting up from a chair'],
    perpetuatingFactors: ['lifting with a bent back', 'long drives'],
    selfCare: { title: 'Knees to chest', steps: ['Lying on the back, hug both knees for 30 s and rock gently.'] },
    citations: LOW_BACK, source: 'T&S vol. 1 (2nd ed.), thoracolumbar paraspinal muscles chapter', evidence: 'established',
  }),
  muscle({
    id: 'longissimus-thoracis', name: 'Longissimus thoracis', aliases: ['longissimus'],
    plainName: 'a long back muscle running down beside your spine', area: 'trunk',
    points: [{ key: 'l1', label: 'Lower thoracic / L1', location: 'Medial paraspinal column at T10-L1', zones: [P('buttock'), S('si-joint'), S('low-back')] }],
    associatedSymptoms: ['buttock pain with no buttock tenderness'],
    perpetuatingFactors: ['sustained bending', 'fatigue lifting'],
    selfCare: { title: 'Child pose', steps: ['Sit back on the heels with the arms forward and rest for 60 s.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), thoracolumbar paraspinal muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'thoracic-multifidi', name: 'Thoracic multifidi and rotatores', aliases: ['rotatores', 'thoracic multifidus'],
    plainName: 'small deep muscles along the bones of your upper and mid back', area: 'trunk',
    points: [{ key: 'local', label: 'Local level', location: 'Deep in the groove beside the thoracic spinous processes', zones: [P('upper-back'), P('mid-back')] }],
    associatedSymptoms: ['deep pain over one vertebra, tender to tapping'],
    perpetuatingFactors: ['prolonged twisted postures'],
    selfCare: { title: 'Seated twist', steps: ['Sit tall and rotate gently to each side for 20 s.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), thoracolumbar paraspinal muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'lumbar-multifidi', name: 'Lumbar multifidi', aliases: ['multifidus', 'lumbar multifidus'],
    plainName: 'small deep muscles along the bones of your low back', area: 'trunk',
    points: [
      { key: 'l2-l5', label: 'L2-L5 levels', location: 'Deep beside the lumbar spinous processes', zones: [P('lumbar-spine'), P('sacrum'), S('lower-abdomen')] },
      { key: 's1', label: 'S1 level', location: 'Beside the first sacral spinous tubercle', zones: [P('coccyx'), S('sacrum')] },
    ],
    associatedSymptoms: ['deep spine ache', 'tailbone pain'],
    perpetuatingFactors: ['sustained flexion', 'sudden twisting lift'],
    selfCare: { title: 'Pelvic tilts', steps: ['Lying with knees bent, rock the pelvis gently 10 times.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), thoracolumbar paraspinal muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'quadratus-lumborum', name: 'Quadratus lumborum', aliases: ['ql', 'quadratus'],
    plainName: 'the deep muscle between your lowest rib and your hip bone', area: 'trunk',
    points: [
      { key: 'superficial', label: 'Superficial (lateral)', location: 'Below the 12th rib and above the iliac crest, lateral edge', zones: [P('iliac-crest'), P('greater-trochanter'), S('groin'), S('lower-abdomen'), S('flank')] },
      { key: 'deep', label: 'Deep (medial)', location: 'Close to the lumbar transverse processes', zones: [P('si-joint'), P('buttock'), S('low-back'), S('sacrum')] },
    ],
    associatedSymptoms: ['deep low back ache', 'pain turning in bed or standing up', 'pain on coughing or sneezing'],
    perpetuatingFactors: ['leg-length or pelvic asymmetry', 'soft mattress', 'gardening bent over', 'wallet in a back pocket'],
    selfCare: { title: 'Side bend', steps: ['Stand, cross the treated-side leg behind, reach the arm overhead and lean away for 30 s.', 'Lie on a ball just above the hip bone, beside the spine, for 60 s.'] },
    citations: LOW_BACK, source: 'T&S vol. 2, quadratus lumborum chapter', evidence: 'established',
  }),
  muscle({
    id: 'serratus-posterior-inferior', name: 'Serratus posterior inferior', aliases: ['spi'],
    plainName: 'a thin muscle over your lower back ribs', area: 'trunk',
    points: [{ key: 'belly', label: 'Belly', location: 'Over the 9th-12th ribs at the back', zones: [P('mid-back'), S('flank')] }],
    associatedSymptoms: ['nagging ache over the lower ribs at the back'],
    perpetuatingFactors: ['lifting and twisting', 'chronic cough'],
    selfCare: { title: 'Rib breath', steps: ['Hands on the lower back ribs, breathe into the hands slowly 10 times.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), serratus posterior inferior chapter', evidence: 'reported',
  }),
  muscle({
    id: 'rectus-abdominis', name: 'Rectus abdominis', aliases: ['abs', 'six pack'],
    plainName: 'the long muscle down the front of your belly', area: 'trunk',
    points: [
      { key: 'upper', label: 'Upper (xiphoid)', location: 'Just below the breastbone, beside the midline', zones: [P('mid-back'), P('upper-abdomen'), S('low-back', 'both')] },
      { key: 'lower', label: 'Lower (pubic)', location: 'Just above the pubic bone, beside the midline', zones: [P('sacrum'), P('low-back', 'both'), S('lower-abdomen')] },
    ],
    associatedSymptoms: ['bloating or heartburn-like symptoms (rule out organ disease)', 'band of back pain'],
    perpetuatingFactors: ['slumped sitting', 'abdominal surgery scars', 'intense sit-ups'],
    selfCare: { title: 'Belly stretch', steps: ['Lie on the stomach and press up gently onto the forearms for 30 s.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), abdominal muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'abdominal-obliques', name: 'Abdominal obliques', aliases: ['external oblique', 'internal oblique', 'obliques'],
    plainName: 'the muscles at the side of your belly', area: 'trunk',
    points: [
      { key: 'upper', label: 'Upper external oblique', location: 'Over the lower ribs near the front', zones: [P('upper-abdomen'), S('anterior-chest')] },
      { key: 'lower', label: 'Lower lateral wall', location: 'Above the inguinal ligament and along the iliac crest', zones: [P('groin'), P('flank'), S('lower-abdomen')] },
    ],
    associatedSymptoms: ['heartburn-like pain', 'groin pain'],
    perpetuatingFactors: ['twisting sports', 'chronic cough'],
    selfCare: { title: 'Side stretch lying', steps: ['Lie on the back, knees bent, and let both knees fall to one side for 30 s.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), abdominal muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'pelvic-floor', name: 'Pelvic floor (levator ani, coccygeus)', aliases: ['levator ani', 'coccygeus', 'pelvic floor'], sideRule: 'midline',
    plainName: 'the muscles that form the floor of your pelvis', area: 'trunk',
    points: [{ key: 'coccygeal', label: 'Around the coccyx', location: 'Beside the tailbone (internal assessment only by a qualified practitioner)', zones: [P('coccyx'), S('sacrum'), S('buttock', 'both')] }],
    associatedSymptoms: ['tailbone pain sitting', 'pelvic pressure'],
    perpetuatingFactors: ['slumped sitting on hard seats', 'childbirth', 'chronic straining'],
    selfCare: { title: 'Pelvic floor relaxation', steps: ['Breathe slowly into the belly and let the pelvic floor soften on each breath in, for two minutes.', 'Sit on a cushion with a cut-out for the tailbone.'] },
    citations: ['ts-v2'], source: 'T&S vol. 2, pelvic floor muscles chapter', evidence: 'reported',
  }),
];
