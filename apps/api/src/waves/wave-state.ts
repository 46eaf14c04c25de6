import type { WaveState } from '@swhc/contracts';
import type { Wave } from './wave.entity';

/** Where a wave is at `now`: a draft until scheduled, then by its opening and closing times. */
export function waveState(
  wave: Pick<Wave, 'draft' | 'opensAt' | 'closesAt'>,
  now: Date,
): WaveState {
  if (wave.draft) return 'draft';
  if (now < wave.opensAt) return 'scheduled';
  return now < wave.closesAt ? 'open' : 'closed';
}

/** The state's name in a sentence: "is a draft", "has not opened", "is open", "has closed". */
export function stateWords(state: WaveState): string {
  switch (state) {
    case 'draft':
      return 'is a draft';
    case 'scheduled':
      return 'is scheduled and has not opened';
    case 'open':
      return 'is open';
    case 'closed':
      return 'has closed';
  }
}
