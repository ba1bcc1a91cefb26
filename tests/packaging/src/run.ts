import { execFile } from 'node:child_process';

/** Output of a finished command. */
export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `command` with `args` in `cwd` and resolves with its output; rejects with the command line, exit
 * code and both streams when it fails, so a test failure shows why.
 */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const options = {
      cwd,
      env: { ...outerEnv(), ORT_DISABLE_TELEMETRY: '1', ...env },
      maxBuffer: 64 * 2 ** 20,
    };
    execFile(command, [...args], options, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout, stderr });
      const line = [command, ...args].join(' ');
      reject(
        new Error(`${line} (in ${cwd}) exited with ${error.code}\n${stdout}\n${stderr}`, { cause: error }),
      );
    });
  });
}

// A package manager running this test passes its settings down as npm_config_* variables; a fresh
// project must see the user's plain environment instead.
function outerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)));
}
