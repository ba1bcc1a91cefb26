/** Where the bar is drawn: a stream with an optional TTY flag and width. */
export interface BarStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * A progress bar: redrawn in place on a terminal, a line at every quarter otherwise (logs and pipes),
 * silent when disabled.
 */
export class ProgressBar {
  private lastQuarter = 0;
  private drawn = false;

  constructor(
    private readonly out: BarStream,
    private readonly total: number,
    private readonly enabled = true,
  ) {}

  /** Shows `done` of `total` steps, with a short note such as the backend and the cost. */
  update(done: number, note: string): void {
    if (!this.enabled) return;
    if (this.out.isTTY) {
      const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - 50));
      const fill = Math.round((done / this.total) * width);
      const pct = String(Math.floor((done / this.total) * 100)).padStart(3);
      this.out.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct}% ${note}\x1b[K`);
      this.drawn = true;
      return;
    }
    const quarter = Math.floor((done / this.total) * 4);
    if (quarter > this.lastQuarter) {
      this.lastQuarter = quarter;
      this.out.write(`${quarter * 25}% (${done}/${this.total}) ${note}\n`);
    }
  }

  /** Ends the bar's line on a terminal, so that what follows starts on a fresh line. */
  finish(): void {
    if (this.enabled && this.out.isTTY && this.drawn) this.out.write('\n');
  }
}
