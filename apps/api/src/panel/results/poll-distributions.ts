import {
  ENGLISH_REGIONS,
  PANEL_BREAKDOWNS,
  PANEL_ROLES,
  SERVICE_KINDS,
  SERVICE_NAMES,
  type Answers,
  type ServiceKind,
  type PanelBreakdown,
  type PollDistribution,
  type PollQuestion,
  type PollQuestionResult,
} from '@swhc/contracts';
import {
  protectDistribution,
  protectGroupedDistributions,
  suppressAcrossDimensions,
  suppressionMessage,
  type GroupDistribution,
  type ProtectedDistribution,
} from '@swhc/disclosure';
import { pollAnswerLabel, pollQuestionValues } from '@swhc/instruments';

/** One stored answer row: the coarse attributes and the answers, nothing else. */
export interface AnswerRow {
  readonly service: string;
  readonly role: string;
  readonly region: string;
  readonly answers: Answers;
}

const FAVOURABLE = 'favourable';
const REST = 'rest';

const GROUP_KEYS: Readonly<Record<PanelBreakdown, readonly string[]>> = {
  service: SERVICE_KINDS,
  role: PANEL_ROLES.map((r) => r.value),
  region: ENGLISH_REGIONS,
};

export function groupLabel(by: PanelBreakdown, key: string): string {
  if (by === 'service') return SERVICE_NAMES[key as ServiceKind] ?? key;
  if (by === 'role') return PANEL_ROLES.find((r) => r.value === key)?.text ?? key;
  return key;
}

/**
 * Each question's distribution overall and by service, role and region, under the disclosure rules:
 * no group under K, none worked out by subtraction (across the three breakdowns too), every shown
 * answer count 0 or ≥ K with ≥ K people outside it; an unsafe distribution falls back to the question's
 * declared two-way split before it is hidden, and says which form it is in.
 */
export function pollQuestionResults(
  questions: readonly PollQuestion[],
  rows: readonly AnswerRow[],
  k: number,
): PollQuestionResult[] {
  const groups = suppressAcrossDimensions(
    rows.map((r) => ({ service: r.service, role: r.role, region: r.region })),
    PANEL_BREAKDOWNS.map((name) => ({ name, keys: GROUP_KEYS[name] })),
    { k },
  );
  return questions.map((question) => {
    const values = pollQuestionValues(question).map(String);
    const countsOf = (subset: readonly AnswerRow[]) => {
      const counts = Object.fromEntries(values.map((v) => [v, 0]));
      for (const row of subset) {
        const value = row.answers[question.name];
        if (value !== undefined) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
      }
      return counts;
    };
    const options = {
      k,
      // Poll answers have no agree–disagree middle to collapse to: the question's own split instead.
      threeWay: null,
      twoWay: {
        favourable: question.twoWay.values.map(String),
        favourableKey: FAVOURABLE,
        restKey: REST,
      },
    };
    const overall = countsOf(rows);
    return {
      question,
      overall: present(question, protectDistribution(overall, options), k),
      breakdowns: PANEL_BREAKDOWNS.map((by) => {
        const keys = GROUP_KEYS[by];
        const result = protectGroupedDistributions(
          overall,
          keys.map((key) => ({ key, counts: countsOf(rows.filter((r) => r[by] === key)) })),
          { ...options, served: groups.served[by] ?? [] },
        );
        return {
          by,
          groups: result.groups.map((g) => ({
            key: g.key,
            label: groupLabel(by, g.key),
            distribution: present(question, g.distribution, k),
          })),
        };
      }),
    };
  });
}

function present(
  question: PollQuestion,
  result: ProtectedDistribution | GroupDistribution,
  k: number,
): PollDistribution {
  if (result.status === 'suppressed') {
    return {
      suppressed: true,
      message:
        result.reason === 'below-k'
          ? suppressionMessage('below-k', k)
          : result.reason === 'complementary' || result.reason === 'differencing'
            ? suppressionMessage('complementary', k)
            : `Hidden: even as “${question.twoWay.label}” against “${question.twoWay.restLabel}”, a group of fewer than ${k} would show`,
    };
  }
  const label = (key: string): string => {
    if (result.collapse === 'two-way')
      return key === FAVOURABLE ? question.twoWay.label : question.twoWay.restLabel;
    const value = pollQuestionValues(question).find((v) => String(v) === key);
    return value === undefined ? key : pollAnswerLabel(question, value);
  };
  return {
    suppressed: false,
    n: result.n,
    collapse: result.collapse,
    categories: Object.entries(result.counts).map(([key, count]) => ({
      key,
      label: label(key),
      count,
      percentage: result.percentages[key] ?? 0,
    })),
  };
}
