// The chart of a visit, part A: intake, the screening gate, clearances, assessments and plans.
// (Part B — session log, reassessment, home care, signed notes — exports from its own modules.)
export { treatmentGate, type TreatmentGate } from './gate.ts';
export { getGate, overrideGate } from './gate-service.ts';
export { getIntake, getIntakeVersion, saveIntakeDraft, submitIntake, type IntakeView, type SubmittedIntake } from './intake.ts';
export { IntakeDocumentSchema, IntakeDraftSchema, QUESTIONNAIRE_ID, FLAGGED_MEDICATION_CLASSES, type IntakeDocument } from './intake-document.ts';
export { checkLetter, downloadFile, recordClearance, sniffType, MAX_LETTER_BYTES, type ClearanceInput } from './clearance.ts';
export { assessmentSuggestions, createAssessment, getAssessment, listPatientAssessments, updateAssessment, type Assessment } from './assessment.ts';
export { FindingsSchema, POSTURE_FINDINGS, ROM_NORMS, FIVE_ELEMENTS, romNorm } from './assessment-findings.ts';
export { bookPlan, createPlan, listPatientPlans, planVisits, proposeTreatmentPlan, updatePlan, type TreatmentPlan } from './plan.ts';
export { PlanBodySchema } from './plan-document.ts';
