/**
 * Live editing: R rooms × C real clients; one writer per room inserts into a Y.Text at a set rate,
 * embedding its `performance.now()` send time; the other clients (same process, same clock) measure
 * delivery latency. Server CPU is read from /proc over the measured window, peak RSS at the end.
 */
import * as Y from 'yjs';
import { type BenchClient, connectBenchClient } from './clients';
import type { ServerKind, ServerUnderTest } from './servers';
import { percentile, sleep } from './stats';

export interface LiveEditingOptions {
  rooms: number;
  clientsPerRoom: number;
  /** Updates per second per room (one writer each). */
  ratePerSecond: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LiveEditingResult {
  server: ServerKind;
  rooms: number;
  clientsPerRoom: number;
  ratePerSecond: number;
  sentUpdates: number;
  expectedDeliveries: number;
  deliveredUpdates: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  serverCpuSeconds: number;
  cpuMicrosPerDelivered: number;
  peakRssBytes: number;
  /** RSS of the freshly started server before any client connected: the runtime's own share. */
  idleRssBytes: number;
  connectSeconds: number;
  /**
   * Share of one core this load generator used during the measured window. Near 1 means the
   * generator, not the server, is what delays deliveries (all clients share its one core).
   */
  generatorBusyFraction: number;
  /** Server CPU seconds in the measured window per thread name (the main thread runs JS and SQLite). */
  serverThreadCpuSeconds: Record<string, number>;
  /** Seconds of the measured window the server's main thread was runnable but had no CPU (a busy machine). */
  serverRunQueueSeconds: number;
  /**
   * The window the server's CPU was measured over (the sending window and the drain after it), on the
   * machine's monotonic clock (µs), which V8 CPU profiles share on Linux.
   */
  windowMonotonicMicros: { start: number; end: number };
}

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

const TEXT = 'text';
const CONNECT_BATCH = 50;
const DRAIN_TIMEOUT_MS = 10_000;

async function connectRoomClients(server: ServerUnderTest, options: LiveEditingOptions): Promise<BenchClient[][]> {
  const rooms = await server.openRooms(options.rooms);
  const clients = rooms.map((room) =>
    Array.from({ length: options.clientsPerRoom }, () => ({ room, client: null as BenchClient | null })),
  );
  const slots = clients.flat();
  // Connect in batches so the handshake storm does not dominate (nor time out) on small machines.
  for (let i = 0; i < slots.length; i += CONNECT_BATCH) {
    const batch = slots.slice(i, i + CONNECT_BATCH);
    for (const slot of batch) slot.client = connectBenchClient(server, slot.room, new Y.Doc());
    await Promise.all(batch.map((slot) => slot.client?.whenSynced(60_000)));
  }
  return clients.map((roomSlots) => roomSlots.map((slot) => slot.client as BenchClient));
}

export async function runLiveEditing(server: ServerUnderTest, options: LiveEditingOptions): Promise<LiveEditingResult> {
  const idleRssBytes = server.rssBytes();
  const connectStart = performance.now();
  const rooms = await connectRoomClients(server, options);
  const connectSeconds = (performance.now() - connectStart) / 1000;

  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  const inWindow = (sentAt: number) => sentAt >= windowStart && sentAt < windowEnd;

  for (const [, ...readers] of rooms) {
    for (const reader of readers) {
      reader.doc.getText(TEXT).observe((event) => {
        const receivedAt = performance.now();
        for (const change of event.delta) {
          if (typeof change.insert !== 'string') continue;
          for (const stamp of change.insert.split(';')) {
            const sentAt = Number(stamp);
            if (stamp !== '' && inWindow(sentAt)) latencies.push(receivedAt - sentAt);
          }
        }
      });
    }
  }

  let sentInWindow = 0;
  const intervalMs = 1000 / options.ratePerSecond;
  const timers: NodeJS.Timeout[] = [];
  for (const [writer] of rooms) {
    if (!writer) continue;
    const text = writer.doc.getText(TEXT);
    const write = () => {
      // The writer counts the very stamp the readers parse, so both agree on the window's edges.
      const stamp = performance.now().toFixed(3);
      if (inWindow(Number(stamp))) sentInWindow++;
      text.insert(text.length, `${stamp};`);
    };
    // Spread the writers' phases so the load is steady rather than in lockstep bursts.
    const phase = setTimeout(() => timers.push(setInterval(write, intervalMs)), Math.random() * intervalMs);
    timers.push(phase);
  }

  await sleep(options.warmupSeconds * 1000);
  const cpuBefore = server.cpuSeconds();
  const threadsBefore = server.threadCpuSeconds();
  const runQueueBefore = server.mainThreadRunQueueSeconds();
  const generatorBefore = process.cpuUsage();
  windowStart = performance.now();
  const windowStartMicros = monotonicMicros();
  await sleep(options.durationSeconds * 1000);
  windowEnd = performance.now();
  const generatorUsed = process.cpuUsage(generatorBefore);
  const generatorBusyFraction = (generatorUsed.user + generatorUsed.system) / 1000 / (windowEnd - windowStart);
  for (const timer of timers) clearInterval(timer);

  const expectedDeliveries = sentInWindow * (options.clientsPerRoom - 1);
  const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (latencies.length < expectedDeliveries && Date.now() < drainDeadline) await sleep(20);
  const serverCpuSeconds = server.cpuSeconds() - cpuBefore;
  const serverRunQueueSeconds = server.mainThreadRunQueueSeconds() - runQueueBefore;
  const windowEndMicros = monotonicMicros();
  const serverThreadCpuSeconds = Object.fromEntries(
    Object.entries(server.threadCpuSeconds()).map(([name, seconds]) => [name, seconds - (threadsBefore[name] ?? 0)]),
  );
  const peakRssBytes = server.peakRssBytes();

  for (const client of rooms.flat()) client.destroy();
  const delivered = latencies.length;
  return {
    server: server.kind,
    rooms: options.rooms,
    clientsPerRoom: options.clientsPerRoom,
    ratePerSecond: options.ratePerSecond,
    sentUpdates: sentInWindow,
    expectedDeliveries,
    deliveredUpdates: delivered,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
    serverCpuSeconds,
    serverThreadCpuSeconds,
    serverRunQueueSeconds,
    cpuMicrosPerDelivered: delivered > 0 ? (serverCpuSeconds * 1e6) / delivered : Number.NaN,
    peakRssBytes,
    idleRssBytes,
    connectSeconds,
    generatorBusyFraction,
    windowMonotonicMicros: { start: windowStartMicros, end: windowEndMicros },
  };
}
