import { useEffect } from 'preact/hooks';
import type { DemoController } from '../controller.js';

/** Space plays or pauses, S takes one step, R resets; ignored while typing in a field. */
export function useShortcuts(c: DemoController): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, select, textarea, button')) return;
      const key = e.key.toLowerCase();
      if (key === ' ') c.running ? c.pause() : c.play();
      else if (key === 's' && !c.running) void c.step();
      else if (key === 'r') void c.reset();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [c]);
}
