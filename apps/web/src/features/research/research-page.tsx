import { Link, type LoaderFunctionArgs } from 'react-router';
import { requireStaff } from '../../app/page-data';
import { usePageTitle } from '../../ui';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['researcher', 'admin']);
  return null;
}

/** Researchers' home. Exports and the national view are not built yet, and the page says so. */
export function ResearchPage() {
  usePageTitle('Research');
  return (
    <div className="app-grid-two-thirds">
      <h1 className="app-heading-xl">Research</h1>
      <p className="app-body-l">
        <Link to="/research/panel">Polling panel results and trends</Link>: every poll’s results and
        the trends of questions asked more than once, unweighted and weighted.
      </p>
      <p className="app-body">
        Research exports and the national view are not available yet. They will come in a later
        release.
      </p>
      <p className="app-body">
        When they are ready, you will be able to download anonymised record-level data with a
        codebook, read the instrument’s validation report, and see national results weighted to the
        workforce. Every export will be recorded in the audit log.
      </p>
      <p className="app-body">
        Until then, the <code>hc-stats</code> command-line tool runs the same statistics
        (reliability, factor analysis, measurement invariance, weighting) on a CSV file you already
        hold.
      </p>
    </div>
  );
}

export const route = { loader, Component: ResearchPage };
