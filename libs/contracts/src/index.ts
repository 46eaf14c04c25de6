export * from './survey';
export * from './report';
