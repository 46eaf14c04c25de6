export * from './survey-api';
