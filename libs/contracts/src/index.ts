export * from './survey';
export * from './report';
export * from './waves';
export * from './london-time';
export * from './auth';
export * from './field-rules';
export * from './panel';
