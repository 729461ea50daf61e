import { z } from 'zod';
import { browseAudit } from '../../services/audit.ts';
import type { ServiceContext } from '../../services/context.ts';
import { Id, IsoDate, instant, text } from '../common.ts';
import { route } from '../route.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';
import { addDays, zonedWallTimeToInstant } from '../../time/index.ts';

export const AuditQuerySchema = z.strictObject({
  actor: text(LIMIT.auditFilter).optional().describe("Who acted: a user id, an email, or (part of) the person's name"),
  patient: text(LIMIT.auditFilter)
    .optional()
    .describe('The patient: an id, a name ("Anders", "Alice Anders"), a date of birth or a phone number'),
  action: z
    .string()
    .trim()
    .max(LIMIT.auditAction)
    .regex(/^[a-z.-]+$/, 'Use an action name or prefix, e.g. patient.')
    .optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  from: z
    .union([IsoDate, instant()])
    .optional()
    .describe("A date (from the start of that day, on the organisation's clock) or an instant"),
  to: z
    .union([IsoDate, instant()])
    .optional()
    .describe("A date (to the end of that day, on the organisation's clock) or an instant"),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .meta({ format: 'int64' })
    .optional()
    .describe('Page: events older than this id (nextBefore of the previous page)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const AuditEventSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorUserId: Id.nullable(),
    actorEmail: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    outcome: z.enum(['allowed', 'denied']),
    patientId: Id.nullable(),
    patientName: z.string().nullable(),
    recordType: z.string().nullable(),
    recordId: z.string().nullable(),
    ip: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

/** A bare date is a whole day on the organisation's clock; an instant is taken as given. */
function toInstant(value: string, edge: 'start' | 'end', timeZone: string): Date {
  if (value.includes('T')) return new Date(value);
  const day = edge === 'start' ? value : addDays(value, 1);
  return new Date(zonedWallTimeToInstant(day, '00:00', timeZone));
}

export function auditRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/audit',
      tag: 'audit',
      errors: [403, 422],
      summary: 'Browse the audit log (administrators), newest first; filter by person and patient by name or id',
      query: AuditQuerySchema,
      response: z.object({ events: z.array(AuditEventSchema), nextBefore: z.number().nullable() }),
      handler: ({ actor, query }) =>
        browseAudit(ctx, actor, {
          actor: query.actor,
          patient: query.patient,
          action: query.action,
          outcome: query.outcome,
          from: query.from ? toInstant(query.from, 'start', actor.orgTimeZone) : undefined,
          to: query.to ? toInstant(query.to, 'end', actor.orgTimeZone) : undefined,
          before: query.before,
          limit: query.limit,
        }),
    }),
  ];
}
