/**
 * What a person chose on the public pages before they have an account (a site, a time, what they typed
 * in the sign-up form; never the password), kept in this tab's sessionStorage so moving between pages,
 * a reload or the trip to the mailbox loses nothing. The sign-up record keeps the site too.
 */
export interface Draft {
  siteId?: string;
  /** A first-visit time chosen on the sites page. */
  slot?: { start: string; therapistId: string; siteId: string; serviceCode: string };
  form?: Record<string, string>;
  /** Where the sign-up link was sent, for "check your email". */
  sentTo?: string;
}

const KEY = 'knotwork.front';

export function readDraft(): Draft {
  try {
    return JSON.parse(window.sessionStorage.getItem(KEY) ?? '{}') as Draft;
  } catch {
    return {};
  }
}

export function keepDraft(change: Partial<Draft>): Draft {
  const next = { ...readDraft(), ...change };
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // A private window may refuse storage: the choice lasts for this page.
  }
  return next;
}

export function forgetDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
