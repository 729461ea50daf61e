import type { RegionBase } from './regions-types.ts';

// Chest, abdomen, back and pelvis. Spinous-process lines are midline; paraspinal and
// scapular places are lateral because referral from one side stays on that side.
const lateral = true;
const midline = false;

export const TRUNK_BASES: readonly RegionBase[] = [
  { base: 'anterior-chest', name: 'Chest', lateral, view: 'front', area: 'trunk', synonyms: ['pectoral', 'pec', 'front of chest', 'breast', 'chest pain'] },
  { base: 'sternum', name: 'Breastbone', lateral: midline, view: 'front', area: 'trunk', synonyms: ['sternal', 'breast bone', 'centre of chest', 'center of chest'] },
  { base: 'lateral-chest', name: 'Side of chest', lateral, view: 'front', area: 'trunk', synonyms: ['side of ribs', 'ribs', 'rib cage', 'side stitch', 'lateral ribs'] },
  { base: 'upper-abdomen', name: 'Upper abdomen', lateral: midline, view: 'front', area: 'trunk', synonyms: ['epigastric', 'pit of stomach', 'stomach', 'heartburn', 'belly', 'abdomen'] },
  { base: 'lower-abdomen', name: 'Lower abdomen', lateral: midline, view: 'front', area: 'trunk', synonyms: ['suprapubic', 'pelvic', 'bladder area', 'lower belly', 'abdomen'] },
  { base: 'flank', name: 'Side of abdomen', lateral, view: 'front', area: 'trunk', synonyms: ['lateral abdomen', 'waist', 'love handle', 'side of waist'] },
  { base: 'groin', name: 'Groin', lateral, view: 'front', area: 'trunk', synonyms: ['inguinal', 'hip flexor area', 'front of hip', 'testicle'] },
  { base: 'upper-back', name: 'Upper back', lateral: midline, view: 'back', area: 'trunk', synonyms: ['between the shoulder blades', 'upper thoracic spine', 'interscapular', 't1 t4'] },
  { base: 'mid-back', name: 'Mid back', lateral: midline, view: 'back', area: 'trunk', synonyms: ['middle back', 'thoracic spine', 'thoracolumbar', 'bra line'] },
  { base: 'medial-scapular-border', name: 'Inner edge of shoulder blade', lateral, view: 'back', area: 'trunk', synonyms: ['vertebral border of scapula', 'medial border of scapula', 'inner shoulder blade', 'rhomboid area'] },
  { base: 'suprascapular', name: 'Above the shoulder blade', lateral, view: 'back', area: 'trunk', synonyms: ['suprascapular region', 'supraspinous fossa', 'top of shoulder blade'] },
  { base: 'scapula', name: 'Shoulder blade', lateral, view: 'back', area: 'trunk', synonyms: ['scapular', 'infraspinous fossa', 'back of shoulder blade', 'shoulder blade pain'] },
  { base: 'inferior-scapular-angle', name: 'Bottom tip of shoulder blade', lateral, view: 'back', area: 'trunk', synonyms: ['inferior angle of scapula', 'tip of shoulder blade', 'lower shoulder blade'] },
  { base: 'low-back', name: 'Low back', lateral, view: 'back', area: 'trunk', synonyms: ['lower back', 'lumbar', 'lumbago', 'lumbar paraspinals', 'back pain'] },
  { base: 'lumbar-spine', name: 'Low back (spine)', lateral: midline, view: 'back', area: 'trunk', synonyms: ['lumbar spinous processes', 'centre of low back', 'center of low back'] },
  { base: 'si-joint', name: 'Sacroiliac joint', lateral, view: 'back', area: 'trunk', synonyms: ['sacroiliac', 'sij', 'dimple', 'back dimple', 'si region'] },
  { base: 'sacrum', name: 'Sacrum', lateral: midline, view: 'back', area: 'trunk', synonyms: ['sacral', 'base of spine'] },
  { base: 'coccyx', name: 'Tailbone', lateral: midline, view: 'back', area: 'trunk', synonyms: ['coccygeal', 'tail bone', 'coccydynia'] },
  { base: 'iliac-crest', name: 'Top of the hip bone', lateral, view: 'back', area: 'trunk', synonyms: ['iliac crest', 'hip bone', 'top of hip', 'pelvic rim'] },
  { base: 'buttock', name: 'Buttock', lateral, view: 'back', area: 'trunk', synonyms: ['gluteal', 'glute', 'bottom', 'sciatic buttock', 'seat', 'butt'] },
];
