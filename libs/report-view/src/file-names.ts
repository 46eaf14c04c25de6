import type { LaReport } from '@swhc/contracts';

/** health-check-<gss>-<service>-<wave>: the name every file of a report shares (CSV, PDF, charts). */
export function reportFileStem(
  report: Pick<LaReport, 'organisation' | 'service' | 'wave'>,
): string {
  const wave = report.wave.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `health-check-${report.organisation.gssCode.toLowerCase()}-${report.service}-${wave}`;
}
