import type { ServiceContext } from '../../services/context.ts';
import { amendNote, noteHistory, signNote } from '../../services/charting/notes.ts';
import { compareSession, recordReassessment } from '../../services/charting/session-reassessment.ts';
import { addStep } from '../../services/charting/session-steps.ts';
import { createNote, getNote, listPatientNotes, updateNote } from '../../services/charting/session.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  AmendmentRecordSchema,
  AmendmentSchema,
  NoteCreateSchema,
  NoteHistorySchema,
  NoteUpdateSchema,
  ReassessmentRecordSchema,
  ReassessmentSchema,
  RecordedStepSchema,
  SessionComparisonSchema,
  SessionNoteListSchema,
  SessionNoteSchema,
  StepCreateSchema,
} from './schema.ts';

export function sessionRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'POST',
      url: '/api/patients/:id/sessions',
      tag: 'sessions',
      status: 201,
      errors: [403, 404, 409, 422],
      summary: 'Open the session note (SOAP) of a visit or a walk-in for a patient you treat',
      params: IdParams,
      body: NoteCreateSchema,
      response: SessionNoteSchema,
      handler: ({ actor, params, body, once }) => createNote(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/sessions',
      tag: 'sessions',
      errors: [403, 404],
      summary: "A patient's session notes, latest first",
      params: IdParams,
      response: SessionNoteListSchema,
      handler: ({ actor, params }) => listPatientNotes(ctx, actor, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/sessions/:id',
      tag: 'sessions',
      errors: [403, 404],
      summary: 'A session note with its treatment steps, reassessment and CPT units',
      params: IdParams,
      response: SessionNoteSchema,
      handler: ({ actor, params }) => getNote(ctx, actor, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/sessions/:id',
      tag: 'sessions',
      errors: [403, 404, 409, 422],
      summary: 'Edit a draft note (send the version you read); a signed note answers 409 note_signed',
      params: IdParams,
      body: NoteUpdateSchema,
      response: SessionNoteSchema,
      handler: ({ actor, params, body }) => {
        const { version, ...changes } = body;
        return updateNote(ctx, actor, params.id, version, changes);
      },
    }),
    route({
      method: 'POST',
      url: '/api/sessions/:id/steps',
      tag: 'sessions',
      status: 201,
      errors: [403, 404, 409, 422],
      summary:
        'Record one treatment step (one hold). Refused with 422 treatment_blocked, ' +
        'region_avoided or technique_not_allowed by the screening gate; pain ≥ 9 is recorded with stop: true',
      params: IdParams,
      body: StepCreateSchema,
      response: RecordedStepSchema,
      handler: ({ actor, params, body, once }) => addStep(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'POST',
      url: '/api/sessions/:id/reassessment',
      tag: 'sessions',
      status: 201,
      errors: [403, 404, 409],
      summary: 'Pain and range of motion after treatment (replaces an earlier one while the note is a draft)',
      params: IdParams,
      body: ReassessmentSchema,
      response: ReassessmentRecordSchema,
      handler: ({ actor, params, body, once }) => recordReassessment(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/sessions/:id/comparison',
      tag: 'sessions',
      errors: [403, 404],
      summary: 'Pain and ROM after this session compared with before it and with intake',
      params: IdParams,
      response: SessionComparisonSchema,
      handler: ({ actor, params }) => compareSession(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/sessions/:id/sign',
      tag: 'sessions',
      errors: [403, 404, 409],
      summary: 'Sign the note (the treating therapist only); a signed note is locked',
      params: IdParams,
      response: SessionNoteSchema,
      handler: ({ actor, params }) => signNote(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/sessions/:id/amendments',
      tag: 'sessions',
      status: 201,
      errors: [403, 404, 409, 422],
      summary: 'Correct a signed note: the original is kept and the amendment says what changed and why',
      params: IdParams,
      body: AmendmentSchema,
      response: AmendmentRecordSchema,
      handler: ({ actor, params, body, once }) => amendNote(ctx, actor, params.id, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/sessions/:id/history',
      tag: 'sessions',
      errors: [403, 404],
      summary: 'The note as signed, its amendments, and the record as it reads now',
      params: IdParams,
      response: NoteHistorySchema,
      handler: ({ actor, params }) => noteHistory(ctx, actor, params.id),
    }),
  ];
}
