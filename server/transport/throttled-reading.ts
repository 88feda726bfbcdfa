/**
 * Reads a WebSocket no faster than its throttles allow: every message that arrives is handed on,
 * and when a throttle is in debt the socket is paused — TCP then holds the sender back — until the
 * debt is paid. Nothing is refused for its rate; a large backlog simply arrives more slowly.
 */
import type { WebSocket } from 'ws';
import type { Throttle } from './rate-limit';

export function readThrottled(
  ws: WebSocket,
  throttles: readonly Throttle[],
  onMessage: (data: WebSocket.RawData, isBinary: boolean) => void,
): void {
  let resumeTimer: NodeJS.Timeout | null = null;
  const waitMs = () => Math.max(0, ...throttles.map((throttle) => throttle.waitMs()));
  const resumeWhenPaid = (ms: number) => {
    resumeTimer = setTimeout(() => {
      resumeTimer = null;
      const left = waitMs();
      if (left > 0) resumeWhenPaid(left);
      else if (ws.readyState === ws.OPEN) ws.resume();
    }, ms);
    resumeTimer.unref();
  };
  ws.on('message', (data, isBinary) => {
    const size = Array.isArray(data) ? data.reduce((sum, part) => sum + part.byteLength, 0) : data.byteLength;
    // A loop, not map + spread: this runs for every message of every connection.
    let wait = 0;
    for (const throttle of throttles) wait = Math.max(wait, throttle.take(size));
    onMessage(data, isBinary);
    if (wait > 0 && resumeTimer === null && ws.readyState === ws.OPEN) {
      ws.pause();
      resumeWhenPaid(wait);
    }
  });
  ws.once('close', () => {
    if (resumeTimer) clearTimeout(resumeTimer);
  });
}
