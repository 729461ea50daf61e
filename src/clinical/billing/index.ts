export * from './codes.ts';
export * from './units.ts';
