import type { InvarianceVerdict } from '../statistics/measurement-invariance';
import type { ScaleComparisons } from '../statistics/la-comparisons';
import type { DriversComputation, FunnelComputation } from '../statistics/report-statistics';
import type { ResponseTable } from './response-table';
import type { StatementOthers } from './statement-counts';

/** The LA's responses in the previous wave, and whether each scale may be compared across the two. */
export interface PreviousWaveData {
  readonly wave: { readonly id: string; readonly name: string };
  readonly la: ResponseTable;
  /** Per scale: does the instrument measure it the same way in both waves (null: not checked). */
  readonly verdicts: Readonly<Record<string, InvarianceVerdict>> | null;
}

/**
 * Step 2's input: everything the released sections are computed from, loaded (and for closed waves
 * cached) by ReportDataSetsService. Sections read these and nothing else; a new section that needs
 * new data adds a field here and fills it in ReportDataSetsService.forFrame.
 */
export interface ReportDataSets {
  /** This LA's responses in the report's wave and service. */
  readonly la: ResponseTable;
  /** This LA against England and its region (each without the LA), per scale. */
  readonly comparisons: Readonly<Record<string, ScaleComparisons>> | null;
  /** The other LAs' answers to each statement, England-wide and in the region. */
  readonly statements: Readonly<Record<string, StatementOthers>> | null;
  /** Null when there is no earlier closed wave of the same instrument. */
  readonly previous: PreviousWaveData | null;
  /** Every LA with at least K responses, per scale. */
  readonly funnel: Readonly<Record<string, FunnelComputation>> | null;
  /** Drivers of intention to stay over England, for LAs too small for their own. */
  readonly nationalDrivers: DriversComputation | null;
}
