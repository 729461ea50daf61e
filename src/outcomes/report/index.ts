export * from './types.ts';
export * from './rows.ts';
export * from './cells.ts';
export * from './columns.ts';
export * from './cuts.ts';
export * from './report.ts';
export * from './tables.ts';
