// Register blocks for backend-ts's gemm on W2's two large products (256x64 by 64x128 forward, and
// dW1 = X^T dZ1, 64x256 by 256x128): the same kernel with R x C blocks, each output summed in the same
// order, best of 5 rounds.   node bench/scripts/gemm-blocks.mjs
function kernel(R, C) {
  const acc = (r, c) => `c${r}${c}`;
  const lines = [`const MR = M - (M % ${R}), NR = N - (N % ${C});`];
  lines.push(`for (let i = 0; i < MR; i += ${R}) for (let j = 0; j < NR; j += ${C}) {`);
  for (let c = 0; c < C; c++) lines.push(`const z${c} = bias ? bias[j + ${c}] : 0;`);
  for (let r = 0; r < R; r++)
    lines.push(`let ${Array.from({ length: C }, (_, c) => `${acc(r, c)} = z${c}`).join(', ')};`);
  lines.push('let pa = i * ar, pb = j * bc;');
  lines.push('for (let k = 0; k < K; k++, pa += ac, pb += br) {');
  for (let r = 0; r < R; r++) lines.push(`const a${r} = a[pa + ${r} * ar];`);
  for (let c = 0; c < C; c++) {
    lines.push(`const b${c} = b[pb + ${c} * bc];`);
    for (let r = 0; r < R; r++) lines.push(`${acc(r, c)} += a${r} * b${c};`);
  }
  lines.push('}', 'let o = i * N + j;');
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) lines.push(`out[o + ${c}] = alpha * ${acc(r, c)};`);
    lines.push('o += N;');
  }
  lines.push('}');
  lines.push(
    'for (let i = 0; i < M; i++) for (let j = i < MR ? NR : 0; j < N; j++) {',
    'let s = bias ? bias[j] : 0;',
    'for (let k = 0, pa = i * ar, pb = j * bc; k < K; k++, pa += ac, pb += br) s += a[pa] * b[pb];',
    'out[i * N + j] = alpha * s; }',
  );
  return new Function(
    'M',
    'N',
    'K',
    'a',
    'ar',
    'ac',
    'b',
    'br',
    'bc',
    'out',
    'alpha',
    'bias',
    lines.join('\n'),
  );
}

const random = (n) => Float32Array.from({ length: n }, (_, i) => Math.sin(i) / 2);
const X = random(256 * 64);
const W = random(64 * 128);
const dZ = random(256 * 128);
const bias = random(128);
const Z = new Float32Array(256 * 128);
const dW = new Float32Array(64 * 128);
const products = {
  'forward 256x64x128': (g) => g(256, 128, 64, X, 64, 1, W, 128, 1, Z, 1, bias),
  'dW1 64x256x128': (g) => g(64, 128, 256, X, 1, 64, dZ, 128, 1, dW, 1 / 256),
};
const blocks = [
  [4, 4],
  [4, 3],
  [3, 4],
  [2, 4],
  [4, 2],
  [2, 8],
  [2, 2],
  [1, 4],
];
const best = new Map();
for (let round = 0; round < 5; round++) {
  for (const [R, C] of blocks) {
    const g = kernel(R, C);
    for (const [name, run] of Object.entries(products)) {
      for (let i = 0; i < 10; i++) run(g);
      const start = performance.now();
      for (let i = 0; i < 50; i++) run(g);
      const key = `${R}x${C} ${name}`;
      best.set(key, Math.min(best.get(key) ?? Infinity, (performance.now() - start) / 50));
    }
  }
}
for (const name of Object.keys(products)) {
  const flops = name.startsWith('forward') ? 2 * 256 * 64 * 128 : 2 * 64 * 256 * 128;
  const row = blocks.map(([R, C]) => {
    const ms = best.get(`${R}x${C} ${name}`);
    return `${R}x${C} ${ms.toFixed(3)} ms (${(flops / ms / 1e6).toFixed(2)} GFLOP/s)`;
  });
  console.log(`${name}: ${row.join(', ')}`);
}
