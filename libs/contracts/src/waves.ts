/**
 * Waves, enrolments and survey links: the administrators' routes (/api/admin/waves…), the
 * principal social worker's "Run your health check" page (/api/organisations/{gssCode}/survey)
 * and the instruments' list (/api/admin/instruments).
 */
import type { ServiceKind } from './survey';

/**
 * Where a wave is in its life. draft: being prepared, seen by administrators only, no enrolments;
 * scheduled: enrolments open, opens at `opensAt`; open: takes answers until `closesAt`; closed:
 * nothing changes any more, and its reports are released.
 */
export type WaveState = 'draft' | 'scheduled' | 'open' | 'closed';
export const WAVE_STATES: readonly WaveState[] = ['draft', 'scheduled', 'open', 'closed'];

/** Longest wave name. */
export const WAVE_NAME_MAX_LENGTH = 120;

/** A wave named in a report or an export: its id and its name. */
export interface WaveRef {
  readonly id: string;
  readonly name: string;
}

export interface InstrumentVersionRef {
  id: string;
  key: string;
  version: number;
  title: string;
}

/** A wave as the administrators' list shows it. Times are ISO instants (UTC). */
export interface WaveView {
  id: string;
  name: string;
  instrument: InstrumentVersionRef;
  services: ServiceKind[];
  opensAt: string;
  closesAt: string;
  state: WaveState;
  /** LAs with at least one enrolled service. */
  enrolledOrganisations: number;
  /** Responses so far over all LAs; null while fewer than K (then `responsesMessage` says so). */
  responses: number | null;
  responsesMessage: string | null;
}

/**
 * A new wave. `opensAt` and `closesAt` are read in London time: a date ("2026-03-31") means the
 * start of that day for an opening and its last second (23:59:59) for a closing; a date and time
 * ("2026-03-31T17:00") is a London wall-clock time; an ISO instant with Z or an offset is that
 * instant.
 */
export interface CreateWaveRequest {
  name: string;
  instrumentId: string;
  services: ServiceKind[];
  opensAt: string;
  closesAt: string;
}

/**
 * A change to a wave: any field of a draft or scheduled wave; only `closesAt` (never before now)
 * of an open wave; nothing of a closed one.
 */
export type ChangeWaveRequest = Partial<CreateWaveRequest>;

export type EnrolmentScope = 'england' | 'region' | 'list';
export const ENROLMENT_SCOPES: readonly EnrolmentScope[] = ['england', 'region', 'list'];

/**
 * Enrol LAs: every LA in England, every LA of a region, or a list of GSS codes; for the wave's
 * services unless `services` names some of them. "england" and "region" leave LAs already enrolled
 * as they are; a "list" naming one already enrolled is refused.
 */
export interface EnrolRequest {
  scope: EnrolmentScope;
  region?: string;
  gssCodes?: string[];
  services?: ServiceKind[];
}

/** One LA × service of a wave, with its survey link code. */
export interface EnrolmentView {
  gssCode: string;
  organisationName: string;
  region: string;
  service: ServiceKind;
  code: string;
  /** Null while fewer than K (K hides small counts); 0 is shown as 0 so withdrawal can be judged. */
  responses: number | null;
  responsesMessage: string | null;
  /** Earlier codes of this link that were replaced and now answer 410. */
  replacedCodes: number;
}

export interface WaveDetail extends WaveView {
  enrolments: EnrolmentView[];
}

export interface EnrolResult {
  enrolled: EnrolmentView[];
  /** LA × service pairs left as they were because they were already enrolled. */
  alreadyEnrolled: number;
}

/** A PSW enrols their own LA for one service of a scheduled or open wave. */
export interface SelfEnrolRequest {
  wave: string;
  service: ServiceKind;
}

/** Responses on one day (the day only: responses keep no time). */
export interface DailyResponses {
  /** YYYY-MM-DD (UTC day, as stored). */
  day: string;
  count: number;
}

/**
 * How a live wave is going for one LA × service. Only counts, never a breakdown of answers; no
 * count at all while fewer than K have answered.
 */
export interface RunResponses {
  count: number | null;
  message: string | null;
  headcount: number | null;
  /** 0–100 against the headcount; null without a headcount or below K. */
  responseRate: number | null;
  /** Per day since the wave opened (null below K, or once the wave has closed). */
  byDay: DailyResponses[] | null;
  /**
   * The same LA × service in the previous wave of the same instrument, at the same number of days
   * after it opened; null when there is none.
   */
  previous: {
    waveId: string;
    waveName: string;
    /** Days after opening the comparison is made at. */
    day: number;
    count: number | null;
    responseRate: number | null;
    message: string | null;
  } | null;
}

export interface RunEnrolment {
  service: ServiceKind;
  code: string;
  responses: RunResponses;
}

export interface RunWave {
  id: string;
  name: string;
  state: WaveState;
  opensAt: string;
  closesAt: string;
  services: ServiceKind[];
  enrolments: RunEnrolment[];
  /** Services of this wave the LA may still enrol (scheduled or open waves only). */
  enrolable: ServiceKind[];
}

/** GET /api/organisations/{gssCode}/survey: the "Run your health check" page. */
export interface HealthCheckRun {
  organisation: { gssCode: string; name: string };
  minimumGroupSize: number;
  /** Scheduled and open waves, then the most recently closed one; newest first. */
  waves: RunWave[];
}

/** A published instrument version, as the administrators' list shows it. */
export interface InstrumentVersionView extends InstrumentVersionRef {
  /** SHA-256 of the definition as published. */
  contentHash: string;
  publishedAt: string;
  questions: number;
  /** Waves that use it. */
  waves: number;
}
