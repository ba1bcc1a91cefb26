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

const list = (flag: string, v: string) => {
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) throw new UsageError(`${flag} needs a comma-separated list`);
  return items;
};

/** Parses `argv` (without node and the script); throws {@link UsageError}. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const values: Record<string, string> = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (!['--config', '--json', '--only', '--cases'].includes(flag))
      throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`${flag} needs a value`);
    if (flag in values) throw new UsageError(`${flag} given twice`);
    values[flag] = value;
  }
  return {
    config: values['--config'] ?? 'conformance.config.mjs',
    ...(values['--json'] === undefined ? {} : { json: values['--json'] }),
    ...(values['--only'] === undefined ? {} : { only: list('--only', values['--only']) }),
    ...(values['--cases'] === undefined ? {} : { cases: list('--cases', values['--cases']) }),
    help,
  };
}
