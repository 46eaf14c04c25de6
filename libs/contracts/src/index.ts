export * from './survey';
export * from './report';
export * from './auth';
export * from './field-rules';
export * from './research-exports';
export * from './validation-report';
