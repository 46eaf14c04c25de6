import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Footer, Header, PhaseBanner, SkipLink } from '../ui';
import { isRespondentPath } from './respondent-path';
import { StaffHeaderBar } from './staff-header-bar';

/** The frame around every page: skip link, header, phase banner, one <main>, footer. */
export function Layout() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After an in-app navigation, start screen readers and keyboard users at the top of the new page,
  // as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <>
      <SkipLink />
      <Header>{isRespondentPath(pathname) ? null : <StaffHeaderBar />}</Header>
      <PhaseBanner forRespondents={isRespondentPath(pathname)} />
      <div className="app-width-container">
        <main className="app-main-wrapper" id="main-content" ref={main} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <Footer />
    </>
  );
}
