// Measures whether a WebGPU engine can run in this page: the adapter Chromium offers, the engine
// starting on it, and whether the onegrad backend accepts it. Resolves with the reason it cannot run.
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import * as tf from '@tensorflow/tfjs-core';

interface GpuAdapterLike {
  readonly features: { has(name: string): boolean };
  readonly info?: { vendor?: string; architecture?: string; description?: string };
}

/** The adapter `navigator.gpu` gives, described, or why there is none. */
async function adapter(): Promise<{ text: string } | { reason: string }> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return { reason: 'navigator.gpu is undefined (no WebGPU in this browser)' };
  const a = await gpu.requestAdapter();
  if (!a) return { reason: 'navigator.gpu.requestAdapter() returned null (no WebGPU adapter)' };
  const info = a.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unnamed';
  return { text: `adapter ${name}, shader-f16 ${a.features.has('shader-f16') ? 'yes' : 'no'}` };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Why the tfjs or ONNX Runtime WebGPU engine cannot run here, or undefined when it can. */
export async function probeWebGpu(engine: 'tfjs' | 'onnx'): Promise<string | undefined> {
  const found = await adapter();
  if ('reason' in found) return found.reason;
  if (engine === 'onnx')
    return `${found.text}; @onegrad/backend-onnx/web's createOnnxWebBackend has no option selecting onnxruntime-web's webgpu execution provider (its sessions run on wasm)`;
  let started: string;
  try {
    await import('@tensorflow/tfjs-backend-webgpu');
    started = (await tf.setBackend('webgpu'))
      ? 'tfjs-backend-webgpu starts on it (tf.setBackend("webgpu") is true)'
      : 'tfjs-backend-webgpu does not start on it (tf.setBackend("webgpu") is false)';
  } catch (e) {
    return `${found.text}; tfjs-backend-webgpu failed to start: ${messageOf(e)}`;
  }
  try {
    const backend = createTfjsBackend({ tfBackend: 'webgpu' as 'webgl' });
    await backend.init();
    await backend.dispose();
    return undefined;
  } catch (e) {
    return `${found.text}; ${started}; @onegrad/backend-tfjs refuses it: ${messageOf(e)}`;
  }
}
