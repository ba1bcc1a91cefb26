import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * Mounts a uPlot chart in the returned ref's element, sized to it, and feeds it `data` on every render.
 * `key` rebuilds the chart when the series change; `height` is in CSS pixels.
 */
export function useUplot(
  options: () => Omit<uPlot.Options, 'width' | 'height'>,
  data: uPlot.AlignedData,
  key: string,
  height = 200,
) {
  const ref = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const size = () => ({ width: Math.max(200, el.clientWidth), height });
    const u = new uPlot({ ...options(), ...size() }, data, el);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize(size()));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
    // The chart is rebuilt only when its series change; data flows in below.
  }, [key]);
  useEffect(() => {
    plot.current?.setData(data);
  });
  return ref;
}
