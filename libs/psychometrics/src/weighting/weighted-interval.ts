/** What the weighted mean and proportion intervals both report beside their estimate. */
export interface WeightedInterval {
  /** Rows with a value present. */
  readonly n: number;
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
  /** Kish's design effect n·Σw²/(Σw)² over the rows with a value; 1 without weights. */
  readonly designEffect: number;
  /** n / designEffect. */
  readonly effectiveN: number;
}
