/**
 * Workload "backlog" (issue 17): a teacher's client that wrote a large draft offline — paragraphs and
 * ~300 KB classroom photos stored in the document as data URLs — connects while her mentor is
 * connected. Measures the time until the mentor's document has all of it, the server's peak RSS
 * meanwhile, and whether a fresh client then gets everything from the server.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { DRAFT_CONTENT_FIELD } from '../shared/model/draft-extensions';
import { type BenchClient, connectBenchClient } from './clients';
import type { RoomAccess, ServerKind, ServerUnderTest } from './servers';
import { sleep } from './stats';

export interface BacklogResult {
  server: ServerKind;
  /** The size asked for, and the offline update the client actually holds (bytes). */
  targetMB: number;
  updateBytes: number;
  photos: number;
  paragraphs: number;
  /** Seconds from the client's connect until the mentor's document holds everything; null when it never did. */
  mergeSeconds: number | null;
  /** Server RSS before the client connected, and its peak (VmHWM) once merged or given up. */
  idleRssBytes: number;
  peakRssBytes: number;
  /** Close codes the server sent the backlog's client (a refusal: 1009 too big, 4413, 4504 too slow…). */
  writerCloseCodes: number[];
  mentorCloseCodes: number[];
  /** A fresh client joined after the merge (the writer gone, the mentor still there) got everything. */
  freshClientComplete: boolean;
  freshClientSeconds: number | null;
  /** The end of the server's stderr when it exited under the backlog. */
  serverLog: string | null;
  /** Dampingi only: after everyone left (room unloaded), a fresh client got everything from storage. */
  storedComplete: boolean | null;
  outcome: 'merged' | 'refused' | 'stranded' | 'server exited';
}

/** The server's RSS figure, or null once its process has gone (a crash under the backlog). */
function alive(read: () => number): number | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** A downscaled classroom photo as the editor stores it: ~300 KB of base64 data URL. */
const PHOTO_BYTES = 225_000;
const WORDS = 'murid membaca pecahan sederhana lalu guru bertanya tentang cara mereka membagi kue menjadi bagian'.split(
  ' ',
);

export function paragraphText(seed: number): string {
  const words: string[] = [];
  for (let index = 0; index < 80; index += 1) words.push(WORDS[(seed * 7 + index * 13) % WORDS.length] as string);
  return `${words.join(' ')}.`;
}

/** The draft written offline: per photo, eight paragraphs typed in phrases, the photo, and a caption entry in a map. */
export function offlineBacklog(targetBytes: number): { doc: Y.Doc; photos: number; paragraphs: number } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DRAFT_CONTENT_FIELD);
  const captions = doc.getMap<string>('photoCaptions');
  let photos = 0;
  let paragraphs = 0;
  let approximateBytes = 0;
  while (approximateBytes < targetBytes) {
    doc.transact(() => {
      for (let index = 0; index < 8; index += 1) {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        fragment.insert(fragment.length, [paragraph]);
        const words = paragraphText(paragraphs).split(' ');
        // Typed a phrase at a time: many small insertions, as an editor sends them.
        for (let word = 0; word < words.length; word += 6)
          text.insert(text.length, `${words.slice(word, word + 6).join(' ')} `);
        paragraphs += 1;
        approximateBytes += 600;
      }
      const src = `data:image/jpeg;base64,${randomBytes(PHOTO_BYTES).toString('base64')}`;
      const image = new Y.XmlElement('image');
      image.setAttribute('src', src);
      image.setAttribute('alt', `Foto kelas ${photos + 1}`);
      fragment.insert(fragment.length, [image]);
      captions.set(`photo-${photos}`, `Kelompok ${photos % 6} mengerjakan lembar kerja`);
      photos += 1;
      approximateBytes += src.length;
    });
  }
  return { doc, photos, paragraphs };
}

/**
 * A browser takes any message size; `ws` cuts frames over 100 MiB by default (1009), which would make
 * the load generator, not the server, refuse a 200 MB sync message.
 */
class BrowserSizedWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols, { maxPayload: 2 ** 31 - 1 });
  }
}

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Y.encodeStateVector(b));

/** Waits for `done`; gives up when `refused` holds or the time is out. True when done. */
async function waitFor(done: () => boolean, refused: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done()) return true;
    if (refused()) return false;
    await sleep(20);
  }
  return done();
}

/** Closes other than a normal one (1000) or the client's own (1005/1006 after destroy) count as the server's word. */
const refusal = (code: number) => code !== 1000 && code !== 1005;

async function freshCopy(server: ServerUnderTest, room: RoomAccess, of: Y.Doc, timeoutMs: number) {
  const started = performance.now();
  const fresh: BenchClient = connectBenchClient(server, room, new Y.Doc(), BrowserSizedWebSocket);
  try {
    const complete = await waitFor(
      () => sameState(fresh.doc, of),
      () => fresh.closeCodes().some(refusal) && fresh.closeCodes().length > 2,
      timeoutMs,
    );
    return { complete, seconds: complete ? (performance.now() - started) / 1000 : null };
  } finally {
    fresh.destroy();
  }
}

export async function runBacklog(server: ServerUnderTest, targetMB: number): Promise<BacklogResult> {
  const [room] = await server.openRooms(1);
  if (!room) throw new Error('no room');
  const mentor = connectBenchClient(server, room, new Y.Doc(), BrowserSizedWebSocket);
  await mentor.whenSynced();
  const { doc, photos, paragraphs } = offlineBacklog(targetMB * 1_000_000);
  const updateBytes = Y.encodeStateAsUpdate(doc).byteLength;
  // Generous: a loaded 2-core machine moves ~10 MB/s through the slowest server here.
  const timeoutMs = 30_000 + targetMB * 750;
  await sleep(500);
  const idleRssBytes = server.rssBytes();
  const started = performance.now();
  const writer = connectBenchClient(server, room, doc, BrowserSizedWebSocket);
  // Three refusals of the same backlog: the client would go on resending it for ever.
  let peakRssBytes = idleRssBytes;
  let exited = false;
  const refused = () => {
    const peak = alive(() => server.peakRssBytes());
    if (peak === null) exited = true;
    else peakRssBytes = peak;
    // The mentor's client reconnects by itself after a close (its codes are reported); the writer's backlog, refused thrice, never arrives.
    return exited || writer.closeCodes().filter(refusal).length >= 3;
  };
  const merged = await waitFor(() => sameState(mentor.doc, doc), refused, timeoutMs);
  const mergeSeconds = merged ? (performance.now() - started) / 1000 : null;
  peakRssBytes = alive(() => server.peakRssBytes()) ?? peakRssBytes;
  writer.destroy();
  const fresh = merged && !exited ? await freshCopy(server, room, doc, timeoutMs) : { complete: false, seconds: null };
  mentor.destroy();
  let storedComplete: boolean | null = null;
  if (server.kind === 'dampingi' && merged) {
    await sleep(2000); // the room unloads once empty; the next join loads it from SQLite
    storedComplete = (await freshCopy(server, room, doc, timeoutMs)).complete;
  }
  const writerCloseCodes = [...writer.closeCodes()];
  doc.destroy();
  return {
    server: server.kind,
    targetMB,
    updateBytes,
    photos,
    paragraphs,
    mergeSeconds,
    idleRssBytes,
    peakRssBytes,
    writerCloseCodes,
    mentorCloseCodes: [...mentor.closeCodes()],
    freshClientComplete: fresh.complete,
    freshClientSeconds: fresh.seconds,
    storedComplete,
    serverLog: exited ? (server.stderrTail?.() ?? null) : null,
    outcome: exited ? 'server exited' : merged ? 'merged' : writerCloseCodes.some(refusal) ? 'refused' : 'stranded',
  };
}
