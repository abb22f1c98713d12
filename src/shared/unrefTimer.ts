// A timer that must never keep the process alive (an idle clean-up): Node's timers have unref(),
// the browser's are plain numbers that never hold a page open.

export function unrefTimer<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
