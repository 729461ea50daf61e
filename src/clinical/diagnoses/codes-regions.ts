import { code, sided, withChildren } from './build.ts';
import type { DiagnosisCode } from './types.ts';

const head = { group: 'head' } as const;
const shoulder = { group: 'shoulder' } as const;
const hipLeg = { group: 'hip-leg' } as const;
const other = { group: 'other' } as const;

/** Joint codes that end in 1 right, 2 left, 9 unspecified (M25.5-). */
const JOINT_SIDES = [
  ['1', 'right'],
  ['2', 'left'],
  ['9', 'unspecified'],
] as const;
/** Codes that end in 0 unspecified, 1 right, 2 left. */
const LIMB_SIDES = [
  ['0', 'unspecified'],
  ['1', 'right'],
  ['2', 'left'],
] as const;
/** Nerve and jaw-joint codes that also have a bilateral code. */
const LIMB_SIDES_BOTH = [...LIMB_SIDES, ['3', 'both']] as const;
const TMJ_SIDES = [
  ['1', 'right'],
  ['2', 'left'],
  ['3', 'both'],
  ['9', 'unspecified'],
] as const;

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Head and jaw, shoulder, hip and leg, and the rest of the body. */
export const REGION_CODES: readonly DiagnosisCode[] = [
  // Head and jaw. Tension-type headache needs 6 characters: type (unspecified / episodic /
  // chronic) and whether it is intractable.
  ...withChildren({ code: 'G44.2', title: 'Tension-type headache', plainName: 'Tension headache' }, head, [
    ...withChildren(
      { code: 'G44.20', title: 'Tension-type headache, unspecified', plainName: 'Tension headache' },
      head,
      [
        code(
          'G44.201',
          'Tension-type headache, unspecified, intractable',
          'Tension headache that treatment has not eased',
          head,
        ),
        code('G44.209', 'Tension-type headache, unspecified, not intractable', 'Tension headache', head),
      ],
    ),
    ...withChildren(
      {
        code: 'G44.21',
        title: 'Episodic tension-type headache',
        plainName: 'Tension headaches now and then (under 15 days a month)',
      },
      head,
      [
        code(
          'G44.211',
          'Episodic tension-type headache, intractable',
          'Tension headaches now and then, not eased by treatment',
          head,
        ),
        code('G44.219', 'Episodic tension-type headache, not intractable', 'Tension headaches now and then', head),
      ],
    ),
    ...withChildren(
      {
        code: 'G44.22',
        title: 'Chronic tension-type headache',
        plainName: 'Tension headaches on most days (15 or more a month)',
      },
      head,
      [
        code(
          'G44.221',
          'Chronic tension-type headache, intractable',
          'Tension headaches on most days, not eased by treatment',
          head,
        ),
        code('G44.229', 'Chronic tension-type headache, not intractable', 'Tension headaches on most days', head),
      ],
    ),
  ]),
  code('R51.9', 'Headache, unspecified', 'Headache', head),
  ...withChildren(
    { code: 'M26.6', title: 'Temporomandibular joint disorders', plainName: 'Jaw joint (TMJ) problem' },
    { ...head, alsoKnownAs: ['tmj', 'tmd', 'jaw'] },
    [
      ...sided(
        {
          code: 'M26.60',
          title: 'Temporomandibular joint disorder, unspecified',
          plainName: 'Jaw joint (TMJ) problem',
        },
        { ...head, alsoKnownAs: ['tmj', 'tmd', 'jaw'] },
        TMJ_SIDES,
        (side) =>
          side === 'unspecified'
            ? 'Unspecified temporomandibular joint disorder, unspecified side'
            : `${capital(side)} temporomandibular joint disorder, unspecified`,
      ),
      ...sided(
        { code: 'M26.62', title: 'Arthralgia of temporomandibular joint', plainName: 'Jaw joint (TMJ) pain' },
        { ...head, alsoKnownAs: ['tmj', 'tmd', 'jaw'] },
        TMJ_SIDES,
        (side) =>
          side === 'unspecified'
            ? 'Arthralgia of temporomandibular joint, unspecified side'
            : `Arthralgia of ${side} temporomandibular joint`,
      ),
      code('M26.69', 'Other specified disorders of temporomandibular joint', 'Other jaw joint (TMJ) problem', {
        ...head,
        alsoKnownAs: ['tmj', 'tmd', 'jaw'],
      }),
    ],
  ),

  // Shoulder
  ...sided(
    { code: 'M25.51', title: 'Pain in shoulder', plainName: 'Shoulder pain' },
    shoulder,
    JOINT_SIDES,
    (side) => `Pain in ${side} shoulder`,
  ),
  ...sided(
    { code: 'M75.0', title: 'Adhesive capsulitis of shoulder', plainName: 'Frozen shoulder' },
    shoulder,
    LIMB_SIDES,
    (side) => `Adhesive capsulitis of ${side} shoulder`,
  ),
  ...sided(
    {
      code: 'M75.4',
      title: 'Impingement syndrome of shoulder',
      plainName: 'Shoulder impingement (pinching when lifting the arm)',
    },
    shoulder,
    LIMB_SIDES,
    (side) => `Impingement syndrome of ${side} shoulder`,
  ),

  // Hip and leg
  ...sided(
    { code: 'M25.55', title: 'Pain in hip', plainName: 'Hip pain' },
    hipLeg,
    JOINT_SIDES,
    (side) => `Pain in ${side} hip`,
  ),
  ...sided(
    { code: 'M25.56', title: 'Pain in knee', plainName: 'Knee pain' },
    hipLeg,
    JOINT_SIDES,
    (side) => `Pain in ${side} knee`,
  ),
  ...sided(
    {
      code: 'G57.0',
      title: 'Lesion of sciatic nerve',
      plainName: 'Sciatic nerve irritated in the buttock (piriformis syndrome)',
    },
    { ...hipLeg, alsoKnownAs: ['piriformis', 'sciatic'] },
    LIMB_SIDES_BOTH,
    (side) =>
      side === 'bilateral'
        ? 'Lesion of sciatic nerve, bilateral lower limbs'
        : `Lesion of sciatic nerve, ${side} lower limb`,
  ),
  ...sided(
    { code: 'M70.6', title: 'Trochanteric bursitis', plainName: 'Outer hip bursitis' },
    { ...hipLeg, alsoKnownAs: ['greater trochanter'] },
    LIMB_SIDES,
    (side) => `Trochanteric bursitis, ${side} hip`,
  ),
  ...sided(
    { code: 'M76.3', title: 'Iliotibial band syndrome', plainName: 'IT band syndrome (outer thigh and knee)' },
    { ...hipLeg, alsoKnownAs: ['itb', 'it band'] },
    LIMB_SIDES,
    (side) => `Iliotibial band syndrome, ${side} leg`,
  ),
  code('M72.2', 'Plantar fascial fibromatosis', 'Plantar fasciitis (heel and arch pain)', {
    ...hipLeg,
    alsoKnownAs: ['heel', 'foot'],
  }),

  // Pain in a limb (M79.60-): arm codes count as "other", leg codes as hip and leg.
  ...withChildren({ code: 'M79.60', title: 'Pain in limb, unspecified', plainName: 'Arm or leg pain' }, other, [
    code('M79.601', 'Pain in right arm', 'Arm pain, right side', other),
    code('M79.602', 'Pain in left arm', 'Arm pain, left side', other),
    code('M79.603', 'Pain in arm, unspecified', 'Arm pain, side not recorded', other),
    code('M79.604', 'Pain in right leg', 'Leg pain, right side', hipLeg),
    code('M79.605', 'Pain in left leg', 'Leg pain, left side', hipLeg),
    code('M79.606', 'Pain in leg, unspecified', 'Leg pain, side not recorded', hipLeg),
    code('M79.609', 'Pain in unspecified limb', 'Arm or leg pain, limb not recorded', other),
  ]),

  // Muscles anywhere, elbows and hands. M79.1 stopped being billable on 1 October 2022 (FY2023).
  ...withChildren(
    { code: 'M79.1', title: 'Myalgia', plainName: 'Muscle pain' },
    { ...other, alsoKnownAs: ['myofascial', 'trigger points'] },
    [
      code('M79.10', 'Myalgia, unspecified site', 'Muscle pain', {
        ...other,
        alsoKnownAs: ['myofascial', 'trigger points'],
      }),
      code('M79.11', 'Myalgia of mastication muscle', 'Jaw muscle pain (chewing muscles)', {
        ...head,
        alsoKnownAs: ['masseter', 'clenching'],
      }),
      code('M79.12', 'Myalgia of auxiliary muscles, head and neck', 'Muscle pain in the neck and head', {
        group: 'neck',
        alsoKnownAs: ['trigger points', 'knots', 'trapezius', 'myofascial'],
      }),
      code('M79.18', 'Myalgia, other site', 'Muscle pain in another area', {
        ...other,
        alsoKnownAs: ['myofascial', 'trigger points'],
      }),
    ],
  ),
  code('M62.838', 'Other muscle spasm', 'Muscle spasm', { ...other, alsoKnownAs: ['cramp'] }),
  ...sided(
    { code: 'M77.1', title: 'Lateral epicondylitis', plainName: 'Tennis elbow (outer elbow pain)' },
    { ...other, alsoKnownAs: ['elbow'] },
    LIMB_SIDES,
    (side) => `Lateral epicondylitis, ${side} elbow`,
  ),
  ...sided(
    { code: 'M77.0', title: 'Medial epicondylitis', plainName: 'Golfer’s elbow (inner elbow pain)' },
    { ...other, alsoKnownAs: ['elbow'] },
    LIMB_SIDES,
    (side) => `Medial epicondylitis, ${side} elbow`,
  ),
  ...sided(
    { code: 'G56.0', title: 'Carpal tunnel syndrome', plainName: 'Carpal tunnel syndrome (numb or tingling hand)' },
    { ...other, alsoKnownAs: ['wrist', 'hand'] },
    LIMB_SIDES_BOTH,
    (side) =>
      side === 'bilateral'
        ? 'Carpal tunnel syndrome, bilateral upper limbs'
        : `Carpal tunnel syndrome, ${side} upper limb`,
  ),
];
