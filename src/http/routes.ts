import type { ServiceContext } from '../services/context.ts';
import { authRoutes } from './auth/routes.ts';
import { patientRoutes } from './patients/routes.ts';
import type { AnyRoute } from './route.ts';

/** Every API route, in the order the docs list them. */
export function apiRoutes(ctx: ServiceContext): AnyRoute[] {
  return [...authRoutes(ctx), ...patientRoutes(ctx)];
}
