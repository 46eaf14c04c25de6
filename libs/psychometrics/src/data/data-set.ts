/**
 * A rectangular data set as the library takes it: named numeric columns, one array per row.
 * A missing value is NaN (the CSV reader and the api turn empty cells / skipped answers into NaN).
 */
export interface DataSet {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}
