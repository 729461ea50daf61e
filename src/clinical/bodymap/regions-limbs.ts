import type { RegionBase } from './regions-types.ts';

// Arms and legs, down to single fingers and toes: several referral patterns end in one
// digit (scalenes in the thumb and index finger, latissimus in the ring and little finger).
const lateral = true;

export const UPPER_LIMB_BASES: readonly RegionBase[] = [
  { base: 'anterior-shoulder', name: 'Front of shoulder', lateral, view: 'front', area: 'upper-limb', synonyms: ['anterior deltoid', 'front of the shoulder', 'shoulder'] },
  { base: 'lateral-shoulder', name: 'Side of shoulder', lateral, view: 'front', area: 'upper-limb', synonyms: ['mid deltoid', 'middle deltoid', 'deltoid', 'outer shoulder', 'shoulder'] },
  { base: 'posterior-shoulder', name: 'Back of shoulder', lateral, view: 'back', area: 'upper-limb', synonyms: ['posterior deltoid', 'back of the shoulder', 'rotator cuff', 'shoulder'] },
  { base: 'acromion', name: 'Point of shoulder', lateral, view: 'front', area: 'upper-limb', synonyms: ['acromion process', 'tip of shoulder', 'acromioclavicular', 'ac joint'] },
  { base: 'axilla', name: 'Armpit', lateral, view: 'front', area: 'upper-limb', synonyms: ['axillary', 'arm pit', 'underarm'] },
  { base: 'anterior-arm', name: 'Front of upper arm', lateral, view: 'front', area: 'upper-limb', synonyms: ['biceps area', 'front of arm', 'anterior upper arm'] },
  { base: 'posterior-arm', name: 'Back of upper arm', lateral, view: 'back', area: 'upper-limb', synonyms: ['triceps area', 'back of arm', 'posterior upper arm'] },
  { base: 'medial-arm', name: 'Inner upper arm', lateral, view: 'front', area: 'upper-limb', synonyms: ['inside of arm', 'medial upper arm', 'inner arm'] },
  { base: 'lateral-arm', name: 'Outer upper arm', lateral, view: 'front', area: 'upper-limb', synonyms: ['outside of arm', 'lateral upper arm', 'outer arm', 'anterolateral arm'] },
  { base: 'medial-epicondyle', name: 'Inner elbow', lateral, view: 'front', area: 'upper-limb', synonyms: ["golfer's elbow", 'golfers elbow', 'medial epicondylitis', 'medial elbow', 'funny bone', 'inside of elbow'] },
  { base: 'lateral-epicondyle', name: 'Outer elbow', lateral, view: 'back', area: 'upper-limb', synonyms: ['tennis elbow', 'lateral epicondylitis', 'lateral epicondylalgia', 'lateral elbow', 'outside of elbow'] },
  { base: 'olecranon', name: 'Point of elbow', lateral, view: 'back', area: 'upper-limb', synonyms: ['back of elbow', 'tip of elbow', 'olecranon process', 'elbow'] },
  { base: 'cubital-fossa', name: 'Crease of elbow', lateral, view: 'front', area: 'upper-limb', synonyms: ['antecubital', 'inside of elbow crease', 'front of elbow', 'elbow crease', 'elbow'] },
  { base: 'radial-forearm', name: 'Thumb side of forearm', lateral, view: 'front', area: 'upper-limb', synonyms: ['radial forearm', 'lateral forearm', 'outer forearm'] },
  { base: 'ulnar-forearm', name: 'Little-finger side of forearm', lateral, view: 'front', area: 'upper-limb', synonyms: ['ulnar forearm', 'medial forearm', 'inner forearm'] },
  { base: 'dorsal-forearm', name: 'Back of forearm', lateral, view: 'back', area: 'upper-limb', synonyms: ['dorsal forearm', 'extensor forearm', 'top of forearm', 'forearm'] },
  { base: 'volar-forearm', name: 'Front of forearm', lateral, view: 'front', area: 'upper-limb', synonyms: ['volar forearm', 'palmar forearm', 'flexor forearm', 'underside of forearm', 'forearm'] },
  { base: 'dorsal-wrist', name: 'Back of wrist', lateral, view: 'back', area: 'upper-limb', synonyms: ['dorsal wrist', 'top of wrist', 'wrist'] },
  { base: 'volar-wrist', name: 'Front of wrist', lateral, view: 'front', area: 'upper-limb', synonyms: ['volar wrist', 'palm side of wrist', 'carpal tunnel', 'wrist'] },
  { base: 'palm', name: 'Palm', lateral, view: 'front', area: 'upper-limb', synonyms: ['palm of hand', 'palmar', 'hand'] },
  { base: 'back-of-hand', name: 'Back of hand', lateral, view: 'back', area: 'upper-limb', synonyms: ['dorsum of hand', 'dorsal hand', 'top of hand', 'hand'] },
  { base: 'thumb-web', name: 'Web of thumb', lateral, view: 'back', area: 'upper-limb', synonyms: ['thumb web', 'first web space', 'dorsal web of thumb', 'between thumb and index'] },
  { base: 'thumb', name: 'Thumb', lateral, view: 'front', area: 'upper-limb', synonyms: ['pollex', 'base of thumb', 'thenar'] },
  { base: 'index-finger', name: 'Index finger', lateral, view: 'front', area: 'upper-limb', synonyms: ['index', 'pointer finger', 'second finger', 'forefinger'] },
  { base: 'middle-finger', name: 'Middle finger', lateral, view: 'front', area: 'upper-limb', synonyms: ['middle', 'long finger', 'third finger'] },
  { base: 'ring-finger', name: 'Ring finger', lateral, view: 'front', area: 'upper-limb', synonyms: ['ring', 'fourth finger'] },
  { base: 'little-finger', name: 'Little finger', lateral, view: 'front', area: 'upper-limb', synonyms: ['little', 'pinky', 'pinkie', 'fifth finger'] },
];

export const LOWER_LIMB_BASES: readonly RegionBase[] = [
  { base: 'greater-trochanter', name: 'Side of hip', lateral, view: 'back', area: 'lower-limb', synonyms: ['greater trochanter', 'trochanteric', 'hip', 'outer hip', 'lateral hip', 'hip bursitis'] },
  { base: 'anterior-thigh', name: 'Front of thigh', lateral, view: 'front', area: 'lower-limb', synonyms: ['quadriceps area', 'quads', 'front of the thigh', 'thigh'] },
  { base: 'lateral-thigh', name: 'Outer thigh', lateral, view: 'front', area: 'lower-limb', synonyms: ['it band', 'iliotibial band', 'itb', 'side of thigh', 'thigh'] },
  { base: 'medial-thigh', name: 'Inner thigh', lateral, view: 'front', area: 'lower-limb', synonyms: ['adductor area', 'inside of thigh', 'groin strain', 'thigh'] },
  { base: 'posterior-thigh', name: 'Back of thigh', lateral, view: 'back', area: 'lower-limb', synonyms: ['hamstring area', 'hamstrings', 'sciatica', 'back of the thigh', 'thigh'] },
  { base: 'anterior-knee', name: 'Front of knee', lateral, view: 'front', area: 'lower-limb', synonyms: ['kneecap', 'patella', 'patellar', 'knee'] },
  { base: 'medial-knee', name: 'Inner knee', lateral, view: 'front', area: 'lower-limb', synonyms: ['medial knee', 'inside of knee', 'knee'] },
  { base: 'lateral-knee', name: 'Outer knee', lateral, view: 'front', area: 'lower-limb', synonyms: ['lateral knee', 'outside of knee', 'runners knee', 'knee'] },
  { base: 'back-of-knee', name: 'Back of knee', lateral, view: 'back', area: 'lower-limb', synonyms: ['popliteal', 'popliteal fossa', 'hollow of knee', 'knee'] },
  { base: 'shin', name: 'Shin', lateral, view: 'front', area: 'lower-limb', synonyms: ['shin splints', 'anterior leg', 'front of lower leg', 'tibia'] },
  { base: 'lateral-leg', name: 'Outer lower leg', lateral, view: 'front', area: 'lower-limb', synonyms: ['lateral leg', 'peroneal area', 'fibular side', 'outside of lower leg'] },
  { base: 'calf', name: 'Calf', lateral, view: 'back', area: 'lower-limb', synonyms: ['calf muscle', 'back of lower leg', 'posterior leg', 'cramp'] },
  { base: 'achilles', name: 'Achilles tendon', lateral, view: 'back', area: 'lower-limb', synonyms: ['achilles tendon', 'heel cord', 'achilles tendinitis', 'achilles tendinopathy'] },
  { base: 'heel', name: 'Heel', lateral, view: 'back', area: 'lower-limb', synonyms: ['calcaneus', 'heel pain', 'plantar fasciitis', 'bottom of heel'] },
  { base: 'medial-ankle', name: 'Inner ankle', lateral, view: 'front', area: 'lower-limb', synonyms: ['medial malleolus', 'inside of ankle', 'front of ankle', 'ankle'] },
  { base: 'lateral-ankle', name: 'Outer ankle', lateral, view: 'front', area: 'lower-limb', synonyms: ['lateral malleolus', 'outside of ankle', 'ankle'] },
  { base: 'instep', name: 'Top of foot', lateral, view: 'front', area: 'lower-limb', synonyms: ['dorsum of foot', 'dorsal foot', 'top of the foot', 'foot'] },
  { base: 'sole', name: 'Sole of foot', lateral, view: 'back', area: 'lower-limb', synonyms: ['plantar', 'arch', 'bottom of foot', 'arch of foot', 'foot'] },
  { base: 'ball-of-foot', name: 'Ball of foot', lateral, view: 'back', area: 'lower-limb', synonyms: ['metatarsal heads', 'forefoot', 'metatarsalgia'] },
  { base: 'big-toe', name: 'Big toe', lateral, view: 'front', area: 'lower-limb', synonyms: ['great toe', 'hallux', 'first toe'] },
  { base: 'lesser-toes', name: 'Smaller toes', lateral, view: 'front', area: 'lower-limb', synonyms: ['lesser toes', 'toes', 'little toes', 'small toes'] },
];
