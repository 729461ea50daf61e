// Endangerment sites: places where nerves, large vessels or organs lie close under the skin.
// They apply to every patient, so they are standing cautions, not findings: sustained deep or
// pointed pressure is avoided there, but they never change the visit's decision.
// Source: Werner R. A Massage Therapist's Guide to Pathology, 7th ed., 2019 (endangerment sites);
// massage-school curricula.
import type { EndangermentSite } from './types.ts';

const bothSides = (base: string): string[] => [`${base}-left`, `${base}-right`];

export const ENDANGERMENT_SITES: readonly EndangermentSite[] = [
  {
    site: 'anterior neck',
    regions: bothSides('anterior-neck'),
    structures: 'carotid artery, jugular vein, vagus nerve',
  },
  { site: 'axilla', regions: bothSides('axilla'), structures: 'axillary artery, brachial plexus, lymph nodes' },
  { site: 'cubital fossa', regions: bothSides('cubital-fossa'), structures: 'brachial artery, median nerve' },
  {
    site: 'femoral triangle',
    regions: bothSides('groin'),
    structures: 'femoral artery, vein and nerve, inguinal lymph nodes',
  },
  {
    site: 'popliteal fossa',
    regions: bothSides('back-of-knee'),
    structures: 'popliteal artery and vein, tibial nerve',
  },
  {
    site: 'kidney area (below the 12th rib)',
    regions: bothSides('low-back'),
    structures: 'kidneys, loosely protected by the floating ribs',
  },
];
