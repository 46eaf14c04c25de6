export * from './home-page';
export * from './not-found-page';
