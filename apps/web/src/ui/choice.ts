/** One option of a radio group or select. */
export interface Choice {
  value: string;
  label: string;
  hint?: string;
}
