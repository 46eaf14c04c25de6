export function PhaseBanner() {
  return (
    <div className="app-width-container">
      <div className="app-phase-banner">
        <p className="app-phase-banner__content">
          <strong className="app-tag app-phase-banner__tag">Beta</strong>
          <span className="app-phase-banner__text">
            This is a new service. Your answers are anonymous.
          </span>
        </p>
      </div>
    </div>
  );
}
