import type { ServiceContext } from '../services/context.ts';
import { appointmentRoutes } from './appointments/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { availabilityRoutes } from './availability/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { calendarRoutes } from './calendars/routes.ts';
import { linkRoutes } from './links/routes.ts';
import { organizationRoutes } from './organization/routes.ts';
import { locationRoutes } from './locations/routes.ts';
import { patientRoutes } from './patients/routes.ts';
import { therapistRoutes } from './therapists/routes.ts';
import type { AnyRoute } from './route.ts';
import { scheduleRoutes } from './schedules/routes.ts';
import { scheduleChangeRoutes } from './schedule-changes/routes.ts';
import { serviceRoutes } from './services/routes.ts';
import { staffRoutes } from './staff/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { offlineRoutes } from './offline/routes.ts';
import { measureRoutes } from './measures/routes.ts';
import { homeCareRoutes } from './homecare/routes.ts';
import { waitlistRoutes } from './waitlist/routes.ts';
import { intakeRoutes } from './intake/routes.ts';
import { clearanceRoutes } from './clearances/routes.ts';
import { assessmentRoutes } from './assessments/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { careRoutes } from './care/routes.ts';
import { diagnosisRoutes } from './diagnoses/routes.ts';
import { outcomeRoutes } from './outcomes/routes.ts';
import { reliefRoutes } from './relief/routes.ts';
import { billingRoutes } from './billing/routes.ts';
import { moneyRoutes } from './money/routes.ts';
import { moneyDocumentRoutes } from './money/documents-routes.ts';
import { moneyReportRoutes } from './money/reports-routes.ts';
import { moneyWorklistRoutes } from './money/worklist-routes.ts';
import { placeRoutes } from './places/routes.ts';
import { fhirRoutes } from './fhir/routes.ts';
import { fhirExportRoutes } from './fhir/export-routes.ts';
import { fhirImportRoutes } from './fhir/import-routes.ts';
import { frontDoorRoutes } from './front-door/routes.ts';
import { recordRoutes } from './records/routes.ts';

/** Every API route, in the order the docs list them. */
export function apiRoutes(ctx: ServiceContext): AnyRoute[] {
  return [
    ...authRoutes(ctx),
    ...organizationRoutes(ctx),
    ...careRoutes(ctx),
    ...patientRoutes(ctx),
    ...intakeRoutes(ctx),
    ...clearanceRoutes(ctx),
    ...assessmentRoutes(ctx),
    ...diagnosisRoutes(ctx),
    ...planRoutes(ctx),
    ...sessionRoutes(ctx),
    ...offlineRoutes(ctx),
    ...measureRoutes(ctx),
    ...homeCareRoutes(ctx),
    ...locationRoutes(ctx),
    ...therapistRoutes(ctx),
    ...staffRoutes(ctx),
    ...auditRoutes(ctx),
    ...calendarRoutes(ctx),
    ...linkRoutes(ctx),
    ...reliefRoutes(ctx),
    ...serviceRoutes(ctx),
    ...scheduleRoutes(ctx),
    ...availabilityRoutes(ctx),
    ...scheduleChangeRoutes(ctx),
    ...appointmentRoutes(ctx),
    ...waitlistRoutes(ctx),
    ...outcomeRoutes(ctx),
    ...billingRoutes(ctx),
    ...moneyRoutes(ctx),
    ...moneyDocumentRoutes(ctx),
    ...moneyReportRoutes(ctx),
    ...moneyWorklistRoutes(ctx),
    ...placeRoutes(ctx),
    ...fhirExportRoutes(ctx),
    ...fhirImportRoutes(ctx),
    ...fhirRoutes(ctx),
    ...frontDoorRoutes(ctx),
    ...recordRoutes(ctx),
  ];
}
