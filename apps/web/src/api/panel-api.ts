import type {
  Answers,
  CreatePollRequest,
  JoinPanelRequest,
  PanelJoinOptions,
  PanelMemberCounts,
  PanelMembership,
  PollAnswerReceipt,
  PollDetail,
  PollForMember,
  PollQuestion,
  PollResults,
  PollSendingProgress,
  PollSummary,
  QuestionTrend,
  RepeatedQuestion,
  TrendMargins,
  TrendWeighting,
  UpdatePanelProfileRequest,
} from '@swhc/contracts';
import { request } from './request';
import { sendOutcome, type SendResponseResult } from './survey-api';

// Members (public). Tokens from emailed links travel in bodies, never in addresses.

export const getJoinOptions = (signal?: AbortSignal) =>
  request<PanelJoinOptions>('/api/panel/join-options', { signal });

/** Always `ok` (202) for a well-formed sign-up, whatever the address. */
export const joinPanel = (body: JoinPanelRequest) =>
  request<{ message: string }>('/api/panel/members', { method: 'POST', body });

export const confirmMembership = (token: string) =>
  request<{ status: 'confirmed' }>('/api/panel/members/confirm', {
    method: 'POST',
    body: { token },
  });

export const getMembership = (token: string, signal?: AbortSignal) =>
  request<PanelMembership>('/api/panel/membership', { method: 'POST', body: { token }, signal });

export const updateMembership = (body: UpdatePanelProfileRequest) =>
  request<PanelMembership>('/api/panel/membership', { method: 'PUT', body });

export const pauseMembership = (token: string, weeks: number) =>
  request<PanelMembership>('/api/panel/membership/pause', {
    method: 'POST',
    body: { token, weeks },
  });

export const leavePanel = (token: string) =>
  request<{ status: 'left' }>('/api/panel/membership/leave', { method: 'POST', body: { token } });

// Answering a poll (public).

/** The poll behind a link; `refused` 409 when it was answered, `gone` when the poll has closed. */
export const loadPoll = (token: string, signal?: AbortSignal) =>
  request<PollForMember>('/api/panel/invitation', { method: 'POST', body: { token }, signal });

/** One attempt to send a poll's answers, as the retry loop sees it (as for the health check). */
export async function sendPollAnswers(
  token: string,
  body: { submissionId: string; answers: Answers },
): Promise<SendResponseResult> {
  const result = await request<Partial<PollAnswerReceipt> | null>('/api/panel/answers', {
    method: 'POST',
    body: { token, ...body },
    keepalive: true,
  });
  return sendOutcome(result, body.submissionId);
}

// Staff.

export const listPolls = (signal?: AbortSignal) =>
  request<PollSummary[]>('/api/panel/polls', { signal });

export const createPoll = (body: CreatePollRequest) =>
  request<PollDetail>('/api/panel/polls', { method: 'POST', body });

const pollPath = (id: string) => `/api/panel/polls/${encodeURIComponent(id)}`;

export const getPoll = (id: string, signal?: AbortSignal) =>
  request<PollDetail>(pollPath(id), { signal });

export const getPollSending = (id: string, signal?: AbortSignal) =>
  request<PollSendingProgress>(`${pollPath(id)}/sending`, { signal });

export const getPollResults = (id: string, signal?: AbortSignal) =>
  request<PollResults>(`${pollPath(id)}/results`, { signal });

export const listPanelQuestions = (signal?: AbortSignal) =>
  request<PollQuestion[]>('/api/panel/questions', { signal });

export const listRepeatedQuestions = (signal?: AbortSignal) =>
  request<RepeatedQuestion[]>('/api/panel/questions/repeated', { signal });

export const getQuestionTrend = (id: string, weighting: TrendWeighting, signal?: AbortSignal) =>
  request<QuestionTrend>(
    `/api/panel/questions/${encodeURIComponent(id)}/trend?weighting=${weighting}`,
    { signal },
  );

export const getTrendMargins = (signal?: AbortSignal) =>
  request<{ margins: TrendMargins | null; membership: TrendMargins }>('/api/panel/trend-margins', {
    signal,
  });

export const setTrendMargins = (margins: TrendMargins) =>
  request<TrendMargins>('/api/panel/trend-margins', { method: 'PUT', body: margins });

export const getPanelMemberCounts = (signal?: AbortSignal) =>
  request<PanelMemberCounts>('/api/panel/members/counts', { signal });
