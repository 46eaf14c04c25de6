import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { loadSurvey, type LoadSurveyResult } from '../../api';
import { preloadSurveyForm } from '../../survey';
import { usePageTitle } from '../../ui';
import { ClosedLinkPage, ServiceProblemPage, UnknownLinkPage } from './link-problem-pages';
import { SurveyJourney } from './survey-journey';

/** /s/:code — a social worker's link to their organisation's health check. */
export default function TakeSurveyPage() {
  const { code = '' } = useParams();
  const [result, setResult] = useState<LoadSurveyResult | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    preloadSurveyForm();
    let current = true;
    void loadSurvey(code).then((loaded) => {
      if (current) setResult(loaded);
    });
    return () => {
      current = false;
    };
  }, [code, attempt]);

  const retry = useCallback(() => {
    setResult(undefined);
    setAttempt((n) => n + 1);
  }, []);

  if (!result) return <Loading />;
  switch (result.kind) {
    case 'not-found':
      return <UnknownLinkPage />;
    case 'closed':
      return <ClosedLinkPage />;
    case 'unavailable':
      return <ServiceProblemPage onRetry={retry} />;
    case 'ok':
      return <SurveyJourney key={code} code={code} definition={result.definition} />;
  }
}

function Loading() {
  usePageTitle('Loading the survey');
  return (
    <p className="app-body" role="status">
      Loading the survey…
    </p>
  );
}
