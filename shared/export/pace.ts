/**
 * Cooperative pacing for exports running on the page's main thread: work in slices of a few
 * milliseconds, give the event loop back between them (so typing and sync go on), report
 * progress and stop as soon as the user cancels.
 */

export interface ExportRunOptions {
  /** Aborting it stops the export at the next slice with an AbortError. */
  signal?: AbortSignal;
  /** Share of the work done, 0…1; called at most once per slice. */
  onProgress?: (fraction: number) => void;
}

/** Longest stretch of work between two yields; a frame at 60 Hz is 16 ms. */
export const SLICE_MS = 8;

export interface Pacer {
  /** Call often; yields when the slice is used up. `fraction` is the share of the work done. */
  step(fraction: number): Promise<void>;
  /** Always yields (before a long synchronous step such as zipping), and reports progress. */
  pause(fraction: number): Promise<void>;
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function abortError(): Error {
  return typeof DOMException === 'undefined'
    ? Object.assign(new Error('The export was cancelled.'), { name: 'AbortError' })
    : new DOMException('The export was cancelled.', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function createPacer(options: ExportRunOptions = {}, sliceMs = SLICE_MS): Pacer {
  let sliceStart = now();
  const check = () => {
    if (options.signal?.aborted) throw abortError();
  };
  const pause = async (fraction: number) => {
    check();
    options.onProgress?.(Math.max(0, Math.min(1, fraction)));
    await yieldToEventLoop();
    check();
    sliceStart = now();
  };
  return {
    pause,
    async step(fraction) {
      if (now() - sliceStart >= sliceMs) await pause(fraction);
      else check();
    },
  };
}
