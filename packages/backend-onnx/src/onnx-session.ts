import {
  allocate,
  type EngineStep,
  type EngineTrain,
  layerCount,
  type Matrix,
  type NetworkSpec,
  type Params,
  type SessionEngine,
} from '@onegrad/core';
import {
  bias,
  emittersOf,
  NAMES,
  nextBias,
  nextWeight,
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
 * A network on ONNX Runtime. The parameters live in runtime tensors: each step feeds them to the
 * compiled training graph and a committed step keeps its W<l>_next outputs as the next step's inputs,
 * so nothing is copied into JavaScript matrices unless core reads the parameters or asks for a trace.
 */
export class OnnxSession implements SessionEngine {
  private readonly layers: number;
  private params: ParamTensors;

  constructor(
    private readonly cache: SessionCache,
    private readonly spec: NetworkSpec,
    params: Params,
  ) {
    // A spec without an emitter for one of its activations or its loss is refused before compiling.
    emittersOf(spec);
    this.layers = layerCount(spec);
    this.params = paramTensors(cache.ort, params);
  }

  async forward(x: Matrix): Promise<Matrix> {
    const out = await this.run('forward', { [NAMES.x]: toTensor(this.cache.ort, x) });
    return toMatrix(out[NAMES.probabilities] as OrtTensor);
  }

  async step(x: Matrix, y: Matrix, learningRate: number, trace: boolean): Promise<EngineStep> {
    const { ort } = this.cache;
    const { dtype } = this.spec;
    const out = await this.run(trace ? 'trace' : 'step', {
      [NAMES.x]: toTensor(ort, x),
      [NAMES.y]: toTensor(ort, y),
      [NAMES.lr]: new ort.Tensor(dtype, allocate(dtype, 1).fill(learningRate), []),
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

  async train(x: Matrix, y: Matrix, learningRate: number, steps: number): Promise<EngineTrain> {
    const { ort } = this.cache;
    const { dtype } = this.spec;
    const feeds: Record<string, OrtTensor> = {
      [NAMES.x]: toTensor(ort, x),
      [NAMES.y]: toTensor(ort, y),
      [NAMES.lr]: new ort.Tensor(dtype, allocate(dtype, 1).fill(learningRate), []),
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

  /** Runs graph `kind` of the spec on the current parameters and `feeds`. */
  private async run(kind: GraphKind, feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>> {
    const session = await this.cache.get(this.spec, kind);
    return session.run({ ...this.params, ...feeds });
  }
}
