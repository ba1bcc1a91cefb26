import { parseArgs as parseNodeArgs } from 'node:util';

/** Parsed command line of the conformance CLI. */
export interface CliArgs {
  /** Path of the config module (default `conformance.config.mjs` in the working directory). */
  readonly config: string;
  /** Where to write the JSON report, if anywhere. */
  readonly json?: string;
  /** Target names to run; all when absent. */
  readonly only?: readonly string[];
  /** Case ids or prefixes ending in `*`; all when absent. */
  readonly cases?: readonly string[];
  /** Print usage and exit. */
  readonly help: boolean;
}

/** Thrown for a bad command line; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

/** How to call the CLI. */
export const USAGE = `usage: onegrad-conformance [--config FILE.mjs] [--json FILE] [--only NAME,...] [--cases ID,...]
  --config FILE  module whose default export is an array of ConformanceTarget (default: ./conformance.config.mjs)
  --json FILE    also write the report as JSON
  --only NAMES   run only these targets (comma-separated names)
  --cases IDS    run only these cases (comma-separated ids or prefixes ending in *, e.g. seed/*)`;

const OPTIONS = {
  config: { type: 'string' },
  json: { type: 'string' },
  only: { type: 'string' },
  cases: { type: 'string' },
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
  const v = parsed.values as {
    config?: string;
    json?: string;
    only?: string;
    cases?: string;
    help?: boolean;
  };
  return {
    config: v.config ?? 'conformance.config.mjs',
    ...(v.json === undefined ? {} : { json: v.json }),
    ...(v.only === undefined ? {} : { only: list('--only', v.only) }),
    ...(v.cases === undefined ? {} : { cases: list('--cases', v.cases) }),
    help: v.help === true,
  };
}
