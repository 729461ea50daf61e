/**
 * Authorization-matrix cases for the public "Where does it hurt?" search: no sign-in, the same
 * answer for everyone (it reads no one's record).
 */
import type { EndpointCase, Who } from './endpoints.ts';

const WHO: Who[] = ['anonymous', 'admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'];
const everyone = (status: number) => Object.fromEntries(WHO.map((w) => [w, status])) as Record<Who, number>;

export const PLACE_ENDPOINTS: EndpointCase[] = [
  {
    method: 'GET',
    route: '/api/public/places',
    record: 'a place in words (public)',
    url: () => `/api/public/places?q=${encodeURIComponent('parte de atrás de la rodilla')}&lang=es`,
    expect: everyone(200),
  },
];
