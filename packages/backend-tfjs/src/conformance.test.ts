import { describeConformance } from '@onegrad/conformance/vitest';
import { createTfjsBackend } from './index.js';

// The shared suite on both tfjs backends that run in Node; each hands its parameters to the other in the
// switch cases. float64 is not run: tfjs computes in float32 only, and the backend declares just that.
const cpu = { name: 'tfjs-cpu', create: () => createTfjsBackend({ tfBackend: 'cpu' }) };
// XNNPACK's sigmoid returns 0 below z ≈ -87.3 instead of a subnormal: the suite allows flush-to-zero there.
const wasm = {
  name: 'tfjs-wasm',
  create: () => createTfjsBackend({ tfBackend: 'wasm' }),
  flushesSubnormals: true,
};

describeConformance(cpu, { partner: wasm });
describeConformance(wasm, { partner: cpu });
