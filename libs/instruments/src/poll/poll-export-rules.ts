import type { GeneralisationGroups } from '../export-rules';

/**
 * How panel poll answers may be released in record-level research exports. A poll answer carries
 * only the member's coarse attributes when answering (service, role, region) besides the answers;
 * service is a design column (never coarsened, like a survey response's service), role and region
 * are quasi-identifiers coarsened along the groups below and, last, left out. Declared here, beside
 * the poll definitions, so the api holds no disclosure rule of its own.
 */

/** A member attribute stored with each poll answer that could single someone out. */
export interface PollQuasiIdentifierRule {
  readonly attribute: 'role' | 'region';
  /** The column's name in the export as answered, e.g. `panelRole`. */
  readonly column: string;
  readonly label: string;
  /** Coarser levels, finest first; each group names the attribute values it holds. */
  readonly levels: readonly GeneralisationGroups[];
}

export interface PollExportRules {
  readonly quasiIdentifiers: readonly PollQuasiIdentifierRule[];
  /**
   * Whether every question's answer is sensitive (l-diversity): polls ask about wellbeing and the
   * issues of the day, and which of them is sensitive cannot be known in advance, so all are.
   */
  readonly everyAnswerSensitive: boolean;
}

export const POLL_EXPORT_RULES: PollExportRules = {
  quasiIdentifiers: [
    {
      attribute: 'role',
      column: 'panelRole',
      label: 'Role when answering',
      levels: [
        {
          kind: 'groups',
          column: 'panelRoleGroup',
          label: 'Role when answering, grouped',
          groups: [
            { label: 'Practitioner', members: ['asye', 'social-worker', 'senior-practitioner'] },
            {
              label: 'Manager or other role',
              members: ['team-manager', 'senior-manager', 'other'],
            },
          ],
        },
      ],
    },
    {
      attribute: 'region',
      column: 'panelRegion',
      label: 'Region when answering',
      levels: [
        {
          kind: 'groups',
          column: 'panelArea',
          label: 'Part of England when answering',
          groups: [
            {
              label: 'North of England',
              members: ['North East', 'North West', 'Yorkshire and The Humber'],
            },
            { label: 'Midlands', members: ['East Midlands', 'West Midlands'] },
            {
              label: 'South and East of England',
              members: ['East of England', 'London', 'South East', 'South West'],
            },
          ],
        },
      ],
    },
  ],
  everyAnswerSensitive: true,
};
