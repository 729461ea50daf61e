export * from './types.ts';
export * from './build.ts';
export * from './improvement.ts';
