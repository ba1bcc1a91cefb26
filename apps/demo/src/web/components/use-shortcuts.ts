import { useEffect, useState } from 'preact/hooks';
import type { DemoController } from '../controller.js';

// Keys belong to the field being typed in; a focused button is not typing, so Space stays play/pause there.
const TYPING = 'input:not([type=radio]):not([type=checkbox]):not([type=range]), select, textarea';

/**
 * Space plays or pauses, S takes one step, R resets; ignored while typing in a field. Space on a focused
 * button (the last one clicked) still plays or pauses instead of pressing that button again.
 */
export function useShortcuts(c: DemoController): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || target?.closest(TYPING)) return;
      const key = e.key.toLowerCase();
      if (key === ' ') c.running ? c.pause() : c.play();
      else if (key === 's' && !c.running) void c.step();
      else if (key === 'r') void c.reset();
      else return;
      e.preventDefault();
    };
    // A button activates on Space's keyup: refuse that too, or the focused button fires after the shortcut.
    const onKeyUp = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key === ' ' && target?.closest('button, input[type=radio], input[type=checkbox]'))
        e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [c]);
}

/** True once the page has seen a keyboard (a key press) or the main pointer is a fine one (a mouse). */
export function useHasKeyboard(): boolean {
  const [has, setHas] = useState(() => matchMedia('(pointer: fine)').matches);
  useEffect(() => {
    const seen = () => setHas(true);
    window.addEventListener('keydown', seen, { once: true });
    return () => window.removeEventListener('keydown', seen);
  }, []);
  return has;
}
