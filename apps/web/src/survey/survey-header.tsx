import type { ReactNode } from 'react';
import { SURVEY_HINT } from './survey-wording';

/** What stands above the questions, the same with SurveyJS and on the native first page. */
export function SurveyHeader({
  caption,
  title,
  description,
  notices,
}: {
  caption?: string;
  title: string;
  description?: string;
  notices?: ReactNode;
}) {
  return (
    <>
      {caption ? <span className="app-caption-l">{caption}</span> : null}
      <h1 className="app-heading-xl">{title}</h1>
      {description ? <p className="app-body-l">{description}</p> : null}
      {notices}
      <p className="app-body app-secondary-text">{SURVEY_HINT}</p>
    </>
  );
}
