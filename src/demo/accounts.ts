/** The demo logins. They exist only in the demo organisation, never in a production setup. */

export const DEMO_PASSWORD = 'knotwork-demo';
export const DEMO_ORG_NAME = 'Knotwork Demo Clinics';
export const DEMO_ORG_SLUG = 'demo';
export const DEMO_EMAIL_DOMAIN = 'demo.knotwork.test';

export type DemoRole = 'patient' | 'therapist' | 'front_desk' | 'manager' | 'admin';

export interface DemoLogin {
  email: string;
  role: DemoRole;
  /** Site slugs the account works for (empty: whole organisation, or a patient). */
  sites: string[];
  description: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    role: 'admin',
    sites: [],
    description: 'administrator of the whole organisation',
  },
  {
    email: `manager@${DEMO_EMAIL_DOMAIN}`,
    role: 'manager',
    sites: ['beaverton', 'hillsboro', 'portland', 'happy-valley', 'gresham'],
    description: 'manager of the Portland-metro sites',
  },
  {
    email: `frontdesk@${DEMO_EMAIL_DOMAIN}`,
    role: 'front_desk',
    sites: ['beaverton'],
    description: 'front desk at Beaverton',
  },
  {
    email: `therapist@${DEMO_EMAIL_DOMAIN}`,
    role: 'therapist',
    sites: ['beaverton', 'portland'],
    description: 'NMT therapist at Beaverton and Portland, with patients in care',
  },
  {
    email: `patient@${DEMO_EMAIL_DOMAIN}`,
    role: 'patient',
    sites: [],
    description: 'patient of the demo therapist, prefers Beaverton',
  },
];

/** Front-desk logins of the other sites: frontdesk.<site>@demo.knotwork.test. */
export function frontDeskEmail(siteSlug: string): string {
  return siteSlug === 'beaverton' ? `frontdesk@${DEMO_EMAIL_DOMAIN}` : `frontdesk.${siteSlug}@${DEMO_EMAIL_DOMAIN}`;
}
