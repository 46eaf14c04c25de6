import type { LaReport, ServiceKind } from '@swhc/contracts';
import { useState, type FormEvent } from 'react';
import { ServiceSelect } from '../../app/service-select';

const STATE_WORDS = {
  open: 'open',
  closed: 'closed',
  scheduled: 'not open yet',
  draft: 'not open yet',
} as const;

/** Wave and service pickers: a GET-style form, so the choice lives in the address. */
export function ReportPickers({
  report,
  onChoose,
}: {
  report: LaReport;
  onChoose: (wave: string, service: ServiceKind) => void;
}) {
  const [wave, setWave] = useState(report.wave.id);
  const [service, setService] = useState<ServiceKind>(report.service);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChoose(wave, service);
  };
  return (
    <form className="app-pickers app-no-print" onSubmit={submit} aria-label="Choose a report">
      <div className="app-form-group app-pickers__field">
        <label className="app-label" htmlFor="wave">
          Wave
        </label>
        <select
          id="wave"
          name="wave"
          className="app-select"
          value={wave}
          onChange={(e) => setWave(e.target.value)}
        >
          {report.waves.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({STATE_WORDS[w.state]})
            </option>
          ))}
        </select>
      </div>
      <ServiceSelect
        id="service"
        name="service"
        groupClassName="app-pickers__field"
        value={service}
        onChange={setService}
      />
      <button type="submit" className="app-button app-button--secondary app-pickers__button">
        Show results
      </button>
    </form>
  );
}
