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

/** Lets the event loop run what is queued (a click that came in during a long step), for `ms` at least. */
export function yieldToEventLoop(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function abortError(): Error {
  return typeof DOMException === 'undefined'
    ? Object.assign(new Error('The export was cancelled.'), { name: 'AbortError' })
    : new DOMException('The export was cancelled.', 'AbortError');
}

/** By name, not class: a DOMException from another realm (a frame, jsdom) is no `instanceof Error` here. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Settles as `promise` does, or rejects with an AbortError the moment `signal` aborts: for awaits
 * that cannot be cancelled themselves (decoding or encoding a picture), which may take long or
 * never settle. What the promise gives after that is dropped.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
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
