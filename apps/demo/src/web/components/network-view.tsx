import type { NetworkSpec, Params } from '@onegrad/core';
import { fmt } from '../format.js';

const W = 320;
const H = 220;

/** The network's units as circles and its weights as lines: orange positive, blue negative, width |w|. */
export function NetworkView({ spec, params }: { spec: NetworkSpec; params: Params | undefined }) {
  const sizes = spec.sizes;
  const x = (l: number) => 24 + (l * (W - 48)) / (sizes.length - 1);
  const y = (l: number, i: number) => {
    const n = sizes[l] as number;
    const gap = Math.min(64, (H - 30) / n);
    return H / 2 + (i - (n - 1) / 2) * gap;
  };
  const weights = (params ?? []).flatMap((p) => Array.from(p.W.data, Math.abs));
  const max = Math.max(1e-9, ...weights);
  // Small networks get their weights written on the lines, as in the seed.
  const label = weights.length <= 12;
  return (
    <section class="panel network" aria-labelledby="net-h">
      <h2 id="net-h">Weights</h2>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`network ${sizes.join('-')}`}>
        {params?.map((p, l) =>
          Array.from(p.W.data, (w, k) => {
            const i = Math.floor(k / p.W.cols);
            const j = k % p.W.cols;
            const [x1, y1, x2, y2] = [x(l), y(l, i), x(l + 1), y(l + 1, j)];
            // Labels of the edges leaving one unit sit at different fractions of their length, spread by
            // target, so that labels of diverging (and converging) edges do not meet.
            const t = 0.22 + (0.56 * j) / Math.max(1, p.W.cols - 1);
            return (
              <g key={`${l}-${k}`}>
                <line
                  x1={x1}
                  y1={y1}
                  x2={x2}
                  y2={y2}
                  stroke={w >= 0 ? '#ea580c' : '#2563eb'}
                  stroke-width={0.75 + (5 * Math.abs(w)) / max}
                  stroke-opacity={0.7}
                >
                  <title>{`W${l + 1}[${i},${j}] = ${fmt(w, 6)}`}</title>
                </line>
                {label && (
                  <text
                    x={x1 + (x2 - x1) * t}
                    y={y1 + (y2 - y1) * t - 4}
                    text-anchor="middle"
                    data-testid="weight-label"
                  >
                    {fmt(w, 3)}
                  </text>
                )}
              </g>
            );
          }),
        )}
        {sizes.map((n, l) =>
          Array.from({ length: n }, (_, i) => {
            const b = l > 0 ? params?.[l - 1]?.b.data[i] : undefined;
            return (
              <circle key={`${l}-${i}`} cx={x(l)} cy={y(l, i)} r={9} class="unit">
                <title>{b === undefined ? `input x${i + 1}` : `b${l}[${i}] = ${fmt(b, 6)}`}</title>
              </circle>
            );
          }),
        )}
      </svg>
      <p class="help">Orange positive, blue negative, width |w|; hover a line or unit for its value.</p>
    </section>
  );
}
