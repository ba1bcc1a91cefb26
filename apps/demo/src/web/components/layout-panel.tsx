/** The seed's NumPy program, and how each of its arrays maps onto onegrad's row-major layout. */
const SEED_PROGRAM = `X_train = np.asarray([[1,1], [0,0]]).T      # 2 x m: one column per sample
Y_train = np.asarray([[1], [0]]).T          # 1 x m
w1 = np.random.randn(hidden_size, 2) * 0.1  # hidden x 2
b1 = np.zeros((hidden_size, 1))
w2 = np.random.randn(output_size, hidden_size) * 0.1
b2 = np.zeros((output_size, 1))
Z1 = np.dot(w1, X_train) + b1
A1 = sigmoid(Z1)
Z2 = np.dot(w2, A1) + b2
A2 = sigmoid(Z2)
error = (A2 - Y_train)
dA2 = error / (A2 * (1 - A2))
dZ2 = np.multiply(dA2, A2 * (1 - A2))`;

const MAPPING: readonly (readonly [string, string])[] = [
  ['X_train (2 x m)', 'batch.x (m x 2) = X_trainᵀ'],
  ['Y_train (1 x m)', 'batch.y (m x 1) = Y_trainᵀ'],
  ['w1 (hidden x 2)', 'W1 (2 x hidden) = w1ᵀ'],
  ['b1 (hidden x 1)', 'b1 (1 x hidden) = b1ᵀ'],
  ['Z1 = w1 · X_train + b1', 'Z1 = X W1 + b1 (m x hidden) = Z1ᵀ'],
  ['A2, dA2, dZ2 (1 x m)', 'A2, dA2, dZ2 (m x 1), per sample, no 1/m'],
  ['dW2 = dZ2 · A1ᵀ / m', 'dW2 = A1ᵀ dZ2 / m (hidden x 1) = dW2ᵀ'],
];

/** The seed's program beside the mapping to onegrad's layout (rows are samples; the seed's columns are). */
export function LayoutPanel() {
  return (
    <details class="panel layout" data-testid="layout">
      <summary>
        <h2>The seed’s NumPy program and onegrad’s layout</h2>
      </summary>
      <div class="layout-grid">
        <pre data-testid="seed-program">
          <code>{SEED_PROGRAM}</code>
        </pre>
        <table class="mapping" data-testid="mapping">
          <thead>
            <tr>
              <th scope="col">the seed (one column per sample)</th>
              <th scope="col">onegrad (one row per sample)</th>
            </tr>
          </thead>
          <tbody>
            {MAPPING.map(([seed, ours]) => (
              <tr key={seed}>
                <td>
                  <code>{seed}</code>
                </td>
                <td>
                  <code>{ours}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="help">
        Every matrix of onegrad is the transpose of the seed's; the page draws them in the seed's layout. The
        seed's w1 is drawn from NumPy's generator, onegrad's W1 from its random seed, so the numbers differ.
      </p>
    </details>
  );
}
