export * from './survey';
