export { route as signInPage } from './sign-in-page';
