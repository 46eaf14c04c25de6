import type { DriversResult } from '@swhc/contracts';
import { scaleReporting } from '@swhc/instruments';
import { PsychometricsError } from '@swhc/psychometrics';
import { driversDataSet } from '../data/data-sets';
import type { ReportDataSets } from '../data/report-data-sets';
import type { ReportFrame } from '../report-frame';
import { driversMessages, driversSentence, LOCAL_DRIVERS_MINIMUM } from '../report-wording';
import { driversOf, type DriversComputation } from '../statistics/report-statistics';

/** Shapley shares of R² from the LA's own responses, or null when the library cannot compute them. */
function localDrivers(frame: ReportFrame, data: ReportDataSets): DriversComputation | null {
  const { instrument } = frame;
  try {
    return driversOf(
      driversDataSet(instrument, data.la),
      instrument.outcome,
      instrument.scales.map((s) => s.key),
    );
  } catch (error) {
    if (error instanceof PsychometricsError) return null;
    throw error;
  }
}

/**
 * What drives intention to stay: the LA's own shares from 100 complete responses, else England's
 * (a regression on four predictors needs that many to be stable). Shapley shares of R² do not depend
 * on which way a scale is turned, so reported (turned-round) scales give the instrument's shares.
 */
export function driversSection(frame: ReportFrame, data: ReportDataSets): DriversResult {
  const local = data.la.size >= LOCAL_DRIVERS_MINIMUM ? localDrivers(frame, data) : null;
  const useLocal = local !== null && local.n >= LOCAL_DRIVERS_MINIMUM;
  const chosen = useLocal ? local : data.nationalDrivers;
  if (!chosen) return { available: false, message: driversMessages.unavailable };
  const la = frame.organisation.name;
  const shares = frame.instrument.scales.map((scale, i) => {
    const share = chosen.shares[i] ?? 0;
    return {
      scale: scale.key,
      title: scaleReporting(frame.instrument, scale).title,
      share,
      percentOfR2: chosen.r2 > 0 ? (100 * share) / chosen.r2 : 0,
    };
  });
  return {
    available: true,
    source: useLocal ? 'organisation' : 'national',
    n: chosen.n,
    r2: chosen.r2,
    shares,
    message: useLocal
      ? driversMessages.local(chosen.n, la)
      : driversMessages.national(chosen.n, la),
    sentence: driversSentence(shares, chosen.r2),
  };
}
