import { z } from 'zod';
import { AppointmentSchema } from '../appointments/schema.ts';
import { AssessmentSchema } from '../assessments/schema.ts';
import { TreatmentGateSchema } from '../clearances/schema.ts';
import { LocationSchema } from '../locations/schema.ts';
import { PatientSchema } from '../patients/schema.ts';
import { TreatmentPlanSchema } from '../plans/schema.ts';
import { ServiceSchema } from '../services/schema.ts';
import { SessionNoteSchema } from '../sessions/schema.ts';

const OfflinePatientSchema = z
  .object({
    patient: PatientSchema,
    gate: TreatmentGateSchema,
    assessments: z.array(AssessmentSchema),
    plans: z.array(TreatmentPlanSchema),
    notes: z.array(SessionNoteSchema).describe("Today's notes and the last note before today"),
  })
  .meta({ id: 'OfflinePatient' });

export const OfflineDaySchema = z
  .object({
    date: z.string().describe("The therapist's day, in the clinic group's time zone"),
    therapistId: z.string().describe('Whose day this is: the signed-in therapist'),
    appointments: z.array(AppointmentSchema),
    patients: z.array(OfflinePatientSchema),
    services: z.array(ServiceSchema).describe("The clinic's services, to name each visit as My day does"),
    locations: z
      .array(LocationSchema)
      .describe("The clinic's sites and rooms, for where each visit is and the therapist's own day"),
  })
  .meta({ id: 'OfflineDay' });
