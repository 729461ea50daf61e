export * from './own-trend.ts';
