/**
 * Research exports: POST /api/research/exports {"waves": [waveId, …], "polls"?: [pollId, …],
 * "variables"?: [name, …]} → 201 {id}; GET /api/research/exports/{id} → its status;
 * GET …/{id}/download → application/zip once ready.
 */
import type { WaveRef } from './waves';

export interface ResearchExportRequest {
  /** Closed waves whose responses the export holds (may be empty when polls names one or more). */
  readonly waves: readonly string[];
  /** Closed panel polls whose answers the export holds (every question of each). */
  readonly polls?: readonly string[];
  /** Variables of the waves to include (see ExportOptions); all of them when left out. */
  readonly variables?: readonly string[];
}

export interface ResearchExportCreated {
  readonly id: string;
}

export type ResearchExportState = 'queued' | 'running' | 'ready' | 'refused' | 'failed';

/** What anonymisation did to one quasi-identifier. */
export interface ExportQuasiIdentifierOutcome {
  readonly variable: string;
  /** The column as it appears in data.csv, or null when it was left out. */
  readonly column: string | null;
  /** e.g. "as answered", "coarsened to Region of the local authority", "left out". */
  readonly treatment: string;
  readonly cellsGeneralised: number;
  readonly cellsSuppressed: number;
}

export interface ExportAnonymisationReport {
  readonly k: number;
  readonly l: number;
  /** Share of rows local suppression may blank before a column is coarsened. */
  readonly maxSuppressedShare: number;
  readonly rows: number;
  readonly rowsSuppressed: number;
  readonly rowsWithheld: number;
  readonly quasiIdentifiers: readonly ExportQuasiIdentifierOutcome[];
  readonly sensitive: readonly {
    readonly variable: string;
    readonly classesBlanked: number;
    readonly cellsBlanked: number;
  }[];
  /** Every cell changed: coarsened, blanked by suppression or by l-diversity. */
  readonly cellsChanged: number;
}

export interface ResearchExportStatus {
  readonly id: string;
  readonly state: ResearchExportState;
  /** 0–1. */
  readonly progress: number;
  readonly rowsDone: number;
  readonly rowsTotal: number | null;
  readonly waves: readonly WaveRef[];
  readonly polls: readonly { readonly id: string; readonly title: string }[];
  readonly variables: readonly string[];
  readonly requestedAt: string;
  readonly finishedAt: string | null;
  /** Why it was refused or failed, in plain words. */
  readonly reason: string | null;
  readonly anonymisation: ExportAnonymisationReport | null;
  /** Size of the ZIP in bytes once ready. */
  readonly sizeBytes: number | null;
  readonly requestedBy: string | null;
}

export interface ExportVariableOption {
  readonly name: string;
  readonly label: string;
  /** How the chooser groups it: the LA, a scale's items, scale scores, intention to stay, about you. */
  readonly group: string;
  readonly quasiIdentifier: boolean;
  readonly sensitive: boolean;
}

/** A closed panel poll a researcher may export: every question, every sealed answer. */
export interface ExportPollOption {
  readonly id: string;
  readonly title: string;
  readonly closesAt: string;
  readonly answers: number;
  readonly questions: readonly string[];
}

/** What a researcher may choose from: closed waves per instrument version and their variables, and closed polls. */
export interface ExportOptions {
  readonly instruments: readonly {
    readonly key: string;
    readonly version: number;
    readonly title: string;
    readonly waves: readonly {
      readonly id: string;
      readonly name: string;
      readonly responses: number;
    }[];
    readonly variables: readonly ExportVariableOption[];
  }[];
  /** Closed polls, most recently closed first. */
  readonly polls: readonly ExportPollOption[];
  readonly minimumGroupSize: number;
}
