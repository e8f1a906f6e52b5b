export * from './common.ts';
export * from './route.ts';
export * as regions from './regions.ts';
