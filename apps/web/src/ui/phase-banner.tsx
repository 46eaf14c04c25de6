/**
 * The beta banner. Respondents are told their answers are anonymous; staff pages are not about
 * anyone's answers, so they do not repeat that promise.
 */
export function PhaseBanner({ forRespondents }: { forRespondents: boolean }) {
  return (
    <div className="app-width-container">
      <div className="app-phase-banner">
        <p className="app-phase-banner__content">
          <strong className="app-tag app-phase-banner__tag">Beta</strong>
          <span className="app-phase-banner__text">
            This is a new service.{forRespondents ? ' Your answers are anonymous.' : ''}
          </span>
        </p>
      </div>
    </div>
  );
}
