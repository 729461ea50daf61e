import type { DocumentReference } from '@medplum/fhirtypes';
import { compact, instant, ref, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';

/**
 * Documents are referenced, never inlined: the attachment's URL is the download route the app
 * uses, so fetching it goes through the same sign-in, access rules and audit as any download.
 * `origin` is the server as the client reached it (e.g. `https://clinic.example`).
 */
export interface ClearanceLetterInput {
  id: string;
  patientId: string;
  physician: string;
  clearedOn: string;
  scope: string;
  fileId: string;
  filename: string;
  contentType: string;
  size: number;
  recordedAt: Date;
}

export interface HomeCareHandoutInput {
  id: string;
  sessionNoteId: string;
  patientId: string;
  generatedAt: Date;
  editedAt: Date | null;
  sentAt: Date | null;
}

export function toClearanceDocument(ctx: FhirContext, origin: string, c: ClearanceLetterInput): DocumentReference {
  return compact<DocumentReference>({
    resourceType: 'DocumentReference',
    id: c.id,
    status: 'current',
    docStatus: 'final',
    type: { coding: [knotworkCoding(ctx, 'document', 'clearance-letter')], text: 'Physician clearance letter' },
    subject: ref('Patient', c.patientId),
    date: instant(c.recordedAt),
    description: `Cleared by ${c.physician} on ${c.clearedOn}: ${c.scope}`,
    content: [
      {
        attachment: {
          contentType: c.contentType,
          url: `${origin}/api/files/${c.fileId}`,
          size: c.size,
          title: c.filename,
          creation: c.clearedOn,
        },
      },
    ],
  });
}

/** The handout of one visit; final once it was sent to the patient, a draft until then. */
export function toHomeCareDocument(ctx: FhirContext, origin: string, h: HomeCareHandoutInput): DocumentReference {
  const changed = h.sentAt ?? h.editedAt ?? h.generatedAt;
  return compact<DocumentReference>({
    resourceType: 'DocumentReference',
    id: h.id,
    status: 'current',
    docStatus: h.sentAt ? 'final' : 'preliminary',
    type: { coding: [knotworkCoding(ctx, 'document', 'home-care-handout')], text: 'Home care handout' },
    subject: ref('Patient', h.patientId),
    date: instant(changed),
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          url: `${origin}/api/sessions/${h.sessionNoteId}/home-care.pdf`,
          title: 'Home care',
          creation: instant(h.generatedAt),
        },
      },
    ],
    context: { encounter: [ref('Encounter', h.sessionNoteId)] },
  });
}
