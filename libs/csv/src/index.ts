export * from './csv-reader';
