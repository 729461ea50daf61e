import { muscle, P, S } from './build.ts';
import type { Muscle } from './types.ts';

// Neck and upper-back muscles behind most tension-type and cervicogenic headaches.
export const NECK_MUSCLES: Muscle[] = [
  muscle({
    id: 'upper-trapezius', name: 'Upper trapezius', aliases: ['trapezius upper', 'upper traps', 'traps'],
    plainName: 'the muscle along the top of your shoulder', area: 'neck',
    points: [
      { key: 'anterior', label: 'Anterior free border', location: 'Pincer grip on the front edge of the muscle above the shoulder', zones: [P('posterolateral-neck'), P('mastoid'), P('temple'), S('behind-eye'), S('jaw-angle'), S('occiput')] },
      { key: 'posterior', label: 'Horizontal fibres', location: 'Mid-ridge of the shoulder, above the scapular spine', zones: [P('posterolateral-neck'), P('neck-angle'), S('mastoid')] },
    ],
    associatedSymptoms: ['tension-type headache at the temple', 'stiff neck', 'ache behind the eye'],
    perpetuatingFactors: ['shrugged shoulders at a desk', 'heavy shoulder bag', 'short upper arms for chair armrests', 'stress'],
    selfCare: { title: 'Shoulder ridge release', steps: ['Squeeze the top of the shoulder between thumb and fingers for 30 s.', 'Tilt the ear away from that shoulder for 30 s.', 'Lower the chair armrests or desk so the shoulders can drop.'] },
    citations: ['ts-v1', 'fdlp-2007-trapezius', 'fdlp-2010-tmd'], source: 'T&S vol. 1 (2nd ed.), trapezius chapter', evidence: 'established',
  }),
  muscle({
    id: 'middle-trapezius', name: 'Middle trapezius', aliases: ['trapezius middle', 'mid traps'],
    plainName: 'the muscle between your shoulder blades', area: 'trunk',
    points: [
      { key: 'medial', label: 'Near the vertebral border', location: 'Between the medial scapular border and the spine, T1-T3 level', zones: [P('upper-back'), P('medial-scapular-border')] },
      { key: 'lateral', label: 'Near the acromion', location: 'Lateral fibres just medial to the acromion', zones: [P('acromion'), S('posterior-shoulder')] },
    ],
    associatedSymptoms: ['burning between the shoulder blades'],
    perpetuatingFactors: ['rounded shoulders', 'reaching forward for long periods'],
    selfCare: { title: 'Ball against a wall', steps: ['Lean a tennis ball between the shoulder blade and a wall; hold on the tender spot 30-60 s.', 'Squeeze the shoulder blades together gently 10 times.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), trapezius chapter', evidence: 'reported',
  }),
  muscle({
    id: 'lower-trapezius', name: 'Lower trapezius', aliases: ['trapezius lower', 'lower traps'],
    plainName: 'the lower part of the large muscle across your upper back', area: 'trunk',
    points: [
      { key: 'central', label: 'Lower fibres', location: 'Near the lateral edge of the muscle at the level of the inferior scapular angle', zones: [P('posterior-neck'), P('suprascapular'), S('mastoid'), S('acromion'), S('medial-scapular-border')] },
    ],
    associatedSymptoms: ['neck ache felt high up though the source is low', 'ache above the shoulder blade'],
    perpetuatingFactors: ['slumped sitting', 'leaning on elbows'],
    selfCare: { title: 'Lower-back-of-shoulder press', steps: ['Lie on a ball placed just inside the lower shoulder blade for 60 s.', 'Practise sliding the shoulder blades down and back.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), trapezius chapter', evidence: 'reported',
  }),
  muscle({
    id: 'sternocleidomastoid', name: 'Sternocleidomastoid', aliases: ['scm', 'sternomastoid'],
    plainName: 'the strap muscle running from behind your ear to your collarbone', area: 'neck',
    points: [
      { key: 'sternal', label: 'Sternal division', location: 'Pincer grip along the front (sternal) head, from its lower end up to near the mastoid', zones: [P('vertex'), P('occiput'), P('cheek'), P('eyebrow'), P('behind-eye'), P('throat'), P('sternum'), S('ear'), S('temple')], citations: ['ts-v1', 'fdlp-2010-tmd', 'namtpt-checker'] },
      { key: 'clavicular', label: 'Clavicular division', location: 'Deeper, lateral head, mid-neck', zones: [P('forehead', 'both'), P('ear'), P('mastoid'), S('upper-molars')] },
    ],
    associatedSymptoms: ['postural dizziness', 'watery eye', 'sore throat feeling', 'frontal headache'],
    perpetuatingFactors: ['forward head posture', 'looking up for long periods', 'chronic cough', 'whiplash'],
    selfCare: { title: 'SCM pincer release', steps: ['Turn the head slightly toward the side being treated to soften the muscle.', 'Grip it gently between thumb and fingers (not the pulse beneath) and hold 20-30 s at each tender spot.', 'Stop at once if you feel dizzy or a pulse under your fingers.'] },
    citations: ['ts-v1', 'fdlp-2010-tmd', 'namtpt-checker'], source: 'T&S vol. 1 (2nd ed.), sternocleidomastoid chapter; temple spillover from NAMTPT', evidence: 'established',
  }),
  muscle({
    id: 'splenius-capitis', name: 'Splenius capitis', aliases: ['splenius head'],
    plainName: 'a muscle at the back of your neck that turns your head', area: 'neck',
    points: [{ key: 'belly', label: 'Belly', location: 'Just below the mastoid, between the SCM and upper trapezius', zones: [P('vertex')] }],
    associatedSymptoms: ['pain on top of the head', 'stiff neck turning'],
    perpetuatingFactors: ['head turned for long periods', 'cold draughts', 'whiplash'],
    selfCare: { title: 'Neck turn stretch', steps: ['Drop the chin toward the opposite armpit and hold 30 s.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), splenius chapter', evidence: 'reported',
  }),
  muscle({
    id: 'splenius-cervicis', name: 'Splenius cervicis', aliases: ['splenius neck'],
    plainName: 'a muscle on the back of your neck under the trapezius', area: 'neck',
    points: [
      { key: 'upper', label: 'Upper', location: 'Near the C2-C3 level, deep to the trapezius', zones: [P('behind-eye'), S('temple'), S('occiput')] },
      { key: 'lower', label: 'Lower', location: 'Near the angle of the neck', zones: [P('neck-angle'), S('posterolateral-neck')] },
    ],
    associatedSymptoms: ['pain shooting to the back of the eye', 'blurred vision on one side'],
    perpetuatingFactors: ['forward head posture', 'sleeping with the neck twisted'],
    selfCare: { title: 'Chin tuck', steps: ['Glide the chin straight back, hold 5 s, repeat 10 times.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), splenius chapter', evidence: 'reported',
  }),
  muscle({
    id: 'suboccipitals', name: 'Suboccipitals', aliases: ['suboccipital muscles', 'rectus capitis posterior', 'obliquus capitis'],
    plainName: 'the small muscles right under the base of your skull', area: 'neck',
    points: [{ key: 'group', label: 'Suboccipital group', location: 'Deep below the occipital ridge, between the mastoid and the midline', zones: [P('occiput'), P('suboccipital'), P('temple'), S('behind-eye'), S('forehead')] }],
    associatedSymptoms: ['headache wrapping from the back of the head to the eye', 'pain resting the head on a pillow'],
    perpetuatingFactors: ['forward head posture', 'screens below eye level', 'varifocal glasses'],
    selfCare: { title: 'Two-ball rest', steps: ['Lie with two tennis balls in a sock under the base of the skull for 2 minutes.', 'Nod the chin slightly a few times while resting.'] },
    citations: ['ts-v1', 'fdlp-2006-suboccipital'], source: 'T&S vol. 1 (2nd ed.), suboccipital chapter', evidence: 'established',
  }),
  muscle({
    id: 'semispinalis-capitis', name: 'Semispinalis capitis', aliases: ['semispinalis'],
    plainName: 'a long muscle running up the back of your neck to your skull', area: 'neck',
    points: [
      { key: 'upper', label: 'Upper', location: 'Just below the occiput, beside the midline', zones: [P('temple'), P('occiput'), S('forehead'), S('eyebrow')] },
      { key: 'middle', label: 'Mid-neck', location: 'C4-C5 level beside the spine', zones: [P('occiput'), S('posterior-neck')] },
    ],
    associatedSymptoms: ['headache like a band around the head'],
    perpetuatingFactors: ['reading with the head bent', 'tight collars'],
    selfCare: { title: 'Neck press and nod', steps: ['Press two fingers beside the neck spine at the tender spot and slowly nod yes for 30 s.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), posterior cervical muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'cervical-multifidi', name: 'Cervical multifidi', aliases: ['neck multifidus', 'posterior cervical'],
    plainName: 'small deep muscles along the bones of your neck', area: 'neck',
    points: [{ key: 'c4-c5', label: 'C4-C5 level', location: 'Deep in the groove beside the cervical spinous processes', zones: [P('posterior-neck'), P('suboccipital'), S('suprascapular'), S('medial-scapular-border')] }],
    associatedSymptoms: ['stiffness bending the neck forward', 'ache at the base of the skull'],
    perpetuatingFactors: ['looking down at a phone', 'sleeping without neck support'],
    selfCare: { title: 'Neck groove press', steps: ['Press beside the neck spine and slowly look up and down for 30 s.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), posterior cervical muscles chapter', evidence: 'reported',
  }),
  muscle({
    id: 'levator-scapulae', name: 'Levator scapulae', aliases: ['levator'],
    plainName: 'the muscle that lifts your shoulder blade, at the side of your neck', area: 'neck',
    points: [
      { key: 'angle', label: 'Angle of the neck', location: 'Where the neck meets the shoulder, under the upper trapezius', zones: [P('neck-angle'), S('medial-scapular-border'), S('posterior-shoulder')] },
      { key: 'insertion', label: 'Above the superior angle', location: 'Just above the upper inner corner of the scapula', zones: [P('neck-angle'), P('medial-scapular-border')] },
    ],
    associatedSymptoms: ['stiff neck, unable to turn the head', 'pain at the angle of the neck'],
    perpetuatingFactors: ['phone held between ear and shoulder', 'sleeping on the side without support', 'stress'],
    selfCare: { title: 'Levator stretch', steps: ['Turn the nose 45° toward the opposite armpit and look down for 30 s.', 'Hold the chair seat with the hand of the treated side.'] },
    citations: ['ts-v1', 'bron-2011-shoulder'], source: 'T&S vol. 1 (2nd ed.), levator scapulae chapter', evidence: 'reported',
  }),
  muscle({
    id: 'scalenes', name: 'Scalenes', aliases: ['scalene', 'anterior scalene', 'middle scalene', 'posterior scalene'],
    plainName: 'the muscles at the side of your neck that help lift your ribs', area: 'neck',
    points: [
      { key: 'anterior', label: 'Anterior scalene', location: 'Behind the clavicular head of the SCM, above the collarbone', zones: [P('anterior-chest'), S('medial-scapular-border')] },
      { key: 'middle', label: 'Middle scalene', location: 'Side of the neck between the SCM and the trapezius', zones: [P('lateral-arm'), P('anterior-arm'), P('radial-forearm'), P('thumb'), P('index-finger'), S('posterior-arm'), S('back-of-hand')] },
      { key: 'posterior', label: 'Posterior scalene', location: 'Deep, just in front of the levator scapulae', zones: [P('medial-scapular-border'), S('upper-back')] },
    ],
    associatedSymptoms: ['numbness or tingling into the thumb and index finger', 'thoracic-outlet-like symptoms', 'pain that wakes at night'],
    perpetuatingFactors: ['chest breathing', 'chronic cough', 'carrying loads', 'whiplash'],
    selfCare: { title: 'Scalene stretch', steps: ['Hold the collarbone down with the opposite hand.', 'Tilt the ear away and look slightly up for 30 s.', 'Practise slow belly breathing for two minutes.'] },
    citations: ['ts-v1'], source: 'T&S vol. 1 (2nd ed.), scalene chapter', evidence: 'reported',
  }),
];
