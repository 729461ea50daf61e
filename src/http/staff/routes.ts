import { z } from 'zod';
import type { ServiceContext } from '../../services/context.ts';
import { createStaff, getStaff, listStaff, updateStaff } from '../../services/staff.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import { StaffCreateSchema, StaffMemberSchema, StaffUpdateSchema } from './schema.ts';

export function staffRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/staff',
      tag: 'staff',
      errors: [403],
      summary: 'Staff accounts (admins: all; others: colleagues at their sites)',
      response: z.object({ staff: z.array(StaffMemberSchema) }),
      handler: async ({ actor }) => ({ staff: await listStaff(ctx, actor) }),
    }),
    route({
      method: 'POST',
      url: '/api/staff',
      tag: 'staff',
      status: 201,
      errors: [403, 409, 422],
      summary: 'Create a staff account',
      body: StaffCreateSchema,
      response: StaffMemberSchema,
      handler: ({ actor, body, once }) => createStaff(ctx, actor, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/staff/:id',
      tag: 'staff',
      errors: [403, 404],
      summary: 'One staff account',
      params: IdParams,
      response: StaffMemberSchema,
      handler: ({ actor, params }) => getStaff(ctx, actor, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/staff/:id',
      tag: 'staff',
      errors: [403, 404, 422],
      summary: 'Rename, disable or move a staff account between sites',
      params: IdParams,
      body: StaffUpdateSchema,
      response: StaffMemberSchema,
      handler: ({ actor, params, body }) => updateStaff(ctx, actor, params.id, body),
    }),
  ];
}
