import type { ReportWaveSummary, ServiceKind } from '@swhc/contracts';
import type { InstrumentDefinition } from '@swhc/instruments';

/** The LA a report is about. Its id is internal: it is used to find rows and never leaves the api. */
export interface ReportOrganisation {
  readonly id: string;
  readonly gssCode: string;
  readonly name: string;
  readonly region: string;
}

/**
 * Step 1 of every report: who, which wave and service, K and the counts. A report that is not
 * released (open wave, or fewer than K responses) is made from its frame alone.
 */
export interface ReportFrame {
  readonly instrument: InstrumentDefinition;
  readonly organisation: ReportOrganisation;
  readonly service: ServiceKind;
  readonly wave: ReportWaveSummary;
  /** Waves a picker may offer, newest first. */
  readonly waves: readonly ReportWaveSummary[];
  /**
   * The wave a change is measured from: the latest closed wave of the same instrument version that
   * had closed before this one opened; null when there is none.
   */
  readonly previousWave: { readonly id: string; readonly name: string } | null;
  readonly k: number;
  readonly count: number;
  readonly headcount: number | null;
  readonly now: Date;
}

/** Whether scores may be shown at all: the wave has closed and the LA has at least K responses. */
export function scoresReleased(frame: Pick<ReportFrame, 'wave' | 'count' | 'k'>): boolean {
  return frame.wave.state === 'closed' && frame.count >= frame.k;
}
