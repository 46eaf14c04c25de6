import {
  isEndOfLondonDay,
  longLondonDateTime,
  SERVICE_NAMES,
  type ServiceKind,
  type WaveState,
} from '@swhc/contracts';

const STATE_TAGS: Record<WaveState, { label: string; colour: string }> = {
  draft: { label: 'Draft', colour: 'grey' },
  scheduled: { label: 'Scheduled', colour: 'blue' },
  open: { label: 'Open', colour: 'green' },
  closed: { label: 'Closed', colour: 'yellow' },
};

export function WaveStateTag({ state }: { state: WaveState }) {
  const tag = STATE_TAGS[state];
  return <strong className={`app-tag app-tag--${tag.colour}`}>{tag.label}</strong>;
}

/** "31 March 2026 at 11:59pm" in London; a closing at 23:59:59 reads "end of 31 March 2026". */
export function waveTime(iso: string, closing = false): string {
  const instant = new Date(iso);
  if (closing && isEndOfLondonDay(instant))
    return `end of ${longLondonDateTime(instant).replace(/ at .*$/, '')} (11:59:59pm)`;
  return longLondonDateTime(instant);
}

export const serviceList = (services: readonly ServiceKind[]) =>
  services.map((s) => SERVICE_NAMES[s]).join(' and ');
