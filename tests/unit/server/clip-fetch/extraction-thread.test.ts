/**
 * The extraction thread (server/clip-fetch/extraction-thread.ts) with real worker threads: the real
 * extraction worker, and stand-ins that hang or fail, to see a stuck page stopped and the thread
 * started again for the next one.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createExtractionThread,
  ExtractionStoppedError,
  type ExtractionThread,
  startExtractionWorker,
} from '../../../../server/clip-fetch/extraction-thread';

const PAGE = `<!doctype html><html lang="id"><head><title>Pecahan senilai</title></head><body><article>
<h1>Pecahan senilai</h1>${'<p>Dua per empat sama dengan satu per dua, karena pembilang dan penyebutnya dibagi dua.</p>'.repeat(8)}
</article></body></html>`;

/** A worker that takes the page and never answers, as a page that takes minutes to extract would. */
const hangingWorker = () => standIn('() => {}');

/** A worker that says it is ready, then does `onPage` with each page. */
function standIn(onPage: string): Worker {
  const code = `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', ${onPage});`;
  return new Worker(code, { eval: true });
}

/** A fresh thread loads jsdom and the extraction code first: seconds on a busy machine. */
const COLD_START = { timeout: 90_000 };

let thread: ExtractionThread | null = null;
afterEach(async () => {
  await thread?.close();
  thread = null;
});

describe('page extraction on its own thread', () => {
  it('a page comes back as the clip content the extension would make', COLD_START, async () => {
    thread = createExtractionThread();
    const page = await thread.extract(PAGE, 'https://sekolah.example/pecahan', 'article');
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.metadata.title).toBe('Pecahan senilai');
    expect(JSON.stringify(page.content)).toContain('Dua per empat');
  });

  it(
    'a page still extracting when its clip runs out of time is stopped; the next page gets a new thread',
    COLD_START,
    async () => {
      const started: string[] = [];
      let pagesReceived = 0;
      thread = createExtractionThread({
        startWorker: () => {
          started.push(started.length === 0 ? 'hanging' : 'real');
          if (started.length > 1) return startExtractionWorker();
          // Says it has the page, then never answers.
          const worker = standIn('() => parentPort.postMessage({ received: true })');
          worker.on('message', (message) => {
            if (message.received) pagesReceived += 1;
          });
          return worker;
        },
      });
      const deadline = new AbortController();
      const stuck = thread.extract(PAGE, 'https://sekolah.example/a', 'article', { signal: deadline.signal });
      const queued = thread.extract(PAGE, 'https://sekolah.example/b', 'article');
      await vi.waitFor(() => expect(pagesReceived).toBe(1)); // the page is with the thread
      deadline.abort();
      await expect(stuck).rejects.toBeInstanceOf(ExtractionStoppedError);
      const next = await queued;
      expect(next.ok).toBe(true);
      expect(started).toEqual(['hanging', 'real']);
    },
  );

  it('a page that takes longer than its time is stopped, counted from when the thread begins it', async () => {
    thread = createExtractionThread({ startWorker: hangingWorker });
    await expect(thread.extract(PAGE, 'https://sekolah.example/a', 'article', { timeoutMs: 50 })).rejects.toThrow(
      /took over 50 ms/,
    );
  });

  it('a clip whose time is already up is not started', async () => {
    const started: number[] = [];
    thread = createExtractionThread({
      startWorker: () => {
        started.push(1);
        return hangingWorker();
      },
    });
    const gone = new AbortController();
    gone.abort();
    await expect(
      thread.extract(PAGE, 'https://sekolah.example/a', 'article', { signal: gone.signal }),
    ).rejects.toBeInstanceOf(ExtractionStoppedError);
    expect(started).toEqual([]);
  });

  it(
    'a thread that dies (out of memory, a crash) fails its page, and the next page gets a new thread',
    COLD_START,
    async () => {
      let starts = 0;
      thread = createExtractionThread({
        startWorker: () => {
          starts += 1;
          return starts === 1 ? standIn('() => process.exit(3)') : startExtractionWorker();
        },
      });
      await expect(thread.extract(PAGE, 'https://sekolah.example/a', 'article')).rejects.toThrow(/ended \(3\)/);
      expect((await thread.extract(PAGE, 'https://sekolah.example/b', 'article')).ok).toBe(true);
      expect(starts).toBe(2);
    },
  );

  it('after a quiet spell the thread ends, and a later page starts it again', COLD_START, async () => {
    const workers: Worker[] = [];
    thread = createExtractionThread({
      idleMs: 1,
      startWorker: () => {
        const worker = startExtractionWorker();
        workers.push(worker);
        return worker;
      },
    });
    expect((await thread.extract(PAGE, 'https://sekolah.example/a', 'article')).ok).toBe(true);
    await new Promise((ended) => workers[0]?.once('exit', ended));
    expect((await thread.extract(PAGE, 'https://sekolah.example/b', 'article')).ok).toBe(true);
    expect(workers).toHaveLength(2);
  });
});
