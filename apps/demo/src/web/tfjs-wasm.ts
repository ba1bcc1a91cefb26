import { createTfjsBackend } from '@onegrad/backend-tfjs';
import type { Backend } from '@onegrad/core';
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let prepared: Promise<void> | undefined;

// tfjs-backend-wasm fetches its .wasm beside its script by default; the build emits them under hashed
// names, so it is told where they are, once per thread and before its backend starts. Both modules are
// imported only then: the page loads nothing of tfjs's WebAssembly until this engine is used.
function prepareTfjsWasm(): Promise<void> {
  prepared ??= Promise.all([import('@tensorflow/tfjs-core'), import('@tensorflow/tfjs-backend-wasm')]).then(
    ([tf, wasm]) => {
      // The page is cross-origin isolated, so tfjs would pick its threaded build, whose pthread workers
      // load the backend's own script by URL: bundled into the engine worker, that script is not there and
      // each pthread throws. The single-threaded SIMD build needs no workers, and a network of this size
      // has no product big enough to share between threads.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      // setWasmPaths asks for every binary's path, the threaded one (never fetched here) included.
      wasm.setWasmPaths({
        'tfjs-backend-wasm.wasm': plain,
        'tfjs-backend-wasm-simd.wasm': simd,
        'tfjs-backend-wasm-threaded-simd.wasm': threaded,
      });
    },
  );
  // A failed import is forgotten, so a later init can try again.
  prepared.catch(() => {
    prepared = undefined;
  });
  return prepared;
}

/** tfjs on its WebAssembly backend (SIMD where the browser has it), its binaries from this origin only. */
export function createTfjsWasmBackend(): Backend {
  const backend = createTfjsBackend({ tfBackend: 'wasm' });
  return {
    get info() {
      return backend.info;
    },
    async init() {
      await prepareTfjsWasm();
      await backend.init();
    },
    createSession: (spec, params) => backend.createSession(spec, params),
    dispose: () => backend.dispose(),
  };
}
