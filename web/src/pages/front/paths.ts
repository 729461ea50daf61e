/** A public page's address: /start/<organisation>/<page> ("" is what to expect). */
export const frontPath = (org: string, page: string) => `/start/${encodeURIComponent(org)}${page ? `/${page}` : ''}`;

/** An organisation's address name, as organisations are created (src/services/organizations.ts). */
const ORG_SLUG = /^[a-z0-9-]{2,60}$/;
const LAST_ORG = 'knotwork.front.org';

/** The public pages opened on this device: the sign-in page offers them to a newcomer. */
export function rememberFrontOrg(org: string): void {
  if (!ORG_SLUG.test(org)) return;
  try {
    window.localStorage.setItem(LAST_ORG, org);
  } catch {
    // A private window may refuse storage: the sign-in page then needs ?org= to offer the pages.
  }
}

/**
 * Whose public pages the sign-in page offers: the organisation its address names (/login?org=<slug>,
 * as a clinic's own website links to it), else the one whose public pages this device last opened.
 */
export function frontOrgForSignIn(search: URLSearchParams): string | null {
  const named = search.get('org');
  if (named && ORG_SLUG.test(named)) return named;
  try {
    const kept = window.localStorage.getItem(LAST_ORG);
    return kept && ORG_SLUG.test(kept) ? kept : null;
  } catch {
    return null;
  }
}
