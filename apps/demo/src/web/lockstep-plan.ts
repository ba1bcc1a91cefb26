/** How the lockstep view samples the training: how long, how often and on how many points it judges. */
export interface LockstepPlan {
  /** Steps the reference trains. */
  readonly steps: number;
  /** Every lane is judged at every `every`-th step. */
  readonly every: number;
  /** Lanes take their judged step on the first `rows` points of the dataset. */
  readonly rows: number;
}

// judgeStep's 50-digit reference is slow next to the engines. Measured in headless Chromium on moons with 8
// hidden units (2 shared cores): about 500-750 ms per lane and step for all 120 points, 170 ms for 32, 100-150
// ms for 16. Four lanes on the whole batch would take 2-3 s per step; on 16 points every 20th step a
// 300-step run takes about ten seconds and the page stays responsive between judgements.
/** The page's plan; `?judge-rows=N&judge-every=K` in the address overrides the sampling. */
export function lockstepPlan(search: string): LockstepPlan {
  const q = new URLSearchParams(search);
  const int = (name: string, fallback: number) => {
    const n = Number(q.get(name));
    return Number.isInteger(n) && n >= 1 ? n : fallback;
  };
  return { steps: 300, every: int('judge-every', 20), rows: int('judge-rows', 16) };
}
