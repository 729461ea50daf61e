import { z } from 'zod';
import { browseAudit } from '../../services/audit.ts';
import type { ServiceContext } from '../../services/context.ts';
import { Id } from '../common.ts';
import { route } from '../route.ts';

export const AuditQuerySchema = z.strictObject({
  actor: Id.optional().describe('User id of the actor'),
  patient: Id.optional(),
  action: z.string().trim().max(60).regex(/^[a-z.-]+$/, 'Use an action name or prefix, e.g. patient.').optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().min(1).optional().describe('Page: events older than this id (nextBefore of the previous page)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const AuditEventSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorUserId: Id.nullable(),
    actorEmail: z.string().nullable(),
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

export function auditRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET', url: '/api/audit', tag: 'audit', errors: [403],
      summary: 'Browse the audit log (administrators), newest first',
      query: AuditQuerySchema,
      response: z.object({ events: z.array(AuditEventSchema), nextBefore: z.number().nullable() }),
      handler: ({ actor, query }) =>
        browseAudit(ctx, actor, {
          actorUserId: query.actor,
          patientId: query.patient,
          action: query.action,
          outcome: query.outcome,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
          before: query.before,
          limit: query.limit,
        }),
    }),
  ];
}
