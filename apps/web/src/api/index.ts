export * from './report-api';
export * from './request';
export * from './staff-api';
export * from './survey-api';
export * from './panel-api';
export * from './waves-api';
export * from './research-api';
