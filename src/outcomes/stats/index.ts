export * from './distributions.ts';
export * from './wilson.ts';
export * from './kaplan-meier.ts';
export * from './survival-median.ts';
export * from './log-rank.ts';
export * from './survival-csv.ts';
