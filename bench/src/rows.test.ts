import { describe, expect, it } from 'vitest';
import { allRows, browserRows, demoRows, filterRows } from './rows.js';
import { rowId } from './types.js';
import { workloadById, workloadData, workloadSpec } from './workloads.js';

describe('filterRows', () => {
  it('keeps every row without a filter', () => {
    // W1-W4 on all 12 variants, W5 on all but brain.js; W1 again on the 6 onegrad variants with many
    // steps per call; W2, W3 and W5 again on the 4 onnxruntime variants with two threads.
    expect(filterRows(allRows(), undefined)).toHaveLength(59 + 6 + 3 * 4);
  });

  it('plans W5 on every onegrad backend and dtype, tfjs Layers, the plain loop and the floor', () => {
    expect(filterRows(allRows(), 'W5').map(rowId)).toEqual([
      'W5/onegrad-ts/js/float32',
      'W5/onegrad-ts/js/float64',
      'W5/onegrad-tfjs/tfjs-cpu/float32',
      'W5/onegrad-tfjs/tfjs-wasm/float32',
      'W5/onegrad-onnx/ort-cpu/float32',
      'W5/onegrad-onnx/ort-cpu/float64',
      'W5/tfjs-layers/tfjs-cpu/float32',
      'W5/tfjs-layers/tfjs-wasm/float32',
      'W5/plain-loop/js/float32',
      'W5/ort-gemm-floor/ort-cpu/float32',
      'W5/ort-gemm-floor/ort-cpu/float64',
      'W5/onegrad-onnx/ort-cpu/float32/t2',
      'W5/onegrad-onnx/ort-cpu/float64/t2',
      'W5/ort-gemm-floor/ort-cpu/float32/t2',
      'W5/ort-gemm-floor/ort-cpu/float64/t2',
    ]);
  });

  it('ands terms joined by + and ors comma-separated alternatives', () => {
    const picked = filterRows(allRows(), 'W1+onnx,W2+ts+float64').map(rowId);
    expect(picked).toEqual([
      'W1/onegrad-onnx/ort-cpu/float32',
      'W1/onegrad-onnx/ort-cpu/float64',
      'W1/onegrad-onnx/ort-cpu/float32/k1000',
      'W1/onegrad-onnx/ort-cpu/float64/k1000',
      'W2/onegrad-ts/js/float64',
    ]);
  });
});

describe('browserRows', () => {
  it('plans every workload on ts, onnx-web and tfjs wasm and webgl in Chromium, and W1 at 1000 steps a call', () => {
    const rows = browserRows();
    expect(rows).toHaveLength(5 * 6 + 6);
    expect(rows.every((r) => r.runtime === 'chromium')).toBe(true);
    expect(filterRows(rows, 'W1+k1000').map(rowId)).toEqual([
      'W1/onegrad-ts/js/float32/k1000/chromium',
      'W1/onegrad-ts/js/float64/k1000/chromium',
      'W1/onegrad-tfjs/tfjs-wasm/float32/k1000/chromium',
      'W1/onegrad-tfjs/tfjs-webgl/float32/k1000/chromium',
      'W1/onegrad-onnx/ort-wasm/float32/k1000/chromium',
      'W1/onegrad-onnx/ort-wasm/float64/k1000/chromium',
    ]);
  });
});

describe('demoRows', () => {
  it('plans the demo page on the seed net for ts, onnx-web and both tfjs engines, picked by --filter W1 or demo-page', () => {
    const ids = [
      'W1/demo-page/js/float32/chromium',
      'W1/demo-page/ort-wasm/float32/chromium',
      'W1/demo-page/tfjs-webgl/float32/chromium',
      'W1/demo-page/tfjs-wasm/float32/chromium',
    ];
    expect(demoRows().map(rowId)).toEqual(ids);
    expect(filterRows(demoRows(), 'W1').map(rowId)).toEqual(ids);
    expect(filterRows(demoRows(), 'demo+ort').map(rowId)).toEqual([ids[1]]);
    expect(filterRows(demoRows(), 'demo+tfjs').map(rowId)).toEqual([ids[2], ids[3]]);
    expect(filterRows(demoRows(), 'W3')).toEqual([]);
  });
});

describe('W5', () => {
  it('is 784-256-10, relu then softmax, cce, batch 128, on one-hot targets', () => {
    const w = workloadById('W5');
    expect(workloadSpec(w, 'float32')).toEqual({
      sizes: [784, 256, 10],
      loss: 'cce',
      dtype: 'float32',
      activations: ['relu', 'softmax'],
    });
    expect(workloadSpec(workloadById('W3'), 'float32')).not.toHaveProperty('activations');
    const { x, y } = workloadData(w, 'float64');
    expect([x.rows, x.cols, y.rows, y.cols]).toEqual([128, 784, 128, 10]);
    for (let i = 0; i < y.rows; i++) {
      const row = Array.from(y.data.subarray(i * 10, (i + 1) * 10));
      expect(row.filter((v) => v === 1)).toHaveLength(1);
      expect(row.reduce((a, b) => a + b, 0)).toBe(1);
    }
  });
});
