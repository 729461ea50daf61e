import { z } from 'zod';
import { Id, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

export const Discipline = z.enum(['nmt', 'chiropractic', 'acupuncture', 'corrective-exercise']);
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** ISO 4217, e.g. USD; the clinic charges in one it can name. */
const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, e.g. USD.')
  .refine((code) => CURRENCIES.has(code), 'Use a currency code such as USD or CAD.');
/** Cents (the minor unit); at most 100,000.00. null: no price set yet. */
const PriceCents = z
  .number({ error: 'Enter the price as a number, e.g. 120.00.' })
  .int('Enter the price in whole cents.')
  .min(0, 'The price cannot be negative.')
  .max(10_000_000, 'The price can be at most 100,000.00.')
  .nullable();

const CredentialType = z.string().regex(/^[A-Za-z.]{1,20}$/, 'Use a credential abbreviation, e.g. LMT or CNMT.');

export const RequirementSchema = z.strictObject({
  kind: z.enum(['licence', 'certification']),
  types: z.array(CredentialType).min(1, 'Name at least one credential type.').max(10),
  sameStateAsSite: z.boolean().optional(),
  label: text(LIMIT.serviceName),
});

const fields = {
  name: text(LIMIT.serviceName),
  discipline: Discipline,
  durationMinutes: z.number().int().min(5).max(480),
  bufferAfterMinutes: z.number().int().min(0).max(120),
  needsRoom: z.boolean(),
  isInitial: z.boolean(),
  requirements: z.array(RequirementSchema).max(10),
  active: z.boolean(),
  priceCents: PriceCents,
  currency: Currency,
};

export const ServiceCreateSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{2,60}$/, 'Use 2–60 lowercase letters, digits or hyphens, e.g. nmt-followup-45.'),
  name: fields.name,
  discipline: fields.discipline,
  durationMinutes: fields.durationMinutes,
  bufferAfterMinutes: fields.bufferAfterMinutes.default(0),
  needsRoom: fields.needsRoom.default(true),
  isInitial: fields.isInitial.default(false),
  requirements: fields.requirements.default([]),
  active: fields.active.default(true),
  priceCents: fields.priceCents.default(null).describe('In cents; null while no price is set'),
  currency: fields.currency.default('USD'),
});

export const ServiceUpdateSchema = z.strictObject({
  name: fields.name.optional(),
  durationMinutes: fields.durationMinutes.optional(),
  bufferAfterMinutes: fields.bufferAfterMinutes.optional(),
  needsRoom: fields.needsRoom.optional(),
  isInitial: fields.isInitial.optional(),
  requirements: fields.requirements.optional(),
  active: fields.active.optional(),
  priceCents: fields.priceCents.optional().describe('In cents; null clears the price'),
  currency: fields.currency.optional(),
});

export const ServiceSchema = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    discipline: Discipline,
    durationMinutes: z.number(),
    bufferAfterMinutes: z.number(),
    needsRoom: z.boolean(),
    isInitial: z.boolean(),
    requirements: z.array(
      z.object({
        kind: z.string(),
        types: z.array(z.string()),
        sameStateAsSite: z.boolean().optional(),
        label: z.string(),
      }),
    ),
    active: z.boolean(),
    priceCents: z.number().nullable().describe('In cents; null while the clinic has set no price'),
    currency: z.string(),
  })
  .meta({ id: 'Service' });

export const ServiceListSchema = z.object({ services: z.array(ServiceSchema) });

export const BookingSettingsSchema = z
  .object({
    minNoticeMinutes: z.number(),
    horizonDays: z.number(),
    slotStepMinutes: z.number(),
    cancellationPolicyHours: z.number(),
    offerHoldMinutes: z.number(),
    reminderHours: z.array(z.number()).describe('Hours before a visit at which reminders go out, latest first'),
  })
  .meta({ id: 'BookingSettings' });

export const BookingSettingsUpdateSchema = z.strictObject({
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .optional(),
  horizonDays: z.number().int().min(1).max(730).optional(),
  slotStepMinutes: z
    .union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30), z.literal(60)])
    .optional(),
  cancellationPolicyHours: z
    .number()
    .int()
    .min(0)
    .max(14 * 24)
    .optional(),
  offerHoldMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .optional(),
  reminderHours: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
    )
    .max(5, 'At most 5 reminders.')
    .optional()
    .describe('Empty: send no reminders'),
});
