export { route as researchPage } from './research-page';
