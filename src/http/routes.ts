import type { ServiceContext } from '../services/context.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { organizationRoutes } from './organization/routes.ts';
import { locationRoutes } from './locations/routes.ts';
import { patientRoutes } from './patients/routes.ts';
import { practitionerRoutes } from './practitioners/routes.ts';
import type { AnyRoute } from './route.ts';
import { staffRoutes } from './staff/routes.ts';

/** Every API route, in the order the docs list them. */
export function apiRoutes(ctx: ServiceContext): AnyRoute[] {
  return [
    ...authRoutes(ctx),
    ...organizationRoutes(ctx),
    ...patientRoutes(ctx),
    ...locationRoutes(ctx),
    ...practitionerRoutes(ctx),
    ...staffRoutes(ctx),
    ...auditRoutes(ctx),
  ];
}
