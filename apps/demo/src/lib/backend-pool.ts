import type { Backend, DType } from '@onegrad/core';

/** A backend the demo can train on: a stable id, a short label and how to make it. */
export interface BackendChoice {
  /** Stable id used in URLs, `--backend` and `--switch`, e.g. `ts`, `onnx`, `tfjs`. */
  readonly id: string;
  /** Short label for buttons and tables. */
  readonly label: string;
  /** Dtypes it computes in (known before the engine loads). */
  readonly dtypes: readonly DType[];
  /** Makes the (uninitialised) backend. */
  readonly create: () => Backend;
}

/** Creates and initialises each backend once, on first use, and disposes them all at the end. */
export class BackendPool {
  private readonly ready = new Map<string, Promise<Backend>>();

  constructor(readonly choices: readonly BackendChoice[]) {}

  /** The ids of every backend, in display order. */
  get ids(): string[] {
    return this.choices.map((c) => c.id);
  }

  /** The choice with this id; throws when unknown. */
  choice(id: string): BackendChoice {
    const found = this.choices.find((c) => c.id === id);
    if (!found) throw new Error(`unknown backend '${id}' (choose from ${this.ids.join(', ')})`);
    return found;
  }

  /** The initialised backend with this id; the first call loads its engine. */
  get(id: string): Promise<Backend> {
    let backend = this.ready.get(id);
    if (!backend) {
      const made = this.choice(id).create();
      backend = made.init().then(() => made);
      // A failed load is not cached, so a later call can try again.
      backend.catch(() => this.ready.delete(id));
      this.ready.set(id, backend);
    }
    return backend;
  }

  /** Disposes every backend that was loaded. */
  async dispose(): Promise<void> {
    const all = [...this.ready.values()];
    this.ready.clear();
    await Promise.all(all.map(async (b) => (await b.catch(() => undefined))?.dispose()));
  }
}
