import {
  allocate,
  type EngineStep,
  type EngineTrain,
  firstNonFinite,
  layerCount,
  type Matrix,
  type NetworkSpec,
  type Params,
  parameterCount,
  type SessionEngine,
} from '@onegrad/core';
import {
  bias,
  emittersOf,
  NAMES,
  nextBias,
  nextWeight,
  PACKED_EXTRA,
  PACKED_NAMES,
  type PackedSlot,
  packedLayout,
  RUN_NAMES,
  startBias,
  startWeight,
  trainedBias,
  trainedWeight,
  weight,
} from './graph/index.js';
import type { OrtTensor } from './ort-like.js';
import type { GraphKind, SessionCache } from './session-cache.js';
import {
  type ParamTensors,
  packTensors,
  paramsOf,
  paramTensors,
  scalarOf,
  toMatrix,
  toTensor,
  unpackTensors,
} from './tensors.js';
import { readLayers } from './trace-reader.js';

/**
 * Networks of at most this many parameters take untraced steps on the packed step graph (3 inputs and
 * 1 output instead of 2L + 3 and 2L + 2, finiteness checked here): that saves onnxruntime's
 * fixed cost per input and output and the all_finite nodes, about a third of a small network's step,
 * while copying every parameter twice more (Split, Concat) and reading it once (the check), which only
 * pays below a few thousand parameters.
 */
export const PACKED_STEP_MAX_PARAMS = 4096;

/**
 * A network on ONNX Runtime. The parameters live in runtime tensors: each step feeds them to the
 * compiled training graph and a committed step keeps its W<l>_next outputs as the next step's inputs,
 * so nothing is copied into JavaScript matrices unless core reads the parameters or asks for a trace.
 * A small network's untraced steps feed and keep one packed vector instead (see buildPackedStepModel).
 */
export class OnnxSession implements SessionEngine {
  private readonly layers: number;
  /** The packed layout when untraced steps run on the packed step graph. */
  private readonly slots: readonly PackedSlot[] | undefined;
  private readonly packedLength: number;
  // The parameters as tensors W1, b1, ... or packed, or both: at least one is set, and each one set
  // holds the current parameters. Whichever a call needs is made from the other when missing.
  private params: ParamTensors | undefined;
  private packed: OrtTensor | undefined;
  // The last learning rate's tensor: its data is this session's own, so every step at that rate reuses it.
  private lr: { readonly value: number; readonly tensor: OrtTensor } | undefined;

  constructor(
    private readonly cache: SessionCache,
    private readonly spec: NetworkSpec,
    params: Params,
  ) {
    // A spec without an emitter for one of its activations or its loss is refused before compiling.
    emittersOf(spec);
    this.layers = layerCount(spec);
    const count = parameterCount(spec.sizes);
    this.slots = count <= PACKED_STEP_MAX_PARAMS ? packedLayout(spec.sizes) : undefined;
    this.packedLength = count + PACKED_EXTRA;
    this.params = paramTensors(cache.ort, params);
  }

  async forward(x: Matrix): Promise<Matrix> {
    const out = await this.run('forward', { [NAMES.x]: toTensor(this.cache.ort, x) });
    return toMatrix(out[NAMES.probabilities] as OrtTensor);
  }

  async step(x: Matrix, y: Matrix, learningRate: number, trace: boolean): Promise<EngineStep> {
    const { ort } = this.cache;
    if (this.slots && !trace) return this.packedStep(x, y, learningRate);
    const out = await this.run(trace ? 'trace' : 'step', {
      [NAMES.x]: toTensor(ort, x),
      [NAMES.y]: toTensor(ort, y),
      [NAMES.lr]: this.lrTensor(learningRate),
    });
    // The candidate under the input names, ready to feed the next step once core commits it.
    const next: Record<string, OrtTensor> = {};
    for (let l = 1; l <= this.layers; l++) {
      next[weight(l)] = out[nextWeight(l)] as OrtTensor;
      next[bias(l)] = out[nextBias(l)] as OrtTensor;
    }
    return {
      loss: scalarOf(out[NAMES.loss] as OrtTensor),
      finite: scalarOf(out[NAMES.finite] as OrtTensor) === 1,
      ...(trace ? { layers: readLayers(out, this.layers) } : {}),
      readUpdate: () => paramsOf(next, this.layers),
      commit: () => this.install(next, undefined),
      // Runtime CPU tensors are garbage collected: dropping the references is the release.
      discard: () => undefined,
    };
  }

  /** An untraced step on the packed step graph: its one output is the candidate, packed. */
  private async packedStep(x: Matrix, y: Matrix, learningRate: number): Promise<EngineStep> {
    const { ort } = this.cache;
    const slots = this.slots as readonly PackedSlot[];
    const session = await this.cache.get(this.spec, 'packed');
    const params = this.packedParams(slots);
    // The elements after the parameters: the learning rate going in (the loss coming out), then m.
    const extra = params.data as Float32Array | Float64Array;
    extra[this.packedLength - 2] = learningRate;
    extra[this.packedLength - 1] = x.rows;
    const out = await session.run({
      [NAMES.x]: toTensor(ort, x),
      [NAMES.y]: toTensor(ort, y),
      [PACKED_NAMES.params]: params,
    });
    const next = out[PACKED_NAMES.step] as OrtTensor;
    const data = next.data as Float32Array | Float64Array;
    return {
      loss: data[this.packedLength - 2] as number,
      // This covers the loss and every element of the candidate.
      finite: firstNonFinite(data) === -1,
      readUpdate: () => paramsOf(unpackTensors(ort, slots, next), this.layers),
      commit: () => this.install(undefined, next),
      discard: () => undefined,
    };
  }

  async train(x: Matrix, y: Matrix, learningRate: number, steps: number): Promise<EngineTrain> {
    const { ort } = this.cache;
    const feeds: Record<string, OrtTensor> = {
      [NAMES.x]: toTensor(ort, x),
      [NAMES.y]: toTensor(ort, y),
      [NAMES.lr]: this.lrTensor(learningRate),
      [RUN_NAMES.steps]: new ort.Tensor('int64', BigInt64Array.of(BigInt(steps)), []),
      [RUN_NAMES.go]: new ort.Tensor('bool', Uint8Array.of(1), []),
    };
    const params = this.tensors();
    for (let l = 1; l <= this.layers; l++) {
      feeds[startWeight(l)] = params[weight(l)] as OrtTensor;
      feeds[startBias(l)] = params[bias(l)] as OrtTensor;
    }
    const session = await this.cache.get(this.spec, 'train');
    const out = await session.run(feeds);
    const next: Record<string, OrtTensor> = {};
    for (let l = 1; l <= this.layers; l++) {
      next[weight(l)] = out[trainedWeight(l)] as OrtTensor;
      next[bias(l)] = out[trainedBias(l)] as OrtTensor;
    }
    const taken = (out[RUN_NAMES.losses] as OrtTensor).data as Float32Array | Float64Array;
    const ok = scalarOf(out[RUN_NAMES.ok] as OrtTensor) === 1;
    // A refused step's cost is the last one taken; the loop kept the parameters from before it.
    return {
      losses: Float64Array.from(ok ? taken : taken.subarray(0, taken.length - 1)),
      stopped: !ok,
      commit: () => this.install(next, undefined),
      discard: () => undefined,
    };
  }

  readParams(): Params {
    return paramsOf(this.tensors(), this.layers);
  }

  writeParams(params: Params): void {
    this.install(paramTensors(this.cache.ort, params), undefined);
  }

  release(): void {
    this.install({}, undefined);
  }

  /** Makes `params` (tensors W1, b1, ...) or `packed` the current parameters, dropping the other form. */
  private install(params: ParamTensors | undefined, packed: OrtTensor | undefined): void {
    this.params = params;
    this.packed = packed;
  }

  /** The current parameters as tensors W1, b1, ...: views of the packed vector when only it is set. */
  private tensors(): ParamTensors {
    this.params ??= unpackTensors(this.cache.ort, this.slots ?? [], this.packed as OrtTensor);
    return this.params;
  }

  /** The current parameters packed as `slots`: a copy of the tensors when only they are set. */
  private packedParams(slots: readonly PackedSlot[]): OrtTensor {
    this.packed ??= packTensors(this.cache.ort, this.spec.dtype, slots, this.packedLength, this.params ?? {});
    return this.packed;
  }

  /** The learning rate as a scalar tensor of the spec's dtype. */
  private lrTensor(value: number): OrtTensor {
    if (this.lr?.value !== value) {
      const { dtype } = this.spec;
      this.lr = { value, tensor: new this.cache.ort.Tensor(dtype, allocate(dtype, 1).fill(value), []) };
    }
    return this.lr.tensor;
  }

  /** Runs graph `kind` of the spec on the current parameters and `feeds` (which it extends). */
  private async run(kind: GraphKind, feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>> {
    const session = await this.cache.get(this.spec, kind);
    const params = this.tensors();
    // A loop, not an object spread: in Node 20 a spread in this hot path goes to the slow runtime path.
    for (const name in params) feeds[name] = params[name] as OrtTensor;
    return session.run(feeds);
  }
}
