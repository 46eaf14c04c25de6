import type { ReactNode } from 'react';
import './forms.css';

/** GOV.UK notification banner for a success message after an action. */
export function SuccessBanner({
  title = 'Success',
  children,
}: {
  title?: string;
  children: ReactNode;
}) {
  return (
    <div
      className="app-notification-banner app-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
    >
      <div className="app-notification-banner__header">
        <h2 className="app-notification-banner__title" id="success-banner-title">
          {title}
        </h2>
      </div>
      <div className="app-notification-banner__content">{children}</div>
    </div>
  );
}

/** The success banner for a notice the previous page's action left, or nothing. */
export function NoticeBanner({ notice }: { notice: string | null | undefined }) {
  return notice ? (
    <SuccessBanner>
      <p className="app-body">{notice}</p>
    </SuccessBanner>
  ) : null;
}
