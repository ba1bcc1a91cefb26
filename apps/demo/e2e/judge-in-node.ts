import { judgeStep } from '@onegrad/conformance/judge';
import type { Batch, DType } from '@onegrad/core';
import type { Page } from 'playwright-core';
import type { TracedStep } from '../src/lib/traced-step.js';
import type { DemoController } from '../src/web/controller.js';

/** The page's read-only handle, as main.tsx installs it. */
export type DemoWindow = Window & { onegradDemo: DemoController };

// A matrix's `data` back in the network's dtype: float32 values are exact in a double, nothing is lost.
function revive(v: unknown, dtype: DType, key = ''): unknown {
  if (key === 'data' && Array.isArray(v))
    return dtype === 'float32' ? Float32Array.from(v) : Float64Array.from(v);
  if (Array.isArray(v)) return v.map((e) => revive(e, dtype));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, revive(e, dtype, k)]));
  return v;
}

/**
 * Judges here, in Node, a traced step the page took (switch `index`'s first step, or with -1 the step on
 * display), with the page's own network and batch: the error model decides, not a tolerance of the test.
 */
export async function judgeInNode(page: Page, index: number) {
  const taken = await page.evaluate((i) => {
    // Typed arrays go to Node as plain arrays of doubles, which hold float32 and float64 values exactly.
    const plain = (v: unknown): unknown =>
      ArrayBuffer.isView(v)
        ? Array.from(v as Float32Array)
        : Array.isArray(v)
          ? v.map(plain)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, e]) => [k, plain(e)]))
            : v;
    const t = (window as unknown as DemoWindow).onegradDemo.trainer!;
    const traced = i < 0 ? t.lastTraced : t.switches[i]?.firstStep;
    return {
      spec: t.spec,
      batch: plain(t.batch),
      traced: plain(traced),
      shown: t.switches[i]?.firstStep?.pass,
    };
  }, index);
  const dtype = taken.spec.dtype;
  const traced = revive(taken.traced, dtype) as TracedStep;
  const batch = revive(taken.batch, dtype) as Batch;
  const verdict = judgeStep(
    { spec: taken.spec, params: traced.params, batch, learningRate: traced.learningRate },
    traced.result,
  );
  return { verdict, backend: traced.backend, shown: taken.shown };
}
