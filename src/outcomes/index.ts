export * from './stats/index.ts';
export * from './episodes/index.ts';
export * from './report/index.ts';
export * from './patient/index.ts';
