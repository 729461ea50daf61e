import { z } from 'zod';
import { AppointmentSchema } from '../appointments/schema.ts';
import { AssessmentSchema } from '../assessments/schema.ts';
import { TreatmentGateSchema } from '../clearances/schema.ts';
import { PatientSchema } from '../patients/schema.ts';
import { TreatmentPlanSchema } from '../plans/schema.ts';
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
    appointments: z.array(AppointmentSchema),
    patients: z.array(OfflinePatientSchema),
  })
  .meta({ id: 'OfflineDay' });
