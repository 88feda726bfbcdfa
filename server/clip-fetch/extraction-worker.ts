/**
 * The worker thread that turns a fetched page into clip content (./extraction-thread.ts starts it).
 * jsdom and the extraction are CPU-bound and can take seconds on a large page: here they cannot hold
 * up the server's own thread, where every draft's sync runs, and a page that takes too long is
 * stopped by ending this thread.
 */
import { parentPort } from 'node:worker_threads';
import { type ExtractionJob, ExtractionJobSchema, type ExtractionResult } from './extraction-messages';
import { extractPage } from './page-extraction';

const port = parentPort;
if (!port) throw new Error('extraction-worker.ts runs as a worker thread');

// Loading jsdom and compiling the extraction take a while on a fresh thread: done before any page
// comes, so a page's time limit measures the page, not the warm-up.
extractPage('<!doctype html><title>siap</title><p>siap</p>', 'https://localhost/', 'article');
port.postMessage({ ready: true });

port.on('message', (message: unknown) => {
  const job = ExtractionJobSchema.safeParse(message);
  if (!job.success) return; // only the host posts here; nothing to answer to
  port.postMessage(run(job.data));
});

function run(job: ExtractionJob): ExtractionResult {
  try {
    return { id: job.id, ok: true, page: extractPage(job.html, job.url, job.mode) };
  } catch (error) {
    return { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
