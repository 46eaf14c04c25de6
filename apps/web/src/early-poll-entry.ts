// A second, tiny entry of the build: the app page of /panel/poll loads it beside the main script
// (async), so the poll is on its way while the main script still downloads.
import { startEarlyPoll } from './features/panel/early-poll';

startEarlyPoll();
