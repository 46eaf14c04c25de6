import type { Choice } from '../../ui';

/** A local authority as an option of a select: its name, then its GSS code. */
export const organisationChoice = (o: { name: string; gssCode: string }): Choice => ({
  value: o.gssCode,
  label: `${o.name} (${o.gssCode})`,
});
