import type { InstrumentDefinition } from './instrument-definition';

/**
 * How an instrument version's answers may be released in record-level research exports: which
 * variables could single a colleague out when combined (quasi-identifiers), how each may be coarsened,
 * and which answers must not be learnt from a group (sensitive). Declared beside the instrument's
 * questions, apart from its published definition: disclosure rules may be tightened later without
 * changing the wording people saw.
 */

/** The local authority a response came through (from the link, not a question). */
export const LOCAL_AUTHORITY = 'la';

/** A coarser level of a quasi-identifier: each group merges answers (or groups of the level below). */
export interface GeneralisationGroups {
  readonly kind: 'groups';
  /** The column's name in the export at this level, e.g. `yearsQualifiedBand`. */
  readonly column: string;
  readonly label: string;
  /** Each group names the level-0 answer values it holds; together they hold every value once. */
  readonly groups: readonly { readonly label: string; readonly members: readonly string[] }[];
}

/** The local authority coarsened to its region (from the organisation list). */
export interface GeneralisationToRegion {
  readonly kind: 'region';
  readonly column: string;
  readonly label: string;
}

export type GeneralisationLevel = GeneralisationGroups | GeneralisationToRegion;

export interface QuasiIdentifierRule {
  /** A question's name, or `la` for the local authority. */
  readonly variable: string;
  /** Coarser levels, finest first. After the last, the column is left out of the export. */
  readonly levels: readonly GeneralisationLevel[];
}

export interface ExportRules {
  readonly quasiIdentifiers: readonly QuasiIdentifierRule[];
  /** Questions whose answer must take at least two values in every released class (l-diversity). */
  readonly sensitive: readonly string[];
}

/**
 * Rules for a version with none declared (e.g. one an administrator published from a file): every
 * about-you question and the local authority (coarsened to its region) are quasi-identifiers that
 * can only be left out, and the outcome question is sensitive. Strict, never lax.
 */
export function defaultExportRules(instrument: InstrumentDefinition): ExportRules {
  return {
    quasiIdentifiers: [
      {
        variable: LOCAL_AUTHORITY,
        levels: [{ kind: 'region', column: 'region', label: 'Region of the local authority' }],
      },
      ...instrument.questions
        .filter((q) => q.role === 'about-you')
        .map((q) => ({ variable: q.name, levels: [] })),
    ],
    sensitive: [instrument.outcome],
  };
}
