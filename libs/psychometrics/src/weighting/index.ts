export * from './rake';
export * from './weighted-proportion';
