export * from './shapley';
