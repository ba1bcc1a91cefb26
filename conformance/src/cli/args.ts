import { parseArgs as parseNodeArgs } from 'node:util';

/** Parsed command line of the conformance CLI. */
export interface CliArgs {
  /** Path of the config module (default `conformance.config.mjs` in the working directory). */
  readonly config: string;
  /** A backend module to test instead of a config: path of an ES module exporting a factory. */
  readonly module?: string;
  /** The factory's export name in `module` (default `default`). */
  readonly export: string;
  /** Options handed to the factory, parsed from JSON. */
  readonly options?: unknown;
  /** Label of the `--module` target (default: the backend's `info.name`). */
  readonly name?: string;
  /** The `--module` target declares that its engine flushes subnormals. */
  readonly flushesSubnormals: boolean;
  /** Where to write the JSON report, if anywhere. */
  readonly json?: string;
  /** Where to write the JUnit XML report, if anywhere. */
  readonly junit?: string;
  /** Where to write the HTML report, if anywhere. */
  readonly html?: string;
  /** Target names to run; all when absent. */
  readonly only?: readonly string[];
  /** Case ids or prefixes ending in `*`; all when absent. */
  readonly cases?: readonly string[];
  /** The config target every other target hands its parameters to in the switch cases. */
  readonly partner?: string;
  /** Also run the browser engines in headless Chromium (tfjs webgl and wasm, onnxruntime-web; WebGPU tried). */
  readonly browser: boolean;
  /** Print usage and exit. */
  readonly help: boolean;
}

/** Thrown for a bad command line; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

/** Exit codes of the CLI. */
export const EXIT = {
  /** Every case of every target passed. */
  pass: 0,
  /** At least one case failed. */
  fail: 1,
  /** Bad command line, config or module, or a case selection or skip key that matches no case. */
  usage: 2,
  /** The suite itself failed (a bug in the suite, not in a backend). */
  internal: 3,
} as const;

/** How to call the CLI. */
export const USAGE = `usage: onegrad-conformance [--config FILE.mjs | --module FILE.js [--export NAME] [--options JSON] [--name LABEL] [--flushes-subnormals]]
                          [--json FILE] [--junit FILE] [--html FILE] [--only NAME,...] [--cases ID,...] [--partner NAME]
  --config FILE        module whose default export is an array of ConformanceTarget (default: ./conformance.config.mjs)
  --module FILE        test one backend: an ES module exporting a factory (options?) => Backend
  --export NAME        the factory's export name (default: default)
  --options JSON       options passed to the factory, as JSON (e.g. '{"device":"cpu"}')
  --name LABEL         label of the module's target in reports (default: the backend's info.name)
  --flushes-subnormals declare that the engine flushes subnormal results to zero (checked, and shown in every report)
  --json FILE          also write the report as JSON
  --junit FILE         also write the report as JUnit XML (one testcase per case and dtype)
  --html FILE          also write a self-contained HTML report (matrix, cases with their worst ratio, deviations)
  --only NAMES         run only these config targets (comma-separated names)
  --cases IDS          run only these cases (comma-separated ids or prefixes ending in *, e.g. seed/*)
  --partner NAME       the config target the others hand parameters to in the switch cases (default: the first)
  --browser            also run the browser engines in headless Chromium: tfjs webgl and wasm, onnxruntime-web (wasm);
                       WebGPU engines are tried and, when they cannot run, reported with the reason
exit codes: 0 every case passed, 1 a case failed, 2 bad arguments, config, module or selection, 3 the suite failed`;

const OPTIONS = {
  config: { type: 'string' },
  module: { type: 'string' },
  export: { type: 'string' },
  options: { type: 'string' },
  name: { type: 'string' },
  'flushes-subnormals': { type: 'boolean' },
  json: { type: 'string' },
  junit: { type: 'string' },
  html: { type: 'string' },
  only: { type: 'string' },
  cases: { type: 'string' },
  partner: { type: 'string' },
  browser: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const list = (flag: string, v: string) => {
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) throw new UsageError(`${flag} needs a comma-separated list`);
  return items;
};

/** The UsageError for one of node:util parseArgs' errors, worded as the usage line reads. */
function usageErrorOf(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const flag = /'(--?[a-z-]+)/i.exec(message ?? '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return new UsageError(`unknown argument ${JSON.stringify(flag)}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(`${flag} needs a value`);
  return new UsageError(message ?? String(error));
}

function parseOptions(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--options is not JSON: ${(error as Error).message}`);
  }
}

/** Parses `argv` (without node and the script) with node:util's parseArgs; throws {@link UsageError}. */
export function parseArgs(argv: readonly string[]): CliArgs {
  let parsed: {
    values: Record<string, string | boolean | undefined>;
    tokens: { kind: string; name?: string; value?: string | undefined }[];
  };
  try {
    parsed = parseNodeArgs({ args: [...argv], options: OPTIONS, strict: true, tokens: true });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} given twice`);
    seen.add(token.name);
    if (OPTIONS[token.name as keyof typeof OPTIONS].type === 'string' && !token.value)
      throw new UsageError(`--${token.name} needs a value`);
  }
  const v = parsed.values as Record<string, string | undefined> & { help?: boolean };
  if (v.module !== undefined && v.config !== undefined)
    throw new UsageError('give --config or --module, not both');
  for (const flag of ['export', 'options', 'name', 'flushes-subnormals'])
    if (v[flag] !== undefined && v.module === undefined) throw new UsageError(`--${flag} needs --module`);
  if (v.module !== undefined && (v.only !== undefined || v.partner !== undefined))
    throw new UsageError('--only and --partner choose among config targets; with --module there is one');
  const strings = Object.fromEntries(
    (['module', 'name', 'json', 'junit', 'html', 'partner'] as const)
      .filter((k) => v[k] !== undefined)
      .map((k) => [k, v[k] as string]),
  );
  return {
    config: v.config ?? 'conformance.config.mjs',
    ...strings,
    export: v.export ?? 'default',
    ...(v.options === undefined ? {} : { options: parseOptions(v.options) }),
    flushesSubnormals: (parsed.values['flushes-subnormals'] as boolean | undefined) === true,
    browser: (parsed.values.browser as boolean | undefined) === true,
    ...(v.only === undefined ? {} : { only: list('--only', v.only) }),
    ...(v.cases === undefined ? {} : { cases: list('--cases', v.cases) }),
    help: v.help === true,
  };
}
