import type { ReportWaveSummary } from '@swhc/contracts';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { waveState } from '../waves/wave-state';
import type { WaveWithInstrument } from './data/report-data.repository';

export function unknownWave(): InvalidInputError {
  return InvalidInputError.of('The request is not valid', 'wave', 'is not a known wave');
}

export function waveSummary(entry: WaveWithInstrument, now: Date): ReportWaveSummary {
  const { wave } = entry;
  return {
    id: wave.id,
    name: wave.name,
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    state: waveState(wave, now),
  };
}

/** The wave asked for, else the most recent closed wave, else the most recently opened one. */
export function chooseWave(
  waves: readonly WaveWithInstrument[],
  requested: string | undefined,
  now: Date,
): WaveWithInstrument {
  if (requested !== undefined) {
    const found = waves.find((w) => w.wave.id === requested);
    if (!found) throw unknownWave();
    return found;
  }
  const byClose = [...waves].sort((a, b) => b.wave.closesAt.getTime() - a.wave.closesAt.getTime());
  const chosen =
    byClose.find((w) => waveState(w.wave, now) === 'closed') ??
    [...waves]
      .filter((w) => waveState(w.wave, now) === 'open')
      .sort((a, b) => b.wave.opensAt.getTime() - a.wave.opensAt.getTime())[0] ??
    byClose[0];
  if (!chosen) throw new NotFoundError('There are no survey waves yet');
  return chosen;
}

/** The latest closed wave of the same instrument version that had closed before this one opened. */
export function previousWaveOf(
  waves: readonly WaveWithInstrument[],
  current: WaveWithInstrument,
  now: Date,
): WaveWithInstrument | null {
  const candidates = waves
    .filter(
      (w) =>
        w.wave.id !== current.wave.id &&
        w.instrument.key === current.instrument.key &&
        w.instrument.version === current.instrument.version &&
        waveState(w.wave, now) === 'closed' &&
        w.wave.closesAt.getTime() <= current.wave.opensAt.getTime(),
    )
    .sort((a, b) => b.wave.closesAt.getTime() - a.wave.closesAt.getTime());
  return candidates[0] ?? null;
}
