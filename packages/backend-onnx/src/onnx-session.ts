import {
  allocate,
  assertFiniteStep,
  type BackendInfo,
  type Batch,
  chanceCost,
  DisposedError,
  DivergenceError,
  LossWatch,
  layerCount,
  type Matrix,
  type NetworkSpec,
  type Params,
  type StepOptions,
  type StepResult,
  serialQueue,
  type TrainingSession,
  validateBatch,
  validateInput,
  validateParams,
  validateStepOptions,
} from '@onegrad/core';
import { bias, NAMES, nextBias, nextWeight, weight } from './graph/index.js';
import type { OrtModule, OrtTensor } from './ort-like.js';
import type { SessionCache } from './session-cache.js';
import { type ParamTensors, paramsOf, paramTensors, scalarOf, toMatrix, toTensor } from './tensors.js';
import { readTrace } from './trace-reader.js';

/** What a session needs from the backend that created it. */
export interface SessionHost {
  readonly ort: OrtModule;
  readonly info: BackendInfo;
  readonly cache: SessionCache;
  /** Throws DisposedError once the backend is disposed. */
  assertAlive(): void;
  /** Runs `work` as a call the backend's dispose() waits for before it releases the runtime. */
  track<R>(work: () => Promise<R>): Promise<R>;
}

/**
 * A network on ONNX Runtime. The parameters live in runtime tensors: each step feeds them to the
 * compiled training graph and keeps its W<l>_next outputs as the next step's inputs, so nothing is
 * copied into JavaScript matrices unless the caller reads the parameters or asks for a trace.
 */
export class OnnxSession implements TrainingSession {
  readonly backend: BackendInfo;
  private readonly enqueue = serialQueue();
  private readonly layers: number;
  private params: ParamTensors;
  private disposed = false;
  private readonly watch: LossWatch;

  constructor(
    private readonly host: SessionHost,
    readonly spec: NetworkSpec,
    params: Params,
  ) {
    this.backend = host.info;
    this.layers = layerCount(spec);
    this.watch = new LossWatch(chanceCost(spec));
    this.params = paramTensors(host.ort, params, spec.dtype);
  }

  private assertAlive(): void {
    if (this.disposed) throw new DisposedError('session', 'this session was disposed');
    this.host.assertAlive();
  }

  async forward(x: Matrix): Promise<Matrix> {
    this.assertAlive();
    validateInput(this.spec, x);
    const X = toTensor(this.host.ort, x, this.spec.dtype);
    return this.enqueue(() =>
      this.host.track(async () => {
        this.assertAlive();
        const session = await this.host.cache.get(this.spec, 'forward');
        const out = await session.run({ ...this.params, [NAMES.x]: X });
        return toMatrix(out[NAMES.probabilities] as OrtTensor);
      }),
    );
  }

  async step(batch: Batch, options: StepOptions): Promise<StepResult> {
    this.assertAlive();
    validateBatch(this.spec, batch);
    validateStepOptions(options, 'options', this.spec.dtype);
    const { ort } = this.host;
    const dtype = this.spec.dtype;
    const feeds = {
      [NAMES.x]: toTensor(ort, batch.x, dtype),
      [NAMES.y]: toTensor(ort, batch.y, dtype),
      [NAMES.lr]: new ort.Tensor(dtype, allocate(dtype, 1).fill(options.learningRate), []),
    };
    const trace = options.trace === true;
    return this.enqueue(() => this.host.track(() => this.run(feeds, trace)));
  }

  /** One compiled step: the update is kept only when the graph's all-finite flag is set. */
  private async run(feeds: Record<string, OrtTensor>, trace: boolean): Promise<StepResult> {
    this.assertAlive();
    const session = await this.host.cache.get(this.spec, trace ? 'trace' : 'step');
    const out = await session.run({ ...this.params, ...feeds });
    const loss = scalarOf(out[NAMES.loss] as OrtTensor);
    if (scalarOf(out[NAMES.finite] as OrtTensor) !== 1) this.refuse(loss, out);
    const next: Record<string, OrtTensor> = {};
    for (let l = 1; l <= this.layers; l++) {
      next[weight(l)] = out[nextWeight(l)] as OrtTensor;
      next[bias(l)] = out[nextBias(l)] as OrtTensor;
    }
    this.params = next;
    const head = { loss, diverging: this.watch.observe(loss) };
    return trace ? { ...head, trace: readTrace(out, this.layers, loss, this.spec.loss === 'bce') } : head;
  }

  /** Names the first non-finite value of a refused step; the parameters stay as they were. */
  private refuse(loss: number, out: Readonly<Record<string, OrtTensor>>): never {
    assertFiniteStep(loss, paramsOf(out, this.layers, nextWeight, nextBias));
    throw new DivergenceError('step', 'the step produced a non-finite value; it was not applied');
  }

  async getParams(): Promise<Params> {
    this.assertAlive();
    return this.enqueue(() => {
      this.assertAlive();
      return paramsOf(this.params, this.layers);
    });
  }

  async setParams(params: Params): Promise<void> {
    this.assertAlive();
    const copy = validateParams(this.spec, params);
    const tensors = paramTensors(this.host.ort, copy, this.spec.dtype);
    return this.enqueue(() => {
      this.assertAlive();
      this.params = tensors;
      this.watch.reset();
    });
  }

  dispose(): void {
    // Runtime CPU tensors are garbage collected; dropping the references is the release.
    this.disposed = true;
    this.params = {};
  }
}
