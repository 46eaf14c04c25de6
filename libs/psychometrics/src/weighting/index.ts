export * from './rake';
