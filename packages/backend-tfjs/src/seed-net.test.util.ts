import { fromRows, type LossName, type NetworkSpec, type Params } from '@onegrad/core';

/** The seed's network: 2 inputs, 2 hidden, 1 output, with fixed weights (W is inputs x units). */
export function seedNet(loss: LossName) {
  const spec: NetworkSpec = { sizes: [2, 2, 1], loss, dtype: 'float32' };
  const params: Params = [
    {
      W: fromRows(
        [
          [0.5, 0.125],
          [-0.25, 0.75],
        ],
        'float32',
      ),
      b: fromRows([[0.25, -0.5]], 'float32'),
    },
    { W: fromRows([[1.5], [-2]], 'float32'), b: fromRows([[0.125]], 'float32') },
  ];
  const batch = {
    x: fromRows(
      [
        [1, 1],
        [0, 0],
      ],
      'float32',
    ),
    y: fromRows([[1], [0]], 'float32'),
  };
  return { spec, params, batch };
}

/** The seed's step in plain float64 numbers, one loop per formula, for checking the engine by hand. */
export function seedByHand(loss: LossName, lr: number) {
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const X = [
    [1, 1],
    [0, 0],
  ];
  const Y = [1, 0];
  const W1 = [
    [0.5, 0.125],
    [-0.25, 0.75],
  ];
  const b1 = [0.25, -0.5];
  const W2 = [1.5, -2];
  const b2 = 0.125;
  const Z1 = X.map((x) => [0, 1].map((j) => x[0]! * W1[0]![j]! + x[1]! * W1[1]![j]! + b1[j]!));
  const A1 = Z1.map((r) => r.map(sig));
  const Z2 = A1.map((a) => a[0]! * W2[0]! + a[1]! * W2[1]! + b2);
  const A2 = Z2.map(sig);
  const l = A2.map((a, i) =>
    loss === 'bce' ? -(Y[i]! * Math.log(a) + (1 - Y[i]!) * Math.log(1 - a)) : (a - Y[i]!) ** 2,
  );
  const J = (l[0]! + l[1]!) / 2;
  const dA2 = A2.map((a, i) => (loss === 'bce' ? (a - Y[i]!) / (a * (1 - a)) : 2 * (a - Y[i]!)));
  const dZ2 = A2.map((a, i) => (loss === 'bce' ? a - Y[i]! : dA2[i]! * a * (1 - a)));
  const dW2 = [0, 1].map((k) => (A1[0]![k]! * dZ2[0]! + A1[1]![k]! * dZ2[1]!) / 2);
  const db2 = (dZ2[0]! + dZ2[1]!) / 2;
  const dA1 = dZ2.map((d) => W2.map((w) => d * w));
  const dZ1 = dA1.map((r, i) => r.map((d, j) => d * A1[i]![j]! * (1 - A1[i]![j]!)));
  const dW1 = [0, 1].map((k) => [0, 1].map((j) => (X[0]![k]! * dZ1[0]![j]! + X[1]![k]! * dZ1[1]![j]!) / 2));
  const db1 = [0, 1].map((j) => (dZ1[0]![j]! + dZ1[1]![j]!) / 2);
  return {
    J,
    layers: [
      { z: Z1.flat(), a: A1.flat(), dA: dA1.flat(), dZ: dZ1.flat(), dW: dW1.flat(), db: db1 },
      { z: Z2, a: A2, dA: dA2, dZ: dZ2, dW: dW2, db: [db2] },
    ],
    W1: W1.flat().map((w, k) => w - lr * dW1.flat()[k]!),
    W2: W2.map((w, k) => w - lr * dW2[k]!),
  };
}
