/**
 * A large offline backlog, sent in parts that each stand on their own: every item in a part
 * depends only on what the server already has (its state vector) or on earlier parts, so the server
 * can check, store and apply each part as it comes — and a connection cut halfway leaves the server
 * with whole parts, the next connection sending only what it still lacks. Deletions go last.
 */
import * as Y from 'yjs';
import { encodeStructs, estimatedBytes, intoRuns, type Struct, splitLargeText } from './update-structs';

export interface BacklogParts {
  /** Updates to send in this order; the last one holds the deletions. */
  parts: Uint8Array[];
  /** Bytes of all parts together. */
  totalBytes: number;
}

/** What `doc` has that a peer with `peerStateVector` lacks, in parts of about `maxPartBytes` each. */
export function backlogParts(doc: Y.Doc, peerStateVector: Uint8Array, maxPartBytes: number): BacklogParts {
  const missing = Y.encodeStateAsUpdate(doc, peerStateVector);
  const structs = Y.decodeUpdate(missing).structs.flatMap((struct) => splitLargeText(struct, maxPartBytes));
  const included = new Map(Y.decodeStateVector(peerStateVector));
  // An update names each client once: a piece's structs of one client (a contiguous clock range) as one run.
  const byClient = (piece: Struct[]) => [...piece].sort((a, b) => a.id.client - b.id.client || a.id.clock - b.id.clock);
  const parts = orderedPieces(structs, included, maxPartBytes).map((piece) => encodeStructs(intoRuns(byClient(piece))));
  // Relative to our own state vector: no structs, only the delete set (and what Yjs keeps pending).
  parts.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)));
  return { parts, totalBytes: parts.reduce((sum, part) => sum + part.byteLength, 0) };
}

/** The IDs an item needs to exist before it can be integrated. */
function dependencies(struct: Struct): Y.ID[] {
  if (!(struct instanceof Y.Item)) return [];
  const parent = struct.parent instanceof Y.ID ? struct.parent : null;
  return [struct.origin, struct.rightOrigin, parent].filter((id): id is Y.ID => id !== null);
}

/**
 * Pieces of structs in an order where each struct's dependencies come earlier (or the peer has
 * them): each client's structs in clock order, a client's next struct taken as soon as what it
 * points at is in. A dependency neither the peer nor this backlog has cannot be met by waiting:
 * then the longest-waiting struct goes anyway (the server keeps it until it can apply it).
 */
function orderedPieces(structs: readonly Struct[], included: Map<number, number>, maxBytes: number): Struct[][] {
  const queues = new Map<number, Struct[]>();
  for (const struct of structs) {
    const queue = queues.get(struct.id.client) ?? [];
    queue.push(struct);
    queues.set(struct.id.client, queue);
  }
  for (const queue of queues.values()) queue.sort((a, b) => a.id.clock - b.id.clock);
  const inBacklog = (id: Y.ID) => {
    const queue = queues.get(id.client);
    return queue !== undefined && queue.length > 0 && (queue[0] as Struct).id.clock <= id.clock;
  };
  const ready = (struct: Struct) =>
    dependencies(struct).every((id) => (included.get(id.client) ?? 0) > id.clock || !inBacklog(id));
  const pieces: Struct[][] = [];
  let piece: Struct[] = [];
  let size = 0;
  const take = (queue: Struct[]) => {
    const struct = queue.shift() as Struct;
    const bytes = estimatedBytes(struct);
    if (size > 0 && size + bytes > maxBytes) {
      pieces.push(piece);
      piece = [];
      size = 0;
    }
    piece.push(struct);
    size += bytes;
    included.set(struct.id.client, struct.id.clock + struct.length);
  };
  for (;;) {
    let progressed = false;
    for (const queue of queues.values()) {
      while (queue.length > 0 && ready(queue[0] as Struct)) {
        take(queue);
        progressed = true;
      }
    }
    if (progressed) continue;
    const waiting = [...queues.values()].find((queue) => queue.length > 0);
    if (!waiting) break;
    take(waiting);
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}
