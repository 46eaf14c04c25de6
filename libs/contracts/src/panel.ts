/**
 * Plain request/response types of the polling panel: members who joined by email, fortnightly polls
 * with personal links, and results that never say who answered what.
 */
import type { Answers, ServiceKind } from './survey';

/** A panel member's role, coarse on purpose: it is stored beside their answers. */
export type PanelRole =
  'asye' | 'social-worker' | 'senior-practitioner' | 'team-manager' | 'senior-manager' | 'other';

export const PANEL_ROLES: readonly { readonly value: PanelRole; readonly text: string }[] = [
  { value: 'asye', text: 'Newly qualified social worker (ASYE)' },
  { value: 'social-worker', text: 'Social worker' },
  { value: 'senior-practitioner', text: 'Senior or advanced practitioner' },
  { value: 'team-manager', text: 'Team manager or assistant team manager' },
  { value: 'senior-manager', text: 'Service manager or more senior' },
  { value: 'other', text: 'Other social work role' },
];

/** England's nine regions, as the organisation list names them. */
export const ENGLISH_REGIONS: readonly string[] = [
  'East Midlands',
  'East of England',
  'London',
  'North East',
  'North West',
  'South East',
  'South West',
  'West Midlands',
  'Yorkshire and The Humber',
];

/** POST /api/panel/members — always answered with 202, whatever the email's state. */
export interface JoinPanelRequest {
  email: string;
  /** GSS code of the employing local authority, or null when the employer is not an LA. */
  organisation: string | null;
  role: PanelRole;
  service: ServiceKind;
  region: string;
  consent: true;
}

/** What the public join form offers. */
export interface PanelJoinOptions {
  organisations: { gssCode: string; name: string; region: string }[];
  roles: { value: PanelRole; text: string }[];
  regions: string[];
  /** How long an unconfirmed sign-up waits for its confirmation, in days. */
  confirmationDays: number;
}

/** A token from an emailed link (it travels in the body, never in a URL the server logs). */
export interface PanelTokenRequest {
  token: string;
}

export type PanelMemberStatus = 'active' | 'paused';

/** What a member sees on their "manage your membership" page. */
export interface PanelMembership {
  email: string;
  organisation: { gssCode: string; name: string } | null;
  role: PanelRole;
  service: ServiceKind;
  region: string;
  status: PanelMemberStatus;
  /** ISO date (Europe/London) the pause ends, or null. */
  pausedUntil: string | null;
}

export interface UpdatePanelProfileRequest {
  token: string;
  organisation: string | null;
  role: PanelRole;
  service: ServiceKind;
  region: string;
}

export interface PausePanelMembershipRequest {
  token: string;
  /** 1–26 weeks; 0 resumes at once. */
  weeks: number;
}

// ---------------------------------------------------------------- poll definitions

/** The SurveyJS question types a poll may use: each gives one answer out of a known set. */
export type PollQuestionType = 'radiogroup' | 'dropdown' | 'rating';
export const POLL_QUESTION_TYPES: readonly PollQuestionType[] = [
  'radiogroup',
  'dropdown',
  'rating',
];

/**
 * Which answers count as the "favourable" half when a distribution is collapsed to two groups,
 * and what the two halves are called (e.g. "Often or always" / "Less often"). Declared with the
 * question, because only its author knows which answers belong together.
 */
export interface PollTwoWaySplit {
  values: (string | number)[];
  label: string;
  restLabel: string;
}

export interface PollChoice {
  value: string | number;
  text: string;
}

/** A new question as an admin writes it. */
export interface PollQuestionInput {
  type: PollQuestionType;
  /** Letters, digits and dashes; unique across all polls (it keys the answers and the trends). */
  name: string;
  title: string;
  description?: string;
  /** radiogroup and dropdown: 2–10 choices, in the order shown. */
  choices?: PollChoice[];
  /** rating: whole numbers, e.g. 1 to 5 or 0 to 10. */
  rateMin?: number;
  rateMax?: number;
  minRateDescription?: string;
  maxRateDescription?: string;
  twoWay: PollTwoWaySplit;
}

/** A question of a poll: either a new one, or an earlier poll's question asked again (for trends). */
export type PollQuestionSpec = PollQuestionInput | { reuse: string };

/** A question as stored: immutable once a poll uses it. */
export interface PollQuestion extends PollQuestionInput {
  id: string;
}

export interface PollAudience {
  /** Empty or missing: everyone. */
  services?: ServiceKind[];
  roles?: PanelRole[];
  regions?: string[];
}

export interface CreatePollRequest {
  title: string;
  /** ISO date-time; a time without an offset is read as Europe/London. */
  opensAt: string;
  closesAt: string;
  audience?: PollAudience;
  questions: PollQuestionSpec[];
}

export type PollStatus = 'scheduled' | 'open' | 'closed';

/** GET /api/panel/polls (admins and researchers). */
export interface PollSummary {
  id: string;
  title: string;
  status: PollStatus;
  opensAt: string;
  closesAt: string;
  /** Invitations created when the poll opened (0 before). */
  invited: number;
  responses: number;
}

export interface PollDetail extends PollSummary {
  audience: PollAudience;
  questions: PollQuestion[];
  /** When the one reminder goes to those who have not answered. */
  remindAt: string;
}

/** Emails of one kind for one poll, by delivery state. */
export interface DeliveryProgress {
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
}

export interface PollSendingProgress {
  invitations: DeliveryProgress;
  reminders: DeliveryProgress;
}

// ---------------------------------------------------------------- answering

/** What the poll page needs (from an invitation token). */
export interface PollForMember {
  poll: { id: string; title: string; closesAt: string };
  survey: Record<string, unknown>;
}

export interface PollAnswerRequest {
  token: string;
  /** Generated by the browser; a retry reuses it. */
  submissionId: string;
  answers: Answers;
}

export interface PollAnswerReceipt {
  submissionId: string;
}

// ---------------------------------------------------------------- results

export type PanelBreakdown = 'service' | 'role' | 'region';
export const PANEL_BREAKDOWNS: readonly PanelBreakdown[] = ['service', 'role', 'region'];

/** One distribution after disclosure control. */
export type PollDistribution =
  | {
      suppressed: false;
      n: number;
      /** 'none': as answered; otherwise the collapse that keeps every group at K or more. */
      collapse: 'none' | 'three-way' | 'two-way';
      categories: { key: string; label: string; count: number; percentage: number }[];
    }
  | { suppressed: true; message: string };

export interface PollQuestionResult {
  question: PollQuestion;
  overall: PollDistribution;
  breakdowns: {
    by: PanelBreakdown;
    groups: { key: string; label: string; distribution: PollDistribution }[];
  }[];
}

export type PollResults =
  | {
      status: 'open' | 'scheduled';
      responses: number | null;
      invited: number;
      responseRate: number | null;
      message: string | null;
    }
  | {
      status: 'closed';
      responses: number | null;
      invited: number;
      responseRate: number | null;
      message: string | null;
      /** K: no group of fewer people is shown or can be worked out. */
      minimumGroupSize: number;
      questions: PollQuestionResult[];
    };

// ---------------------------------------------------------------- trends

export type TrendWeighting = 'unweighted' | 'membership' | 'margins';

/** Population margins an admin enters, e.g. the workforce census: counts per region and per role. */
export interface TrendMargins {
  region?: Record<string, number>;
  role?: Record<string, number>;
  service?: Record<string, number>;
}

export interface TrendEstimate {
  /** % giving the question's favourable answers, 0–100. */
  percentage: number;
  lower: number;
  upper: number;
  /** Kish design effect of the weights (1 without weighting). */
  designEffect: number;
  /** n / design effect. */
  effectiveN: number;
}

export interface TrendPoint {
  poll: { id: string; title: string; closesAt: string };
  n: number | null;
  /** Null when the poll had fewer than K answers to this question. */
  unweighted: TrendEstimate | null;
  weighted: TrendEstimate | null;
  /** Why there is no weighted estimate (e.g. a margin group with no answers), or null. */
  note: string | null;
}

export interface QuestionTrend {
  question: PollQuestion;
  weighting: TrendWeighting;
  points: TrendPoint[];
}

/** Questions asked in more than one closed poll. */
export interface RepeatedQuestion {
  question: PollQuestion;
  polls: number;
}

// ---------------------------------------------------------------- membership counts

export interface PanelMemberCounts {
  total: number;
  byStatus: { key: string; count: number }[];
  byRegion: { key: string; count: number }[];
  byRole: { key: string; count: number }[];
  byService: { key: string; count: number }[];
  byOrganisation: { gssCode: string | null; name: string; count: number }[];
}
