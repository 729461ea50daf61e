import { code, injury, sided, withChildren } from './build.ts';
import type { DiagnosisCode } from './types.ts';

const neck = { group: 'neck' } as const;
const lowBack = { group: 'low-back' } as const;
const other = { group: 'other' } as const;

const LOWER_LIMB_SIDES = [
  ['0', 'unspecified'],
  ['1', 'right'],
  ['2', 'left'],
] as const;

/** Neck, low back and mid back: the spine codes an NMT clinic writes most. */
export const SPINE_CODES: readonly DiagnosisCode[] = [
  // Neck
  code('M54.2', 'Cervicalgia', 'Neck pain', { ...neck, alsoKnownAs: ['stiff neck', 'sore neck'] }),
  code('M43.6', 'Torticollis', 'Wry neck (neck stuck turned to one side)', {
    ...neck,
    alsoKnownAs: ['crick in the neck'],
  }),
  code('M53.0', 'Cervicocranial syndrome', 'Neck problem causing headache or dizziness', neck),
  code('M53.1', 'Cervicobrachial syndrome', 'Neck problem with pain into the shoulder and arm', neck),
  ...withChildren(
    { code: 'M54.1', title: 'Radiculopathy', plainName: 'Pinched nerve (pain, tingling or numbness along a nerve)' },
    { ...other, alsoKnownAs: ['pinched nerve', 'nerve root'] },
    [
      code('M54.10', 'Radiculopathy, site unspecified', 'Pinched nerve, level not recorded', other),
      code('M54.11', 'Radiculopathy, occipito-atlanto-axial region', 'Pinched nerve at the top of the neck', {
        ...neck,
        alsoKnownAs: ['pinched nerve'],
      }),
      code('M54.12', 'Radiculopathy, cervical region', 'Pinched nerve in the neck (pain or tingling down the arm)', {
        ...neck,
        alsoKnownAs: ['pinched nerve'],
      }),
      code('M54.13', 'Radiculopathy, cervicothoracic region', 'Pinched nerve where the neck meets the upper back', {
        ...neck,
        alsoKnownAs: ['pinched nerve'],
      }),
      code('M54.14', 'Radiculopathy, thoracic region', 'Pinched nerve in the mid back', {
        ...other,
        alsoKnownAs: ['pinched nerve'],
      }),
      code('M54.15', 'Radiculopathy, thoracolumbar region', 'Pinched nerve where the mid back meets the low back', {
        ...lowBack,
        alsoKnownAs: ['pinched nerve'],
      }),
      code('M54.16', 'Radiculopathy, lumbar region', 'Pinched nerve in the low back (pain or tingling down the leg)', {
        ...lowBack,
        alsoKnownAs: ['pinched nerve'],
      }),
      code('M54.17', 'Radiculopathy, lumbosacral region', 'Pinched nerve at the base of the spine', {
        ...lowBack,
        alsoKnownAs: ['pinched nerve'],
      }),
      code('M54.18', 'Radiculopathy, sacral and sacrococcygeal region', 'Pinched nerve at the sacrum or tailbone', {
        ...lowBack,
        alsoKnownAs: ['pinched nerve'],
      }),
    ],
  ),
  ...injury('S13.4XX', 'Sprain of ligaments of cervical spine', 'Neck sprain (whiplash)', {
    ...neck,
    alsoKnownAs: ['whiplash', 'car accident', 'motor vehicle'],
  }),
  ...injury('S16.1XX', 'Strain of muscle, fascia and tendon at neck level', 'Neck muscle strain', {
    ...neck,
    alsoKnownAs: ['whiplash', 'pulled neck muscle'],
  }),

  // Low back: M54.5 stopped being billable on 1 October 2021 (FY2022), replaced by .50/.51/.59.
  ...withChildren(
    { code: 'M54.5', title: 'Low back pain', plainName: 'Low back pain' },
    { ...lowBack, alsoKnownAs: ['lumbago', 'lower back'] },
    [
      code('M54.50', 'Low back pain, unspecified', 'Low back pain', {
        ...lowBack,
        alsoKnownAs: ['lumbago', 'lower back'],
      }),
      code('M54.51', 'Vertebrogenic low back pain', 'Low back pain from the spine bones (seen on a scan)', {
        ...lowBack,
        alsoKnownAs: ['lower back', 'endplate'],
      }),
      code('M54.59', 'Other low back pain', 'Other low back pain', {
        ...lowBack,
        alsoKnownAs: ['lumbago', 'lower back'],
      }),
    ],
  ),
  ...sided(
    { code: 'M54.3', title: 'Sciatica', plainName: 'Sciatica (pain down the back of the leg)' },
    lowBack,
    LOWER_LIMB_SIDES,
    (side) => `Sciatica, ${side} side`,
  ),
  ...sided(
    { code: 'M54.4', title: 'Lumbago with sciatica', plainName: 'Low back pain with sciatica' },
    { ...lowBack, alsoKnownAs: ['lower back'] },
    LOWER_LIMB_SIDES,
    (side) => `Lumbago with sciatica, ${side} side`,
  ),
  code('M62.830', 'Muscle spasm of back', 'Back muscle spasm', { ...lowBack, alsoKnownAs: ['back spasm', 'cramp'] }),
  code('M46.1', 'Sacroiliitis, not elsewhere classified', 'Sacroiliac (SI) joint pain', {
    ...lowBack,
    alsoKnownAs: ['si joint'],
  }),
  code('M53.3', 'Sacrococcygeal disorders, not elsewhere classified', 'Tailbone pain', {
    ...lowBack,
    alsoKnownAs: ['coccyx', 'coccydynia'],
  }),
  ...injury('S33.5XX', 'Sprain of ligaments of lumbar spine', 'Low back sprain', {
    ...lowBack,
    alsoKnownAs: ['lower back'],
  }),
  ...injury('S39.012', 'Strain of muscle, fascia and tendon of lower back', 'Low back muscle strain', {
    ...lowBack,
    alsoKnownAs: ['pulled back muscle', 'lower back'],
  }),

  // Mid back and back pain not tied to a region
  code('M54.6', 'Pain in thoracic spine', 'Mid-back pain (between the shoulder blades)', {
    ...other,
    alsoKnownAs: ['upper back'],
  }),
  ...injury('S23.3XX', 'Sprain of ligaments of thoracic spine', 'Mid-back sprain', {
    ...other,
    alsoKnownAs: ['upper back'],
  }),
  ...injury('S29.012', 'Strain of muscle and tendon of back wall of thorax', 'Mid-back muscle strain', {
    ...other,
    alsoKnownAs: ['upper back', 'rhomboid'],
  }),
  ...withChildren({ code: 'M54.8', title: 'Other dorsalgia', plainName: 'Other back pain' }, other, [
    code('M54.81', 'Occipital neuralgia', 'Nerve pain at the back of the head', {
      group: 'head',
      alsoKnownAs: ['occipital'],
    }),
    code('M54.89', 'Other dorsalgia', 'Other back pain', other),
  ]),
  code('M54.9', 'Dorsalgia, unspecified', 'Back pain (area not recorded)', { ...other, alsoKnownAs: ['backache'] }),
];
