import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildResult, ChildTask } from './child.js';

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

/** A row its runner skipped by design (a backend that refuses the spec); `message` is the reason. */
export class SkippedRowError extends Error {
  override name = 'SkippedRowError';
}

/**
 * Runs one row in a fresh Node process and resolves to its timings and peak RSS; rejects with
 * SkippedRowError when the row was skipped, with another error when it failed.
 */
export function spawnRow(task: ChildTask): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [JSON.stringify(task)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    let message: ChildMessage | undefined;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('message', (m) => {
      message = m as ChildMessage;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (message?.ok) resolve(message.result);
      else if (message && 'skipped' in message) reject(new SkippedRowError(message.skipped));
      else
        reject(new Error(message?.error ?? `the row's process exited with code ${code}: ${stderr.trim()}`));
    });
  });
}
