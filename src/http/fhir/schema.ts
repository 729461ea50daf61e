import { z } from 'zod';

/** Any FHIR R4 resource: its type and id; the rest is the resource's own, as the R4 specification defines it. */
export const FhirResourceSchema = z
  .looseObject({ resourceType: z.string(), id: z.string().optional() })
  .meta({ id: 'FhirResource' });

export const FhirBundleSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('searchset'),
    total: z.number().int().min(0),
    link: z.array(z.object({ relation: z.enum(['self', 'next', 'previous']), url: z.string() })).optional(),
    entry: z.array(
      z.object({
        fullUrl: z.string(),
        resource: FhirResourceSchema,
        search: z.object({ mode: z.enum(['match', 'include']) }),
      }),
    ),
  })
  .meta({ id: 'FhirBundle' });

export const FhirCapabilitySchema = z
  .looseObject({ resourceType: z.literal('CapabilityStatement'), fhirVersion: z.literal('4.0.1') })
  .meta({ id: 'FhirCapabilityStatement' });

/** An OperationOutcome: a refusal, or the word that an export was accepted or is still running. */
export const FhirOutcomeSchema = z
  .looseObject({
    resourceType: z.literal('OperationOutcome'),
    issue: z.array(z.looseObject({ severity: z.string(), code: z.string() })),
  })
  .meta({ id: 'FhirOperationOutcome' });

/** A finished bulk export's manifest (Bulk Data Access IG): one output per NDJSON file. */
export const FhirExportManifestSchema = z
  .object({
    transactionTime: z.string(),
    request: z.string(),
    requiresAccessToken: z.boolean(),
    output: z.array(z.object({ type: z.string(), url: z.string(), count: z.number().int().min(1) })),
    error: z.array(z.object({ type: z.string(), url: z.string() })),
  })
  .meta({ id: 'FhirExportManifest' });

export const FhirExportStatusSchema = z.union([FhirExportManifestSchema, FhirOutcomeSchema]);
