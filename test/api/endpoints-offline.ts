/** Authorization-matrix case for the therapist's day kept on a tablet (their own day only). */
import type { EndpointCase, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const therapistOnly = Object.fromEntries(
  WHO.map((w) => [w, w === 'anonymous' ? 401 : w === 'therapist' ? 200 : 403]),
) as Record<Who, number>;

export const OFFLINE_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/me/day/offline',
    record: "the caller's own day",
    url: () => '/api/me/day/offline',
    expect: therapistOnly,
  },
];
