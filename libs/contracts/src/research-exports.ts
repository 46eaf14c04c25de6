/**
 * Research exports: POST /api/research/exports {"waves": [waveId, …], "variables"?: [name, …]} → 201
 * {id}; GET /api/research/exports/{id} → its status; GET …/{id}/download → application/zip once ready.
 */

export interface ResearchExportRequest {
  /** Closed waves whose responses the export holds (one or more). */
  readonly waves: readonly string[];
  /** Variables to include (see ExportOptions); all of them when left out. */
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
  readonly waves: readonly { readonly id: string; readonly name: string }[];
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

/** What a researcher may choose from: closed waves per instrument version and their variables. */
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
  readonly minimumGroupSize: number;
}
