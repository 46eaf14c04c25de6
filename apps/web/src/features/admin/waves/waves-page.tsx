import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { listWaves } from '../../../api';
import { requireStaff, valueOf } from '../../../app/page-data';
import { usePageTitle, TableRegion } from '../../../ui';
import { AdminNav } from '../admin-nav';
import { serviceList, WaveStateTag, waveTime } from './wave-words';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await listWaves(request.signal), request);
}

/** Every wave, newest first: its state, times in London, enrolled LAs and responses so far. */
export function WavesPage() {
  usePageTitle('Waves');
  const waves = useLoaderData<typeof loader>();
  return (
    <>
      <AdminNav />
      <h1 className="app-heading-xl">Waves</h1>
      <p className="app-body">
        A wave is one run of the health check. Create it as a draft, schedule it, then enrol local
        authorities: each enrolled service gets its own survey link. Times are London time.
      </p>
      <Link to="/admin/waves/new" className="app-button" role="button" draggable={false}>
        Create a wave
      </Link>
      {waves.length === 0 ? (
        <p className="app-body">There are no waves yet.</p>
      ) : (
        <TableRegion
          label="Waves"
          caption={`${waves.length} waves`}
          columns={['Wave', 'Status', 'Opens', 'Closes', 'Local authorities', 'Responses so far']}
        >
          {waves.map((wave) => (
            <tr key={wave.id}>
              <td>
                <Link to={`/admin/waves/${wave.id}`}>{wave.name}</Link>
                <div className="app-secondary-text app-table__small">
                  {serviceList(wave.services)}; version {wave.instrument.version}
                </div>
              </td>
              <td>
                <WaveStateTag state={wave.state} />
              </td>
              <td>{waveTime(wave.opensAt)}</td>
              <td>{waveTime(wave.closesAt, true)}</td>
              <td>{wave.enrolledOrganisations}</td>
              <td>{wave.responses?.toLocaleString('en-GB') ?? wave.responsesMessage}</td>
            </tr>
          ))}
        </TableRegion>
      )}
    </>
  );
}

export const route = { loader, Component: WavesPage };
