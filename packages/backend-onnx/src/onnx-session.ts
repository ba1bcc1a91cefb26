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
  PACKED_STEP_OUTPUT,
  RUN_NAMES,
  startBias,
  startWeight,
  trainedBias,
  trainedWeight,
  weight,
} from './graph/index.js';
import type { OrtTensor } from './ort-like.js';
import type { GraphKind, SessionCache } from './session-cache.js';
import { type ParamTensors, paramsOf, paramTensors, scalarOf, toMatrix, toTensor } from './tensors.js';
import { readLayers } from './trace-reader.js';

/**
 * Networks of at most this many parameters take untraced steps on the packed step graph (one output
 * instead of 2L + 2, finiteness checked here): that saves onnxruntime's fixed cost per output and the
 * all_finite nodes, about a quarter of a small network's step, while copying every parameter once
 * more (Concat) and reading it once (the check), which only pays below a few thousand parameters.
 */
export const PACKED_STEP_MAX_PARAMS = 4096;

/**
 * A network on ONNX Runtime. The parameters live in runtime tensors: each step feeds them to the
 * compiled training graph and a committed step keeps its W<l>_next outputs as the next step's inputs,
 * so nothing is copied into JavaScript matrices unless core reads the parameters or asks for a trace.
 */
export class OnnxSession implements SessionEngine {
  private readonly layers: number;
  private readonly packed: boolean;
  private params: ParamTensors;
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
    this.packed = parameterCount(spec.sizes) <= PACKED_STEP_MAX_PARAMS;
    this.params = paramTensors(cache.ort, params);
  }

  async forward(x: Matrix): Promise<Matrix> {
    const out = await this.run('forward', { [NAMES.x]: toTensor(this.cache.ort, x) });
    return toMatrix(out[NAMES.probabilities] as OrtTensor);
  }

  async step(x: Matrix, y: Matrix, learningRate: number, trace: boolean): Promise<EngineStep> {
    const { ort } = this.cache;
    if (this.packed && !trace) return this.packedStep(x, y, learningRate);
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
      commit: () => {
        this.params = next;
      },
      // Runtime CPU tensors are garbage collected: dropping the references is the release.
      discard: () => undefined,
    };
  }

  /** An untraced step on the packed step graph: the candidate parameters are views of its one output. */
  private async packedStep(x: Matrix, y: Matrix, learningRate: number): Promise<EngineStep> {
    const { ort } = this.cache;
    const { dtype, sizes } = this.spec;
    const out = await this.run('packed', {
      [NAMES.x]: toTensor(ort, x),
      [NAMES.y]: toTensor(ort, y),
      [NAMES.lr]: this.lrTensor(learningRate),
    });
    const packed = (out[PACKED_STEP_OUTPUT] as OrtTensor).data as Float32Array | Float64Array;
    const next: Record<string, OrtTensor> = {};
    let at = 0;
    for (let l = 1; l <= this.layers; l++) {
      const [k, n] = [sizes[l - 1] as number, sizes[l] as number];
      next[weight(l)] = new ort.Tensor(dtype, packed.subarray(at, at + k * n), [k, n]);
      next[bias(l)] = new ort.Tensor(dtype, packed.subarray(at + k * n, at + k * n + n), [1, n]);
      at += k * n + n;
    }
    return {
      loss: packed[at] as number,
      // The loss is the last element, so this covers it and every element of the candidate.
      finite: firstNonFinite(packed) === -1,
      readUpdate: () => paramsOf(next, this.layers),
      commit: () => {
        this.params = next;
      },
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
    for (let l = 1; l <= this.layers; l++) {
      feeds[startWeight(l)] = this.params[weight(l)] as OrtTensor;
      feeds[startBias(l)] = this.params[bias(l)] as OrtTensor;
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
      commit: () => {
        this.params = next;
      },
      discard: () => undefined,
    };
  }

  readParams(): Params {
    return paramsOf(this.params, this.layers);
  }

  writeParams(params: Params): void {
    this.params = paramTensors(this.cache.ort, params);
  }

  release(): void {
    this.params = {};
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
    // A loop, not an object spread: in Node 20 a spread in this hot path goes to the slow runtime path.
    for (const name in this.params) feeds[name] = this.params[name] as OrtTensor;
    return session.run(feeds);
  }
}
