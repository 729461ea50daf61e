/**
 * The demo derives each therapist's id from this word, the one the code used before it said
 * "therapist". Keeping it keeps every seeded demo as it was: the ids, and the shifts, bookings and
 * care teams drawn in id order from them.
 */
export const THERAPIST_ID_SPACE = 'practitioner';
