/**
 * The password rule, shared by the server that enforces it and the web that explains it before a
 * submit: one number, so the form's hint cannot disagree with the answer.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
