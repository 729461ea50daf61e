export * from './query.ts';
export * from './report.ts';
