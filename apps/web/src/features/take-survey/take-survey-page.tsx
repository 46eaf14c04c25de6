import { type LoaderFunctionArgs, useLoaderData, useParams, useRevalidator } from 'react-router';
import { isReplacedLink, loadSurvey } from '../../api';
import { preloadSurveyForm } from '../../survey';
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
  // SurveyJS is large: start downloading it while the definition is fetched.
  preloadSurveyForm();
  return loadSurvey(params.code ?? '', request.signal);
}

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
