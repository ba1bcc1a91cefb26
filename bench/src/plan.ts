/** How long and how often a row is timed. */
export interface MeasurePlan {
  /** Steps run before timing, at least this many... */
  readonly warmupSteps: number;
  /** ...and for at least this long, so the JIT and the engines' caches settle. */
  readonly warmupMs: number;
  /** Timed samples; each gives one per-step time. */
  readonly samples: number;
  /** Fewer samples (at least 3) when `samples` of them would take longer than this. */
  readonly rowBudgetMs: number;
  /** A sample runs as many steps as it takes to last this long, so fast steps are timed above the clock's noise. */
  readonly minSampleMs: number;
}

/** The full benchmark: a second of warm-up, 15 samples of at least 50 ms each. */
export const FULL_PLAN: MeasurePlan = {
  warmupSteps: 5,
  warmupMs: 1000,
  samples: 15,
  rowBudgetMs: 12_000,
  minSampleMs: 50,
};

/** The quick mode: enough to show that every row runs, not to compare them. */
export const QUICK_PLAN: MeasurePlan = {
  warmupSteps: 1,
  warmupMs: 20,
  samples: 3,
  rowBudgetMs: 200,
  minSampleMs: 5,
};
