import type { Locale } from '../../clinical/frontdoor/about.ts';
import { evaluateSafety, type SafetyAnswers } from '../../clinical/frontdoor/safety.ts';
import { dateIn } from '../../time/index.ts';
import type { ServiceContext } from '../context.ts';
import { ConflictError } from '../errors.ts';
import { renderClearanceRequest } from './clearance-pdf.ts';
import { publicOrganization, throttlePublic, type PublicLimit } from './public.ts';

/** A public check of one organisation: throttled, the organisation found, and its calendar's today. */
export async function publicCheck(
  ctx: ServiceContext,
  slug: string,
  ip: string,
  kind: PublicLimit,
): Promise<{ name: string; today: string }> {
  await throttlePublic(ctx, kind, ip);
  const org = await publicOrganization(ctx, slug);
  return { name: org.name, today: dateIn(org.time_zone, ctx.now()) };
}

/** The clearance request for these answers as a PDF; nothing is stored. 409 when no clearance is needed. */
export async function clearanceRequestPdf(
  ctx: ServiceContext,
  slug: string,
  ip: string,
  input: { locale: Locale; answers: SafetyAnswers; patientName?: string | undefined; dateOfBirth?: string | undefined },
): Promise<Buffer> {
  const org = await publicCheck(ctx, slug, ip, 'writes');
  const result = evaluateSafety(input.locale, input.answers, org.today);
  if (!result.clearance)
    throw new ConflictError(
      'answers',
      input.locale === 'es'
        ? 'Sus respuestas no necesitan una autorización médica.'
        : 'Your answers do not call for a clearance from your doctor.',
    );
  return renderClearanceRequest({
    clinicName: org.name,
    request: result.clearance,
    patientName: input.patientName,
    dateOfBirth: input.dateOfBirth,
  });
}
