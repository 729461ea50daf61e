import type { AboutText, Locale } from '../../clinical/frontdoor/about.ts';
import { savePublicText } from '../../store/repos/front-door.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { authorize } from '../policies.ts';
import { aboutTextOf, type AboutAnswer } from './public.ts';

/** The public "what to expect" text as an administrator edits it (the default until they save one). */
export async function getAboutForEditing(ctx: ServiceContext, actor: Actor, locale: Locale): Promise<AboutAnswer> {
  authorize(actor, 'organization.manage');
  return aboutTextOf(ctx, actor.orgId, locale);
}

export async function saveAbout(
  ctx: ServiceContext,
  actor: Actor,
  locale: Locale,
  text: AboutText,
): Promise<AboutAnswer> {
  authorize(actor, 'organization.manage');
  await ctx.db.transaction(async (tx) => {
    await savePublicText(
      tx,
      actor.orgId,
      locale,
      { title: text.title, sections: text.sections },
      actor.userId,
      ctx.now(),
    );
    await audit(tx, actor, [
      {
        action: 'organization.public-text.update',
        recordType: 'organization',
        recordId: actor.orgId,
        detail: { locale },
      },
    ]);
  });
  return aboutTextOf(ctx, actor.orgId, locale);
}
