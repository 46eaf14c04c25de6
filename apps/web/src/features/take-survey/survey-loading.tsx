import { Loading } from '../../ui';

export function SurveyLoading() {
  return <Loading text="Loading the survey…" title="Loading the survey" />;
}
