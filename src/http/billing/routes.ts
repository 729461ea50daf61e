import {
  authorizationStatusToday,
  createAuthorization,
  createCoverage,
  listAuthorizations,
  listCoverages,
  updateAuthorization,
  updateCoverage,
} from '../../services/billing/coverage.ts';
import { createPayer, listPayers, updatePayer } from '../../services/billing/payers.ts';
import type { ServiceContext } from '../../services/context.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  AuthorizationBody,
  AuthorizationListSchema,
  AuthorizationSchema,
  AuthorizationStatusSchema,
  AuthorizationUpdate,
  CoverageBody,
  CoverageEnd,
  CoverageListSchema,
  CoverageSchema,
  CoverageUpdate,
  PayerBody,
  PayerListSchema,
  PayerSchema,
  PayerUpdate,
} from './schema.ts';

/** Fields left out of a create are empty, not "unchanged": a coverage is stored whole. */
function whole<T extends Record<string, unknown>, K extends string>(body: T, keys: readonly K[]) {
  return { ...(Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>), ...body };
}

const PAYER_OPTIONAL = [
  'electronicId',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'postalCode',
  'phone',
] as const;
const COVERAGE_OPTIONAL = [
  'payerId',
  'memberId',
  'groupNumber',
  'subscriberName',
  'subscriberBirthDate',
  'claimNumber',
  'dateOfInjury',
  'employerName',
  'adjuster',
  'attorney',
  'state',
  'effectiveFrom',
  'effectiveTo',
  'copay',
] as const;

const contact = (c: { name: string; phone?: string | null; email?: string | null } | null | undefined) =>
  c === undefined ? undefined : c === null ? null : { name: c.name, phone: c.phone ?? null, email: c.email ?? null };

/** The payer directory, a patient's coverages and the payers' authorizations (the desk's insurance work). */
export function billingRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/payers',
      tag: 'billing',
      errors: [403],
      summary: "The organisation's payers: insurers, workers' comp carriers and health plans",
      response: PayerListSchema,
      handler: ({ actor }) => listPayers(ctx, actor),
    }),
    route({
      method: 'POST',
      url: '/api/payers',
      tag: 'billing',
      status: 201,
      errors: [403, 422],
      summary: 'Add a payer to the directory (managers, admins)',
      body: PayerBody,
      response: PayerSchema,
      handler: ({ actor, body, once }) => createPayer(ctx, actor, whole(body, PAYER_OPTIONAL), once),
    }),
    route({
      method: 'PATCH',
      url: '/api/payers/:id',
      tag: 'billing',
      errors: [403, 404, 409, 422],
      summary: "Change a payer's details (send the whole payer and the version you read)",
      params: IdParams,
      body: PayerUpdate,
      response: PayerSchema,
      handler: ({ actor, params, body }) => {
        const { version, ...fields } = body;
        return updatePayer(ctx, actor, params.id, version, whole(fields, PAYER_OPTIONAL));
      },
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/coverages',
      tag: 'billing',
      errors: [403, 404],
      summary: "A patient's coverages, in force first by order, then ended ones (audited)",
      params: IdParams,
      response: CoverageListSchema,
      handler: ({ actor, params }) => listCoverages(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/patients/:id/coverages',
      tag: 'billing',
      status: 201,
      errors: [403, 404, 422],
      summary: 'Add a coverage (auto PIP or med-pay, workers’ comp, health plan, Medicare or self-pay; audited)',
      params: IdParams,
      body: CoverageBody,
      response: CoverageSchema,
      handler: ({ actor, params, body, once }) => {
        const fields = whole(body, COVERAGE_OPTIONAL);
        return createCoverage(
          ctx,
          actor,
          params.id,
          { ...fields, adjuster: contact(fields.adjuster) ?? null, attorney: contact(fields.attorney) ?? null },
          once,
        );
      },
    }),
    route({
      method: 'PATCH',
      url: '/api/coverages/:id',
      tag: 'billing',
      errors: [403, 404, 409, 422],
      summary: 'Change a coverage in force (send the version you read; null clears a field; audited)',
      params: IdParams,
      body: CoverageUpdate,
      response: CoverageSchema,
      handler: ({ actor, params, body }) => {
        const { version, adjuster, attorney, ...changes } = body;
        return updateCoverage(ctx, actor, params.id, version, {
          ...changes,
          ...(adjuster !== undefined ? { adjuster: contact(adjuster) } : {}),
          ...(attorney !== undefined ? { attorney: contact(attorney) } : {}),
        });
      },
    }),
    route({
      method: 'POST',
      url: '/api/coverages/:id/end',
      tag: 'billing',
      errors: [403, 404, 409, 422],
      summary: 'End a coverage on its last day; it stays on file and frees its order (audited)',
      params: IdParams,
      body: CoverageEnd,
      response: CoverageSchema,
      handler: ({ actor, params, body }) =>
        updateCoverage(ctx, actor, params.id, body.version, {}, { effectiveTo: body.effectiveTo }),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/authorizations',
      tag: 'billing',
      errors: [403, 404],
      summary: "A patient's authorizations with visits used (from the appointments) and what is left (audited)",
      params: IdParams,
      response: AuthorizationListSchema,
      handler: ({ actor, params }) => listAuthorizations(ctx, actor, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/patients/:id/authorizations/status',
      tag: 'billing',
      errors: [403, 404],
      summary: 'The authorizations in force today: "3 of 12 visits left", and alerts at the threshold (audited)',
      params: IdParams,
      response: AuthorizationStatusSchema,
      handler: ({ actor, params }) => authorizationStatusToday(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/coverages/:id/authorizations',
      tag: 'billing',
      status: 201,
      errors: [403, 404, 422],
      summary: "Record a payer's authorization of visits or units between two dates (audited)",
      params: IdParams,
      body: AuthorizationBody,
      response: AuthorizationSchema,
      handler: ({ actor, params, body, once }) =>
        createAuthorization(ctx, actor, params.id, { ...body, reference: body.reference ?? null }, once),
    }),
    route({
      method: 'PATCH',
      url: '/api/authorizations/:id',
      tag: 'billing',
      errors: [403, 404, 409, 422],
      summary: 'Change an authorization (send the version you read; audited)',
      params: IdParams,
      body: AuthorizationUpdate,
      response: AuthorizationSchema,
      handler: ({ actor, params, body }) => {
        const { version, ...changes } = body;
        return updateAuthorization(ctx, actor, params.id, version, changes);
      },
    }),
  ];
}
