import type {
  Backend,
  BackendInfo,
  Batch,
  DType,
  Matrix,
  NetworkSpec,
  Params,
  StepOptions,
  StepResult,
  TrainingSession,
  TrainOptions,
  TrainResult,
} from '@onegrad/core';
import * as core from '@onegrad/core';
import type { Page } from 'playwright-core';
import { HOST_GLOBAL, type PageCall, type PageError, type PageReply } from './wire.js';

/** Core's error classes by name, so a page error is rethrown in Node as the class the page threw. */
const ERROR_CLASSES: Readonly<Record<string, new (parameter: string, message: string) => Error>> = {
  ShapeError: core.ShapeError,
  NonFiniteError: core.NonFiniteError,
  TargetRangeError: core.TargetRangeError,
  EmptyBatchError: core.EmptyBatchError,
  LearningRateError: core.LearningRateError,
  SpecError: core.SpecError,
  UnsupportedDTypeError: core.UnsupportedDTypeError,
  DisposedError: core.DisposedError,
  DivergenceError: core.DivergenceError,
  OptionError: core.OptionError,
  StepCountError: core.StepCountError,
  CapacityError: core.CapacityError,
  EngineError: core.EngineError,
  BackendInitError: core.BackendInitError,
  BackendOptionError: core.BackendOptionError,
};

/** Sends calls to the page one after another, so they reach it, and settle, in the order made. */
export class PageChannel {
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  constructor(private readonly page: Page) {}

  /** A fresh id for a backend created in the page. */
  newId(): number {
    return this.nextId++;
  }

  /** Calls `method` on page object `id`; the arguments are copied now, when the call is made. */
  call(id: number, method: string, args: readonly unknown[] = []): Promise<unknown> {
    const message: PageCall = { id, method, args: copyNow(args) };
    const reply = this.tail.then(() =>
      this.page.evaluate(
        ([name, m]) =>
          (globalThis as unknown as Record<string, { call(c: unknown): Promise<unknown> }>)[name]?.call(
            m,
          ) as Promise<PageReply>,
        [HOST_GLOBAL, message] as const,
      ),
    );
    this.tail = reply.catch(() => undefined);
    return reply.then((r) => {
      if (!r.ok) throw rethrown(r.error);
      return r.value;
    });
  }
}

/** A backend whose engine runs in the page: every call is forwarded, with its matrices as typed arrays. */
export function remoteBackend(channel: PageChannel, engine: string, info: BackendInfo): Backend {
  const id = channel.newId();
  const created = channel.call(id, 'create', [engine]);
  created.catch(() => undefined);
  return {
    info,
    init: async () => {
      await created;
      await channel.call(id, 'init');
    },
    createSession: async (spec: NetworkSpec, params: Params) => {
      const s = (await channel.call(id, 'createSession', [spec, params])) as {
        id: number;
        spec: NetworkSpec;
        backend: BackendInfo;
      };
      return remoteSession(channel, s.id, s.spec, s.backend);
    },
    dispose: async () => {
      await channel.call(id, 'dispose');
    },
  };
}

/** A session living in the page, seen through the channel. */
function remoteSession(
  channel: PageChannel,
  id: number,
  spec: NetworkSpec,
  backend: BackendInfo,
): TrainingSession {
  return {
    spec,
    backend,
    forward: (x: Matrix) => channel.call(id, 'forward', [x]) as Promise<Matrix>,
    step: (batch: Batch, options: StepOptions) =>
      channel.call(id, 'step', [batch, options]) as Promise<StepResult>,
    train: (batch: Batch, options: TrainOptions) =>
      channel.call(id, 'train', [batch, options]) as Promise<TrainResult>,
    getParams: () => channel.call(id, 'getParams') as Promise<Params>,
    setParams: async (params: Params) => {
      await channel.call(id, 'setParams', [params]);
    },
    dispose: () => {
      // dispose() is synchronous in the contract; the page disposes before any later call reaches it.
      channel.call(id, 'dispose').catch(() => undefined);
    },
  };
}

/** A deep copy of the arguments taken at call time (the contract: inputs are read when the call is made). */
function copyNow(args: readonly unknown[]): unknown[] {
  try {
    return structuredClone([...args]);
  } catch {
    return [...args];
  }
}

/** The page's error as the same class in Node (core's classes by name), with the page's message. */
function rethrown(error: PageError): Error {
  const Class = ERROR_CLASSES[error.name];
  const e =
    Class === core.DivergenceError
      ? new core.DivergenceError(error.parameter ?? '', '', {
          ...(error.step === undefined ? {} : { step: error.step }),
          ...(error.losses === undefined ? {} : { losses: error.losses }),
        })
      : Class
        ? new Class(error.parameter ?? '', '')
        : new Error();
  e.message = error.message;
  if (!Class) e.name = error.name;
  return e;
}

/** The dtypes of a page backend's info, as core's. */
export function dtypesOf(dtypes: readonly string[]): DType[] {
  return dtypes.filter((d): d is DType => (core.DTYPES as readonly string[]).includes(d));
}
