import type { SurvivalObservation } from '../../src/outcomes/stats/kaplan-meier.ts';

/**
 * Freireich EJ et al. 1963, Blood 21:699–716, as tabulated by Gehan 1965 (Biometrika 52:203–223):
 * weeks of remission in 42 children with acute leukaemia. The classic worked example for
 * Kaplan–Meier, Greenwood and the log-rank test (Kleinbaum & Klein, Survival Analysis, ch. 2;
 * R's survival and Stata's manuals use it too). `event` = relapse; false = still in remission
 * when last seen (censored).
 */
const censored = (time: number): SurvivalObservation => ({ time, event: false });
const relapse = (time: number): SurvivalObservation => ({ time, event: true });

export const SIX_MP: readonly SurvivalObservation[] = [
  relapse(6),
  relapse(6),
  relapse(6),
  censored(6),
  relapse(7),
  censored(9),
  relapse(10),
  censored(10),
  censored(11),
  relapse(13),
  relapse(16),
  censored(17),
  censored(19),
  censored(20),
  relapse(22),
  relapse(23),
  censored(25),
  censored(32),
  censored(32),
  censored(34),
  censored(35),
];

export const PLACEBO: readonly SurvivalObservation[] = [
  1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23,
].map(relapse);
