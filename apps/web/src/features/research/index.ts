export * from './research-page';
