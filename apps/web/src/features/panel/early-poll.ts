import type { PollForMember } from '@swhc/contracts';
import { loadPoll } from '../../api/panel-api';
import type { ApiResult } from '../../api/request';
import { linkToken } from './link-token';

let early: { token: string; result: Promise<ApiResult<PollForMember>> } | undefined;
/** The page's loader has asked: starting now would ask twice. */
let taken = false;

/**
 * Asks the api for the poll of the link being opened, before the app's main script has even
 * arrived: the app page of /panel/poll runs this (early-poll-entry.ts) beside the main script,
 * since the token is in the URL's fragment and only the browser can read it.
 */
export function startEarlyPoll(): void {
  if (taken) return;
  const token = linkToken();
  if (token) early = { token, result: loadPoll(token) };
}

/** That early answer, taken once, if it was for `token` (a later load asks the api afresh). */
export function takeEarlyPoll(token: string): Promise<ApiResult<PollForMember>> | undefined {
  const started = early;
  early = undefined;
  taken = true;
  return started?.token === token ? started.result : undefined;
}
