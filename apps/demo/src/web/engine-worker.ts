/// <reference lib="webworker" />
import { BackendPool } from '../lib/backend-pool.js';
import { Trainer } from '../lib/trainer.js';
import type { EngineCalls, EngineReply, EngineRequest, RunState } from './engine-protocol.js';
import { WEB_BACKENDS } from './web-backends.js';

// The engines live here, off the page's thread: loading ONNX Runtime's WebAssembly or compiling WebGL
// programs, training, and judging a switch's first step against the 50-digit reference never block the page.
const pool = new BackendPool(WEB_BACKENDS);
const runs = new Map<number, { trainer: Trainer; sent: number; traced: unknown }>();
let next = 1;

function runOf(run: number) {
  const found = runs.get(run);
  if (!found) throw new Error(`no training run ${run} (disposed?)`);
  return found;
}

function stateOf(run: number): RunState {
  const r = runOf(run);
  const t = r.trainer;
  const from = r.sent;
  r.sent = t.history.length;
  const traced = t.lastTraced !== r.traced ? t.lastTraced : undefined;
  r.traced = t.lastTraced;
  return {
    run,
    backendId: t.backendId,
    backend: { name: t.active.backend.name, engine: t.active.backend.engine },
    trainRate: t.trainRate,
    historyFrom: from,
    history: t.history.slice(from),
    switches: t.switches,
    ...(traced ? { lastTraced: traced } : {}),
  };
}

const calls: {
  [K in keyof EngineCalls]: (...args: Parameters<EngineCalls[K]>) => Promise<ReturnType<EngineCalls[K]>>;
} = {
  async start(id, spec, batch, params) {
    const trainer = await Trainer.start(pool, id, spec, batch, params);
    const run = next++;
    runs.set(run, { trainer, sent: 0, traced: undefined });
    return stateOf(run);
  },
  async step(run, learningRate, trace) {
    const result = await runOf(run).trainer.step(learningRate, trace);
    return { result, state: stateOf(run) };
  },
  async train(run, learningRate, steps) {
    const losses = await runOf(run).trainer.train(learningRate, steps);
    return { losses, state: stateOf(run) };
  },
  async switchTo(run, id) {
    const record = await runOf(run).trainer.switchTo(id);
    return { record, state: stateOf(run) };
  },
  async setParams(run, params) {
    await runOf(run).trainer.setParams(params);
    return stateOf(run);
  },
  getParams: (run) => runOf(run).trainer.getParams(),
  forward: (run, x) => runOf(run).trainer.active.forward(x),
  measure: (run, learningRate, seconds) => runOf(run).trainer.measure(learningRate, seconds),
  async dispose(run) {
    runs.get(run)?.trainer.dispose();
    runs.delete(run);
  },
};

self.onmessage = async (e: MessageEvent<EngineRequest>) => {
  const { id, method, args } = e.data;
  let reply: EngineReply;
  try {
    const call = calls[method] as (...a: readonly unknown[]) => Promise<unknown>;
    reply = { id, ok: true, value: await call(...args) };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    reply = { id, ok: false, name: error.name, message: error.message };
  }
  self.postMessage(reply);
};
