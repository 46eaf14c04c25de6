export * from './rake';
export * from './weighted-proportion';
export * from './weighted-mean-interval';
export * from './weighted-interval';
