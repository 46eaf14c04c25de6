import { type LoaderFunctionArgs, useLoaderData, useRevalidator } from 'react-router';
import { loadPoll } from '../../api';
import { preloadSurveyForm } from '../../survey';
import { keepSurveyModel } from '../../survey/answering';
import { Loading } from '../../ui';
import { takeEarlyPoll } from './early-poll';
import { linkToken } from './link-token';
import {
  AlreadyAnsweredPage,
  ClosedPollPage,
  InvalidLinkPage,
  PanelServiceProblem,
} from './panel-pages';
import { PollJourney } from './poll-journey';

export async function loader({ request }: LoaderFunctionArgs) {
  const token = linkToken(request);
  // Usually asked for already, by the page itself (early-poll.ts).
  const result = await (takeEarlyPoll(token) ?? loadPoll(token, request.signal));
  // SurveyJS is large: its download starts once the poll is here, so the two do not share a slow
  // phone's bandwidth (the first page shows without SurveyJS).
  preloadSurveyForm();
  return { token, result };
}

/** /panel/poll#token — a member's personal link to one poll. */
export function PollPage() {
  const { token, result } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  switch (result.kind) {
    case 'ok':
      return <PollJourney token={token} poll={result.value} />;
    case 'not-found':
      return <InvalidLinkPage what="poll link" />;
    case 'gone':
      return <ClosedPollPage />;
    case 'refused':
      return result.status === 409 ? <AlreadyAnsweredPage /> : <InvalidLinkPage what="poll link" />;
    default:
      return revalidator.state === 'loading' ? (
        <Loading text="Loading the poll…" />
      ) : (
        <PanelServiceProblem onRetry={() => void revalidator.revalidate()} />
      );
  }
}

export const route = { loader, shouldRevalidate: keepSurveyModel, Component: PollPage };
