export * from './types.ts';
export * from './catalogue.ts';
export * from './bands.ts';
export * from './scoring.ts';
export * from './thresholds.ts';
export * from './change.ts';
export * from './responders.ts';
