import { z } from 'zod';
import { Id } from '../common.ts';

export const FeedKind = z.enum(['therapist', 'site']);

export const FeedCreateSchema = z.strictObject({
  kind: FeedKind.describe('A therapist’s own appointments, or every appointment at a site'),
  subjectId: Id.describe('The therapist id (kind therapist) or the location id (kind site)'),
});

const feedFields = {
  id: Id,
  kind: FeedKind,
  subjectId: Id,
  createdBy: Id,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
};

export const FeedSchema = z.object(feedFields).meta({ id: 'CalendarFeed' });

export const CreatedFeedSchema = z
  .object({ ...feedFields, url: z.string().describe('The secret feed address: shown once, only its hash is stored') })
  .meta({ id: 'CreatedCalendarFeed' });

export const FeedListSchema = z.object({ feeds: z.array(FeedSchema) });
