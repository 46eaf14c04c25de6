export * from './funnel';
