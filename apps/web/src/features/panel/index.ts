// The polling panel's pages load on demand (route modules: loader, action, Component).
// Public: joining, confirming, managing a membership, answering a poll.
export const joinPage = () => import('./join-page').then((m) => m.route);
export const confirmPage = () => import('./confirm-page').then((m) => m.route);
export const confirmedPage = () => import('./confirm-page').then((m) => m.confirmedRoute);
export const managePage = () => import('./manage-page').then((m) => m.route);
// Eager, like the survey page: a member opens it from an email, on a phone; a file less to wait for.
export { route as pollPage } from './poll-page';
// Eager: they must show even if a new release removed the old lazily loaded chunks meanwhile.
export { CheckEmailPage, LeftPage } from './panel-pages';
export { default as PollThankYouPage } from './poll-thank-you-page';
// Staff: members and polls (admins), results and trends (researchers and admins).
export const membersPage = () => import('./staff/members-page').then((m) => m.route);
export const pollsPage = () => import('./staff/polls-page').then((m) => m.route);
export const newPollPage = () => import('./staff/new-poll-page').then((m) => m.route);
export const adminPollPage = () => import('./staff/poll-page').then((m) => m.route);
export const marginsPage = () => import('./staff/margins-page').then((m) => m.route);
export const resultsHomePage = () => import('./staff/results-home-page').then((m) => m.route);
export const pollResultsPage = () => import('./staff/poll-results-page').then((m) => m.route);
export const trendPage = () => import('./staff/trend-page').then((m) => m.route);
