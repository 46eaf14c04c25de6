import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { loadExportOptions } from '../../api';
import { requireStaff, valueOf } from '../../app/page-data';
import { usePageTitle } from '../../ui';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['researcher', 'admin']);
  return valueOf(await loadExportOptions(request.signal), request);
}

/** Researchers' home: the validation report of each instrument version, and exports. */
export function ResearchPage() {
  usePageTitle('Research');
  const options = useLoaderData<typeof loader>();
  return (
    <div className="app-grid-two-thirds">
      <h1 className="app-heading-xl">Research</h1>
      <h2 className="app-heading-l">National picture</h2>
      <p className="app-body">
        <Link className="app-link" to="/research/national">
          The national picture
        </Link>
        : England’s and each region’s scores per wave, unweighted and weighted to the workforce,
        every local authority on a funnel plot, and the trend across waves.
      </p>
      <h2 className="app-heading-l">Polling panel</h2>
      <p className="app-body">
        <Link className="app-link" to="/research/panel">
          Polling panel results and trends
        </Link>
        : every poll’s results and the trends of questions asked more than once, unweighted and
        weighted.
      </p>
      <h2 className="app-heading-l">Validation reports</h2>
      {options.instruments.length === 0 ? (
        <p className="app-body">No wave has closed yet, so there is nothing to validate.</p>
      ) : (
        <>
          <p className="app-body">
            How each version of the questionnaire performs: item statistics, reliability, the factor
            structure and whether it measures the same thing across waves and services.
          </p>
          <ul className="app-list">
            {options.instruments.map((i) => (
              <li key={`${i.key}-${i.version}`}>
                <Link className="app-link" to={`/research/validation/${i.key}/${i.version}`}>
                  {i.title}, version {i.version}
                </Link>{' '}
                ({i.waves.map((w) => w.name).join(', ')})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="app-heading-l">Anonymised data</h2>
      <p className="app-body">
        <Link className="app-link" to="/research/exports">
          Download anonymised survey responses and poll answers with a codebook
        </Link>
        . Every row is shared by at least {options.minimumGroupSize} people on everything that could
        identify someone; every export is recorded in the audit log.
      </p>
      <p className="app-body">
        The <code>hc-stats</code> command-line tool reads an export’s <code>data.csv</code> as it
        is.
      </p>
    </div>
  );
}

export const route = { loader, Component: ResearchPage };
