/**
 * Runs `start` once the browser has painted the page's static markup: the task after the first
 * animation frame. A page's scripts evaluated before that frame (even preloaded ones) hold its
 * first paint back; a page's own frame in its HTML is painted at once this way (issue 21).
 */
export function afterFirstPaint(start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  // In the task after the frame's callback, not in the callback: loading started there held that
  // frame's paint back (bench/POPUP.md).
  requestAnimationFrame(() => setTimeout(once));
  // A tab opened in the background gets no frames until it is shown, and has nothing to paint yet.
  if (document.visibilityState === 'hidden') once();
}
