/**
 * Runs page extraction (jsdom + the extension's extraction code) on one worker thread, a page at a
 * time: the server's own thread, where every draft's sync runs, stays free while a large page is
 * parsed; a page that takes longer than its time is stopped by ending the thread; a page that needs
 * more memory than the thread may have fails alone. The thread starts on the first clip and ends
 * after a quiet spell, so jsdom's memory goes back when no one clips.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { type ExtractionJob, ExtractionResultSchema, WorkerReadySchema } from './extraction-messages';
import type { ExtractedPage, PageClipMode } from './page-extraction';

/** Set by scripts/bundle-server.ts to the bundled worker's file URL; absent when run from the sources. */
declare const DAMPINGI_EXTRACTION_WORKER_URL: string | undefined;

export interface ExtractionThreadOptions {
  /** Starts the worker; tests pass one running another script. */
  startWorker?: () => Worker;
  /** The thread ends after this long without a page. */
  idleMs?: number;
  /** A thread not ready (jsdom loaded) within this long is ended and its pages fail. */
  startMs?: number;
}

export interface ExtractOptions {
  /** The page is dropped (and the thread ended if it had begun) when this aborts. */
  signal?: AbortSignal;
  /** Time for the page itself, counted from when the thread begins it (not while it warms up or queues). */
  timeoutMs?: number;
}

export interface ExtractionThread {
  /** Rejects with ExtractionStoppedError when stopped by `signal` or `timeoutMs`. */
  extract(html: string, url: string, mode: PageClipMode, options?: ExtractOptions): Promise<ExtractedPage>;
  close(): Promise<void>;
}

export class ExtractionStoppedError extends Error {
  constructor(why: string) {
    super(`extraction stopped: ${why}`);
    this.name = 'ExtractionStoppedError';
  }
}

/** A page whose DOM outgrows this is refused rather than taking the server's memory with it. */
const WORKER_LIMITS: WorkerOptions['resourceLimits'] = { maxOldGenerationSizeMb: 768 };

export function startExtractionWorker(): Worker {
  const options: WorkerOptions = { resourceLimits: WORKER_LIMITS };
  if (typeof DAMPINGI_EXTRACTION_WORKER_URL === 'string') {
    return new Worker(new URL(DAMPINGI_EXTRACTION_WORKER_URL), options);
  }
  // From the sources (tests, `node --import tsx`): a worker does not inherit the loader, so it registers it.
  const source = new URL('./extraction-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

interface Running {
  worker: Worker;
  ready: Promise<void>;
}

export function createExtractionThread(options: ExtractionThreadOptions = {}): ExtractionThread {
  const startWorker = options.startWorker ?? startExtractionWorker;
  const idleMs = options.idleMs ?? 120_000;
  const startMs = options.startMs ?? 120_000;
  let current: Running | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let nextId = 1;
  let pending = 0;
  let turn: Promise<unknown> = Promise.resolve();

  function end(which: Worker): void {
    if (current?.worker === which) current = null;
    void which.terminate();
  }

  function running(): Running {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (current) return current;
    const worker = startWorker();
    worker.unref(); // a clip in progress keeps its HTTP request open; the thread alone keeps nothing alive
    const ready = new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(limit);
        worker.off('message', onMessage);
        end(worker);
        reject(error);
      };
      const limit = setTimeout(() => fail(new Error(`the extraction thread was not ready in ${startMs} ms`)), startMs);
      const onMessage = (message: unknown) => {
        if (!WorkerReadySchema.safeParse(message).success) return;
        clearTimeout(limit);
        worker.off('error', fail);
        worker.off('exit', onExit);
        worker.off('message', onMessage);
        resolve();
      };
      const onExit = (code: number) => fail(new Error(`the extraction thread ended while starting (${code})`));
      worker.on('message', onMessage);
      worker.once('error', fail);
      worker.once('exit', onExit);
    });
    ready.catch(() => undefined); // each page waiting on it gets the error
    worker.once('exit', () => {
      if (current?.worker === worker) current = null;
    });
    current = { worker, ready };
    return current;
  }

  function restIfQuiet(): void {
    if (pending > 0 || !current) return;
    const quiet = current.worker;
    idleTimer = setTimeout(() => end(quiet), idleMs);
    idleTimer.unref();
  }

  /** Resolves when the thread is ready; rejects when it fails to start or `signal` aborts first. */
  function whenReady(thread: Running, signal: AbortSignal | undefined): Promise<void> {
    if (!signal) return thread.ready;
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(new ExtractionStoppedError('the clip was given up before the page was begun'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      thread.ready.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async function runOne(job: ExtractionJob, options: ExtractOptions): Promise<ExtractedPage> {
    const { signal, timeoutMs } = options;
    if (signal?.aborted) throw new ExtractionStoppedError('the clip was given up before the page was begun');
    const thread = running();
    // A warming thread is not ended when a page is given up: the next page needs it.
    await whenReady(thread, signal);
    const { worker } = thread;
    return new Promise<ExtractedPage>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(limit);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const stop = (why: string) =>
        settle(() => {
          end(worker);
          reject(new ExtractionStoppedError(why));
        });
      const onMessage = (message: unknown) => {
        const result = ExtractionResultSchema.safeParse(message);
        if (!result.success || result.data.id !== job.id) return;
        const reply = result.data;
        settle(() => (reply.ok ? resolve(reply.page) : reject(new Error(reply.message))));
      };
      const onError = (error: Error) =>
        settle(() => {
          end(worker);
          reject(error);
        });
      const onExit = (code: number) => settle(() => reject(new Error(`the extraction thread ended (${code})`)));
      const onAbort = () => stop('the clip was given up');
      const limit =
        timeoutMs === undefined ? undefined : setTimeout(() => stop(`the page took over ${timeoutMs} ms`), timeoutMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) return onAbort();
      worker.postMessage(job);
    });
  }

  return {
    extract(html, url, mode, extractOptions = {}) {
      const job: ExtractionJob = { id: nextId++, html, url, mode };
      pending += 1;
      // One page at a time: extraction is CPU-bound, and each page's DOM takes memory in proportion.
      const result = turn.then(() => runOne(job, extractOptions));
      turn = result.catch(() => undefined);
      return result.finally(() => {
        pending -= 1;
        restIfQuiet();
      });
    },
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      const last = current?.worker;
      current = null;
      await last?.terminate();
    },
  };
}
