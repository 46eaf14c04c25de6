import { type LoaderFunctionArgs, useLoaderData, useParams, useRevalidator } from 'react-router';
import type { SurveyDefinitionResponse } from '@swhc/contracts';
import { type ApiResult, isReplacedLink, loadSurvey } from '../../api';
import { preloadSurveyForm, takeInlineSurvey } from '../../survey';
import { keepSurveyModel } from '../../survey/answering';
import {
  ClosedLinkPage,
  ReplacedLinkPage,
  ServiceProblemPage,
  UnknownLinkPage,
} from './link-problem-pages';
import { SurveyLoading } from './survey-loading';
import { SurveyJourney } from './survey-journey';

export function loader({ params, request }: LoaderFunctionArgs) {
  // SurveyJS is large: start downloading it now (the first page shows without it).
  preloadSurveyForm();
  const code = params.code ?? '';
  // The app page usually carries the definition: no round trip to the api on a slow phone.
  const inline = takeInlineSurvey(code);
  return inline ? inlineResult(inline) : loadSurvey(code, request.signal);
}

const inlineResult = (
  value: SurveyDefinitionResponse,
): Promise<ApiResult<SurveyDefinitionResponse>> => Promise.resolve({ kind: 'ok', value });

/** /s/:code — a social worker's link to their organisation's health check. */
export function TakeSurveyPage() {
  const { code = '' } = useParams();
  const result = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  switch (result.kind) {
    case 'ok':
      return <SurveyJourney key={code} code={code} definition={result.value} />;
    case 'not-found':
      return <UnknownLinkPage />;
    case 'gone':
      return isReplacedLink(result) ? <ReplacedLinkPage /> : <ClosedLinkPage />;
    default:
      return revalidator.state === 'loading' ? (
        <SurveyLoading />
      ) : (
        <ServiceProblemPage onRetry={() => void revalidator.revalidate()} />
      );
  }
}

export const route = { loader, shouldRevalidate: keepSurveyModel, Component: TakeSurveyPage };
