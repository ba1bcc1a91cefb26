import { useEffect, useRef } from 'preact/hooks';
import type { Dataset } from '../../lib/datasets.js';
import { type BoundaryGrid, GRID_SIZE } from '../boundary-grid.js';

const SIZE = 240;

// Output 0 is drawn blue, 1 orange, 0.5 white: the boundary is where the colours meet.
function colour(v: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, v));
  const [lo, hi] = [
    [37, 99, 235],
    [234, 88, 12],
  ] as const;
  const side = t < 0.5 ? lo : hi;
  const k = Math.abs(t - 0.5) * 2 * 0.75;
  return [255 + (side[0] - 255) * k, 255 + (side[1] - 255) * k, 255 + (side[2] - 255) * k];
}

/** The network's output over the plane as a heat map, with the training points on top. */
export function BoundaryView({ grid, data }: { grid: BoundaryGrid | undefined; data: Dataset }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !grid) return;
    const img = ctx.createImageData(GRID_SIZE, GRID_SIZE);
    for (let i = 0; i < GRID_SIZE * GRID_SIZE; i++) {
      const [r, g, b] = colour(grid.values[i] as number);
      img.data[i * 4] = r;
      img.data[i * 4 + 1] = g;
      img.data[i * 4 + 2] = b;
      img.data[i * 4 + 3] = 255;
    }
    const tile = document.createElement('canvas');
    tile.width = tile.height = GRID_SIZE;
    tile.getContext('2d')?.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tile, 0, 0, SIZE, SIZE);
    const [x0, x1, y0, y1] = grid.extent;
    data.points.forEach(([px, py], i) => {
      ctx.beginPath();
      ctx.arc(
        ((px - x0) / (x1 - x0)) * SIZE,
        ((y1 - py) / (y1 - y0)) * SIZE,
        data.points.length > 10 ? 3.5 : 6,
        0,
        2 * Math.PI,
      );
      ctx.fillStyle = data.labels[i] ? '#c2410c' : '#1d4ed8';
      ctx.fill();
      ctx.strokeStyle = 'white';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    });
  }, [grid, data]);
  return (
    <section class="panel boundary" aria-labelledby="boundary-h">
      <h2 id="boundary-h">Decision boundary</h2>
      <canvas ref={ref} width={SIZE} height={SIZE} role="img" aria-label="network output over the plane" />
      <p class="help">Colour is the output A: blue near 0, orange near 1; dots are the training points.</p>
    </section>
  );
}
