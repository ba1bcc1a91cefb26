import { join } from 'node:path';

/** The command line of `onegrad-bench`. */
export interface BenchArgs {
  readonly quick: boolean;
  readonly filter: string | undefined;
  readonly json: string | undefined;
  readonly md: string | undefined;
  readonly svg: string | undefined;
  readonly jobs: number;
  readonly browser: boolean;
  readonly help: boolean;
}

/** The usage text printed by `--help`. */
export const USAGE = `usage: onegrad-bench [--quick] [--browser] [--filter TERMS] [--json FILE] [--md FILE] [--svg FILE] [--out DIR] [--jobs N]
  --quick        a few samples per row, to show that every row runs (under a minute); timings are rough
  --browser      also run the onegrad rows in headless Chromium (ts, onnx-web wasm, tfjs wasm and webgl),
                 and the demo page's own steps/s per engine (demo-page rows), into the same report with
                 runtime 'chromium' (needs /usr/bin/chromium and the built demo: pnpm build)
  --filter TERMS rows whose id (W3/onegrad-tfjs/tfjs-wasm/float32) contains every '+'-joined term of one
                 of the comma-separated alternatives, e.g. 'W3' or 'W1+onnx,W2+ts'
  --json FILE    write the report as JSON
  --md FILE      write the table and the target checks as markdown
  --svg FILE     write the chart
  --out DIR      all three as DIR/results.json, DIR/results.md and DIR/chart.svg
  --jobs N       rows run at once (default 1; more than 1 skews timings, for smoke tests only)`;

/** Parses `argv` (without node and the script); throws with the usage on anything unknown. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: { -readonly [K in keyof BenchArgs]: BenchArgs[K] } = {
    quick: false,
    filter: undefined,
    json: undefined,
    md: undefined,
    svg: undefined,
    jobs: 1,
    browser: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--quick') out.quick = true;
    else if (flag === '--browser') out.browser = true;
    else if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--filter') out.filter = value();
    else if (flag === '--json') out.json = value();
    else if (flag === '--md') out.md = value();
    else if (flag === '--svg') out.svg = value();
    else if (flag === '--out') {
      const dir = value();
      out.json = join(dir, 'results.json');
      out.md = join(dir, 'results.md');
      out.svg = join(dir, 'chart.svg');
    } else if (flag === '--jobs') {
      out.jobs = Number(value());
      if (!Number.isInteger(out.jobs) || out.jobs < 1)
        throw new Error(`--jobs needs a positive integer\n${USAGE}`);
    } else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return out;
}
