import type { Impl } from '../types.js';
import { brainjsRunner } from './brainjs.js';
import { onegradRunner } from './onegrad.js';
import { ortGemmFloorRunner } from './ort-gemm-floor.js';
import { plainLoopRunner } from './plain-loop.js';
import type { RunnerFactory } from './runner.js';
import { tfjsLayersRunner } from './tfjs-layers.js';

export { RowSkipped, type Runner, type RunnerFactory } from './runner.js';

/** The runner factory of every implementation but the demo page (which runs itself); each imports its engine only when called. */
export const RUNNERS: Record<Exclude<Impl, 'demo-page'>, RunnerFactory> = {
  'onegrad-ts': onegradRunner,
  'onegrad-tfjs': onegradRunner,
  'onegrad-onnx': onegradRunner,
  'tfjs-layers': tfjsLayersRunner,
  brainjs: brainjsRunner,
  'plain-loop': plainLoopRunner,
  'ort-gemm-floor': ortGemmFloorRunner,
};
