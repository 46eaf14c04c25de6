import { londonDate, parseLondonDateTime } from '@swhc/contracts';
import { DAY_MS } from '../common/clock';

/**
 * The fixed shape of the demo data set that `npm start` seeds on the embedded database: three waves
 * (2024 and 2025 closed, 2026 open), readable link codes and demo staff accounts, all with this
 * password. The smoke and browser tests and the README rely on these names.
 */
export const DEMO_PASSWORD = 'demo-password-1';
export const DEMO_SEED = 20260901;

export const DEMO_WAVE_2024 = 'Health Check 2024';
export const DEMO_WAVE_2025 = 'Health Check 2025';
export const DEMO_WAVE_2026 = 'Health Check 2026';

/**
 * 2024 and 2025 are closed; 2026 is open today, whenever today is, so the demo always has a live
 * wave and two before it (the report shows change since the last wave).
 */
export function demoWaveDates(now: Date): Record<string, { opensAt: Date; closesAt: Date }> {
  const opens2026 = new Date(Math.min(Date.UTC(2026, 8, 1), now.getTime() - 30 * DAY_MS));
  const closes2026 = new Date(Math.max(Date.UTC(2026, 11, 31), now.getTime() + 90 * DAY_MS));
  const closes2025 = new Date(Math.min(Date.UTC(2025, 10, 30), opens2026.getTime() - 30 * DAY_MS));
  const opens2025 = new Date(closes2025.getTime() - 90 * DAY_MS);
  const closes2024 = new Date(Math.min(Date.UTC(2024, 10, 30), opens2025.getTime() - 30 * DAY_MS));
  const opens2024 = new Date(closes2024.getTime() - 90 * DAY_MS);
  // Whole London days, as an administrator would enter them: opening at the start of a day,
  // closing at its end (23:59:59).
  const window = (opensAt: Date, closesAt: Date) => ({
    opensAt: parseLondonDateTime(londonDate(opensAt), 'start') ?? opensAt,
    closesAt: parseLondonDateTime(londonDate(closesAt), 'end') ?? closesAt,
  });
  return {
    [DEMO_WAVE_2024]: window(opens2024, closes2024),
    [DEMO_WAVE_2025]: window(opens2025, closes2025),
    [DEMO_WAVE_2026]: window(opens2026, closes2026),
  };
}

export const demoEmail = (gssCode: string): string => `psw-${gssCode.toLowerCase()}@demo.test`;
