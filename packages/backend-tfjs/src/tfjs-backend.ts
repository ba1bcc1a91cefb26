import {
  assertDTypeSupported,
  type Backend,
  type BackendInfo,
  DisposedError,
  type NetworkSpec,
  type Params,
  type TrainingSession,
  validateParams,
  validateSpec,
} from '@onegrad/core';
import { onTfBackend } from './engine-lock.js';
import { loadTfBackend, type Tf } from './load-tfjs.js';
import { PINNED_TFJS_VERSION, type TfjsBackendName, tfjsBackendInfo } from './options.js';
import { quietStart } from './quiet-start.js';
import { TfjsSession } from './tfjs-session.js';

/** core's Backend on one tfjs backend; tfjs itself is imported by `init()`, not before. */
export class TfjsBackend implements Backend {
  private starting: Promise<Tf> | undefined;
  private version = PINNED_TFJS_VERSION;
  private readonly sessions = new Set<TfjsSession>();
  private disposed = false;

  constructor(private readonly tfBackend: TfjsBackendName) {}

  /** Name, engine and dtypes; the engine names the loaded tfjs version once initialised. */
  get info(): BackendInfo {
    return tfjsBackendInfo(this.tfBackend, this.version);
  }

  async init(): Promise<void> {
    await this.ready();
  }

  async createSession(spec: NetworkSpec, params: Params): Promise<TrainingSession> {
    this.assertLive();
    const checked = validateSpec(spec);
    assertDTypeSupported(this.info, checked);
    const copy = validateParams(checked, params);
    const tf = await this.ready();
    const session = await onTfBackend(tf, this.tfBackend, () => {
      this.assertLive();
      return new TfjsSession(tf, this.tfBackend, checked, this.info, copy, (s) => this.sessions.delete(s));
    });
    this.sessions.add(session);
    return session;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    // The tfjs backend itself stays registered: other onegrad backends in the process may share it.
    for (const session of this.sessions) session.dispose();
    this.sessions.clear();
  }

  private ready(): Promise<Tf> {
    this.assertLive();
    if (this.starting === undefined) {
      this.starting = this.start();
      // A failed start is forgotten, so a later call can try again.
      this.starting.catch(() => {
        this.starting = undefined;
      });
    }
    return this.starting;
  }

  private async start(): Promise<Tf> {
    const tf = await loadTfBackend(this.tfBackend);
    await onTfBackend(tf, this.tfBackend, () => quietStart(tf, this.tfBackend));
    this.version = tf.version.tfjs;
    return tf;
  }

  private assertLive(): void {
    if (this.disposed) throw new DisposedError('backend', `the ${this.info.name} backend was disposed`);
  }
}
