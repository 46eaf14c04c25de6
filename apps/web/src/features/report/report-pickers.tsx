import { type LaReport, SERVICE_KINDS, SERVICE_NAMES, type ServiceKind } from '@swhc/contracts';
import { useState, type FormEvent } from 'react';

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
      <div className="app-form-group app-pickers__field">
        <label className="app-label" htmlFor="service">
          Service
        </label>
        <select
          id="service"
          name="service"
          className="app-select"
          value={service}
          onChange={(e) => setService(e.target.value === 'adults' ? 'adults' : 'children')}
        >
          {SERVICE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {SERVICE_NAMES[kind]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="app-button app-button--secondary app-pickers__button">
        Show results
      </button>
    </form>
  );
}
