/**
 * The LA report in three steps, the same for the service and for the tests:
 *
 *   1. frame     — who, which wave and service, K and the counts (ReportService builds it);
 *   2. sections  — only when scores are released: each section is a pure function of the frame and
 *                  the data sets (data/report-data-sets.ts), one file per section in sections/;
 *   3. assemble  — the JSON served, from the frame and the sections (or none).
 */
import type { LaReport, ReportResponses } from '@swhc/contracts';
import { suppressionMessage } from '@swhc/disclosure';
import type { ReportDataSets } from './data/report-data-sets';
import { scoresReleased, type ReportFrame } from './report-frame';
import { responsesSentence, statusSentence } from './report-wording';
import { driversSection } from './sections/drivers.section';
import { funnelSection } from './sections/funnel.section';
import { groupsSection } from './sections/groups.section';
import { scoresSection } from './sections/scores.section';
import { statementsSection } from './sections/statements.section';
import { summarySection } from './sections/summary.section';

/** The parts of a report that exist only once a wave has closed with at least K responses. */
export type ReleasedSections = Pick<
  LaReport,
  'summary' | 'scales' | 'items' | 'groups' | 'drivers' | 'funnel'
>;

/**
 * Step 2: every released section. A new section is a file in sections/ and one line here; the
 * summary is made last, from the others, so that the first page never says what they do not.
 */
export function buildSections(frame: ReportFrame, data: ReportDataSets): ReleasedSections {
  const scales = scoresSection(frame, data);
  const items = statementsSection(frame, data);
  const drivers = driversSection(frame, data);
  return {
    summary: summarySection(items, drivers),
    scales,
    items,
    groups: groupsSection(frame, data),
    drivers,
    funnel: funnelSection(frame, data, scales),
  };
}

function responsesOf(frame: ReportFrame): ReportResponses {
  const { count, headcount, k } = frame;
  if (count < k) {
    const message = suppressionMessage('below-k', k);
    return { count: null, headcount, responseRate: null, message, sentence: `${message}.` };
  }
  const responseRate = headcount && headcount > 0 ? (100 * count) / headcount : null;
  return {
    count,
    headcount,
    responseRate,
    message: null,
    sentence: responsesSentence(count, headcount, responseRate),
  };
}

/** Step 3: the report from its frame and, when scores are released, its sections. */
export function assembleReport(frame: ReportFrame, sections: ReleasedSections | null): LaReport {
  const released = scoresReleased(frame) && sections !== null;
  return {
    organisation: {
      gssCode: frame.organisation.gssCode,
      name: frame.organisation.name,
      region: frame.organisation.region,
    },
    service: frame.service,
    wave: frame.wave,
    waves: frame.waves,
    minimumGroupSize: frame.k,
    responses: responsesOf(frame),
    scoresReleased: released,
    status: statusSentence(frame),
    summary: released ? sections.summary : null,
    scales: released ? sections.scales : [],
    items: released ? sections.items : [],
    groups: released ? sections.groups : [],
    drivers: released ? sections.drivers : null,
    funnel: released ? sections.funnel : [],
    generatedAt: frame.now.toISOString(),
  };
}
