import { LOCAL_AUTHORITY, type ExportRules } from '../export-rules';

/**
 * Health Check v1 in research exports. Quasi-identifiers: what a colleague or manager could know
 * about someone (their LA, role, team, employment, years since qualifying, working pattern and the
 * equality questions). Sensitive: whether they mean to leave their employer within a year.
 */
export const HEALTH_CHECK_V1_EXPORT_RULES: ExportRules = {
  quasiIdentifiers: [
    {
      variable: LOCAL_AUTHORITY,
      levels: [{ kind: 'region', column: 'region', label: 'Region of the local authority' }],
    },
    {
      variable: 'role',
      levels: [
        {
          kind: 'groups',
          column: 'roleGroup',
          label: 'Role, grouped',
          groups: [
            { label: 'Practitioner', members: ['asye', 'social-worker', 'senior-practitioner'] },
            { label: 'Manager or other role', members: ['team-manager', 'other'] },
          ],
        },
      ],
    },
    { variable: 'teamType', levels: [] },
    { variable: 'employment', levels: [] },
    {
      variable: 'yearsQualified',
      levels: [
        {
          kind: 'groups',
          column: 'yearsQualifiedBand',
          label: 'Years since qualifying, wider bands',
          groups: [
            { label: 'Less than 6 years', members: ['0-2', '3-5'] },
            { label: '6 to 20 years', members: ['6-10', '11-20'] },
            { label: 'More than 20 years', members: ['21+'] },
          ],
        },
        {
          kind: 'groups',
          column: 'yearsQualifiedBand2',
          label: 'Years since qualifying, two bands',
          groups: [
            { label: 'Less than 6 years', members: ['0-2', '3-5'] },
            { label: '6 years or more', members: ['6-10', '11-20', '21+'] },
          ],
        },
      ],
    },
    { variable: 'workingPattern', levels: [] },
    {
      variable: 'gender',
      levels: [
        {
          kind: 'groups',
          column: 'genderGroup',
          label: 'Gender, grouped',
          groups: [
            { label: 'Woman', members: ['woman'] },
            { label: 'Man', members: ['man'] },
            {
              label: 'In another way or prefer not to say',
              members: ['other', 'prefer-not-to-say'],
            },
          ],
        },
      ],
    },
    {
      variable: 'ethnicity',
      levels: [
        {
          kind: 'groups',
          column: 'ethnicityGroup',
          label: 'Ethnic group, grouped',
          groups: [
            { label: 'White', members: ['white'] },
            { label: 'Ethnic minority', members: ['asian', 'black', 'mixed', 'other'] },
            { label: 'Prefer not to say', members: ['prefer-not-to-say'] },
          ],
        },
      ],
    },
    { variable: 'disability', levels: [] },
  ],
  sensitive: ['intentionToStay'],
};
