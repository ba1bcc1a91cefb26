import { layerCount, type NetworkSpec, SpecError } from '@onegrad/core';

/**
 * The deepest network backend-onnx compiles: 256 layers. ONNX Runtime's graph optimiser takes time
 * superlinear in the depth and blocks the event loop while it runs (measured first steps of a
 * [2, ..., 2, 1] network: 0.6 s at 100 layers, 1.2 s at 200, 5.1 s at 500, 17 s at 1000), so deeper
 * specs are refused with SpecError before anything is compiled.
 */
export const MAX_ONNX_LAYERS = 256;

/** Throws SpecError naming `spec.sizes` when `spec` is deeper than {@link MAX_ONNX_LAYERS}. */
export function assertCompilableDepth(spec: NetworkSpec): void {
  const L = layerCount(spec);
  if (L > MAX_ONNX_LAYERS) {
    throw new SpecError(
      'spec.sizes',
      `${L} layers is deeper than backend-onnx compiles (MAX_ONNX_LAYERS = ${MAX_ONNX_LAYERS}): ONNX Runtime's compile time grows faster than the depth`,
    );
  }
}
