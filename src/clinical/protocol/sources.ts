/** Sources for the session-dose rules. Where sources and the clinic differ, the clinic's protocol is encoded. */
export const DOSE_SOURCES = {
  clinicProtocol:
    "Clinic protocol (Knotwork clinical reference, 'During treatment'): pressure held 10–30 s per point, pain rated " +
    'and kept at 5–7 ("therapeutic discomfort"), layers worked superficial to deep, regular check-ins.',
  simons:
    'Simons DG, Travell JG, Simons LS 1999, Myofascial Pain and Dysfunction: The Trigger Point Manual, vol. 1, ' +
    '2nd ed.: ' +
    'moves from "ischemic compression" (pressure to tolerance) to "trigger-point pressure release" (pressure to the ' +
    "first tissue barrier, held until the tissue yields, then taken up); neither sets a fixed time. The clinic's " +
    '10–30 s at pain 5–7 is the convention encoded here.',
  hou2002:
    'Hou CR et al. 2002, "Immediate effects of various physical therapeutic modalities on cervical myofascial pain ' +
    'and trigger-point sensitivity", Arch Phys Med Rehabil 83:1406–14: ischemic compression helped at pain-threshold ' +
    'pressure for 90 s or at higher pressure (between threshold and tolerance) for 60 s; 30 s at threshold did less.',
  chaitowNmt:
    'Chaitow L, DeLany J 2008, Clinical Application of Neuromuscular Techniques, vol. 1, 2nd ed. (Churchill ' +
    'Livingstone): NMT gliding (stripping) strokes and ischemic compression; Chaitow 1994 INIT sequence of ' +
    'compression, positional release and MET.',
  jones:
    'Jones LH 1981, Strain and Counterstrain (American Academy of Osteopathy): hold the position of ease about 90 s ' +
    '(120 s for ribs) once tenderness has fallen by at least 70%.',
  chaitowMet:
    'Chaitow L 2006, Muscle Energy Techniques, 3rd ed. (Churchill Livingstone): isometric contractions of about ' +
    '20–30% of strength held 7–10 s; osteopathic texts use about 25% for about 6 s (5–10 s encoded).',
  pnf:
    'Rowlands AV et al. 2003, "Chronic flexibility gains: effect of isometric contraction duration during PNF ' +
    'stretching techniques", Res Q Exerc Sport 74(1):47–51: 5 s and 10 s contractions both helped, 10 s more.',
  friction:
    'Loew LM et al. 2014, "Deep transverse friction massage for treating lateral elbow or lateral knee tendinitis", ' +
    'Cochrane Database Syst Rev CD003528; Chaves P et al. 2017, Musculoskelet Sci Pract 32:92–97: Cyriax friction is ' +
    'a rhythmic stroke, not a hold, and its dosage varies widely in practice.',
  microcurrent:
    'McMakin CR 2004, "Microcurrent therapy: a novel treatment method for chronic low back myofascial pain", ' +
    'J Bodyw Mov Ther 8:143–153: current in the microampere range, below sensation; no pressure or hold.',
  approximation:
    'No published dosage found for tissue approximation (pushing the muscle fibres together to ease spindle tone); ' +
    "the clinic's 10–30 s hold is its own convention.",
} as const;
