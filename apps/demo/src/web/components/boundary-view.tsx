import { useEffect, useRef } from 'preact/hooks';
import type { Dataset } from '../../lib/datasets.js';
import { type BoundaryGrid, GRID_SIZE } from '../boundary-grid.js';

const SIZE = 240;
/** Class colours: blue, orange, green. */
const CLASSES: readonly (readonly [number, number, number])[] = [
  [37, 99, 235],
  [234, 88, 12],
  [22, 163, 74],
];
const DOTS = ['#1d4ed8', '#c2410c', '#15803d'];

// One output: 0 is drawn blue, 1 orange, 0.5 white. One per class: the likeliest class's colour, paler
// where the network is less sure.
function colour(values: ArrayLike<number>, cell: number, outputs: number): [number, number, number] {
  let side: readonly [number, number, number];
  let k: number;
  if (outputs === 1) {
    const t = Math.min(1, Math.max(0, values[cell] as number));
    side = (t < 0.5 ? CLASSES[0] : CLASSES[1]) as [number, number, number];
    k = Math.abs(t - 0.5) * 2 * 0.75;
  } else {
    let best = 0;
    for (let j = 1; j < outputs; j++)
      if ((values[cell * outputs + j] as number) > (values[cell * outputs + best] as number)) best = j;
    side = CLASSES[best % CLASSES.length] as [number, number, number];
    const p = values[cell * outputs + best] as number;
    k = Math.max(0, (p - 1 / outputs) / (1 - 1 / outputs)) * 0.75;
  }
  return [255 + (side[0] - 255) * k, 255 + (side[1] - 255) * k, 255 + (side[2] - 255) * k];
}

/** Props of {@link BoundaryView}. */
export interface BoundaryViewProps {
  readonly grid: BoundaryGrid | undefined;
  readonly data: Dataset;
  /** Called with a click's plane position, the class to add and the radius that counts as "on a point". */
  readonly onEdit?: (x1: number, x2: number, label: number, radius: number) => void;
  readonly disabled?: boolean;
}

/** The network's output over the plane as a heat map, with the training points on top; click to edit. */
export function BoundaryView({ grid, data, onEdit, disabled }: BoundaryViewProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const many = data.points.length > 10;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !grid) return;
    const img = ctx.createImageData(GRID_SIZE, GRID_SIZE);
    for (let i = 0; i < GRID_SIZE * GRID_SIZE; i++) {
      const [r, g, b] = colour(grid.values, i, grid.outputs);
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
      ctx.arc(((px - x0) / (x1 - x0)) * SIZE, ((y1 - py) / (y1 - y0)) * SIZE, many ? 3.5 : 6, 0, 2 * Math.PI);
      ctx.fillStyle = DOTS[data.labels[i] ?? 0] ?? '#000';
      ctx.fill();
      ctx.strokeStyle = 'white';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    });
  }, [grid, data]);
  const click = (e: MouseEvent) => {
    const canvas = ref.current;
    if (!canvas || !grid || !onEdit || disabled) return;
    const box = canvas.getBoundingClientRect();
    const [x0, x1, y0, y1] = grid.extent;
    const fx = (e.clientX - box.left) / box.width;
    const fy = (e.clientY - box.top) / box.height;
    // Shift-click (or a right click) adds the other class; a point within 8 px is removed instead.
    const label = e.shiftKey || e.button === 2 ? 1 : 0;
    onEdit(x0 + fx * (x1 - x0), y1 - fy * (y1 - y0), label, (8 / box.width) * (x1 - x0));
  };
  return (
    <section class="panel boundary" aria-labelledby="boundary-h">
      <h2 id="boundary-h">Decision boundary</h2>
      <canvas
        ref={ref}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label="network output over the plane; click to add a point, click a point to remove it"
        data-testid="plane"
        onClick={click}
        onContextMenu={(e) => {
          e.preventDefault();
          click(e);
        }}
      />
      <p class="help">
        Colour is the output: blue near class 0, orange near class 1
        {grid && grid.outputs > 2 ? ', green class 2' : ''}. Click adds a class-0 point, shift-click or
        right-click a class-1 point, a click on a point removes it.
      </p>
    </section>
  );
}
