/**
 * The words the screens should show, written out here rather than taken from the web app's own
 * formatting code: a test that borrows the code under test cannot catch it going wrong.
 */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
