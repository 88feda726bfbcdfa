/**
 * Prometheus metrics for operators (`GET /metrics`): connections, loaded documents and their size,
 * stored updates and write latency, bytes received, refusals by close code, the process's memory. Every series carries a
 * `process` label (hostname:pid) so several server processes can be told apart later.
 */
import { hostname } from 'node:os';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DocumentStore } from './storage/storage';

export interface MetricsSources {
  connections(): number;
  documentsLoaded(): number;
  /** Per open document, the bytes of the updates it is made of (tracked, never encoded per scrape). */
  openDocumentBytes(): number[];
}

export interface ServerMetrics {
  readonly registry: Registry;
  readonly bytesReceived: Counter;
  readonly refusals: Counter<'code' | 'reason'>;
  /** Wraps a document store so every append is counted and timed. */
  instrument(documents: DocumentStore): DocumentStore;
  /** The text exposition for `/metrics`. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createServerMetrics(sources: MetricsSources): ServerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ process: `${hostname()}:${process.pid}` });
  const registers = [registry];
  new Gauge({
    name: 'dampingi_connections',
    help: 'Open sync connections',
    registers,
    collect() {
      this.set(sources.connections());
    },
  });
  new Gauge({
    name: 'dampingi_documents_loaded',
    help: 'Documents (rooms) loaded in memory',
    registers,
    collect() {
      this.set(sources.documentsLoaded());
    },
  });
  new Gauge({
    name: 'dampingi_open_document_bytes',
    help: 'Bytes of the updates each open document is made of (loaded, then applied; its size estimate): sum, and the largest',
    labelNames: ['stat'],
    registers,
    collect() {
      const sizes = sources.openDocumentBytes();
      this.set(
        { stat: 'sum' },
        sizes.reduce((sum, size) => sum + size, 0),
      );
      this.set({ stat: 'max' }, sizes.length > 0 ? Math.max(...sizes) : 0);
    },
  });
  new Gauge({
    name: 'dampingi_process_memory_bytes',
    // What RSS is made of: a growing `rss` with flat `heap_used` is native memory (malloc, buffers), not our objects.
    help: 'Process memory (Node process.memoryUsage): rss, heap_used, heap_total, external, array_buffers',
    labelNames: ['kind'],
    registers,
    collect() {
      const usage = process.memoryUsage();
      this.set({ kind: 'rss' }, usage.rss);
      this.set({ kind: 'heap_used' }, usage.heapUsed);
      this.set({ kind: 'heap_total' }, usage.heapTotal);
      this.set({ kind: 'external' }, usage.external);
      this.set({ kind: 'array_buffers' }, usage.arrayBuffers);
    },
  });
  const updatesStored = new Counter({
    name: 'dampingi_updates_stored_total',
    help: 'Updates durably stored',
    registers,
  });
  const writeSeconds = new Histogram({
    name: 'dampingi_storage_write_seconds',
    help: 'Time to durably store one update',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers,
  });
  const bytesReceived = new Counter({
    name: 'dampingi_bytes_received_total',
    help: 'Bytes received on sync connections',
    registers,
  });
  const refusals = new Counter({
    name: 'dampingi_refusals_total',
    // Refused updates (reason read-only or feedback-rule) keep their connection; they count under 4403.
    help: 'Connections closed, and updates refused, by the server: by close code and reason',
    labelNames: ['code', 'reason'] as const,
    registers,
  });

  return {
    registry,
    bytesReceived,
    refusals,
    instrument: (documents) => ({
      loadDocument: (name) => documents.loadDocument(name),
      loadUpdatesAfter: (name, afterSeq) => documents.loadUpdatesAfter(name, afterSeq),
      loadUpdate: (name, seq) => documents.loadUpdate(name, seq),
      replaceWithSnapshot: (name, snapshot, uptoSeq) => documents.replaceWithSnapshot(name, snapshot, uptoSeq),
      async appendUpdate(name, update) {
        const stop = writeSeconds.startTimer();
        const seq = await documents.appendUpdate(name, update);
        stop();
        updatesStored.inc();
        return seq;
      },
    }),
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
