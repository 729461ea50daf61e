import { setPatientLanguage } from '../../store/repos/patients.ts';
import type { Locale } from '../../words/locales.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize } from '../policies.ts';

/**
 * A patient chooses the language of their portal; it is kept on their record (the language the clinic
 * writes to them in), so their emails and reminders follow. Staff screens have one language: a staff
 * account has no record to keep it on.
 */
export async function setAccountLocale(ctx: ServiceContext, actor: Actor, locale: Locale): Promise<Actor> {
  const patientId = actor.patientId;
  if (!patientId) throw new ForbiddenError('Only a patient account keeps a language.');
  authorize(actor, 'patient.update', { patient: { patientId, siteIds: [], therapistIds: [] } });
  await ctx.db.transaction(async (tx) => {
    if (!(await setPatientLanguage(tx, actor.orgId, patientId, locale, ctx.now())))
      throw new NotFoundError('Your patient record was not found.');
    await audit(tx, actor, [
      {
        action: 'patient.update',
        patientId,
        recordType: 'patient',
        recordId: patientId,
        detail: { fields: ['communication.language'] },
      },
    ]);
  });
  return { ...actor, language: locale };
}
