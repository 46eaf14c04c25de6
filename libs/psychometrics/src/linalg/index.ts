export * from './errors';
export * from './dense';
export * from './cholesky';
export * from './lu';
export * from './eigen';
export * from './gram';
