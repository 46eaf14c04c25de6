// Respondent records for the disclosure specs (never imported by the library itself).
import type { RespondentGroups } from './index';

export const repeat = (count: number, record: RespondentGroups): RespondentGroups[] =>
  Array.from({ length: count }, () => record);

/** 12 managers all in fostering with 3 practitioners: fostering − managers isolates those 3. */
export const nestedRoleInTeam: readonly RespondentGroups[] = [
  ...repeat(12, { role: 'manager', team: 'fostering' }),
  ...repeat(3, { role: 'practitioner', team: 'fostering' }),
  ...repeat(27, { role: 'practitioner', team: 'assessment' }),
];
