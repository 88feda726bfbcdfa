/**
 * Answers a peer's sync step 1 in pieces, so a large draft never travels as one giant step 2: what
 * the peer lacks goes out as `update` messages of about `chunkBytes` each (large text items split),
 * then a small step 2 with the delete set, on which the stock y-websocket client reports `synced`.
 */
import * as Y from 'yjs';
import { encodeStructs, estimatedBytes, type Struct, splitLargeText } from '../../shared/sync/update-structs';
import { encodeSyncStep2Update, encodeSyncUpdate } from './sync-messages';

/**
 * `heldBytes`, when known (the bytes of the updates the document was made of: never less than its
 * encoding), spares a small document the walk over its structs: it is answered as one step 2 at once.
 */
export function encodeSyncAnswer(
  doc: Y.Doc,
  peerStateVector: Uint8Array,
  chunkBytes: number,
  heldBytes = Number.POSITIVE_INFINITY,
): Uint8Array[] {
  if (heldBytes <= chunkBytes || holdsPending(doc)) {
    return [encodeSyncStep2Update(Y.encodeStateAsUpdate(doc, peerStateVector))];
  }
  const structs = missingStructs(doc, Y.decodeStateVector(peerStateVector), chunkBytes);
  const estimate = structs.reduce((sum, struct) => sum + estimatedBytes(struct), 0);
  if (estimate <= chunkBytes) return [encodeSyncStep2Update(Y.encodeStateAsUpdate(doc, peerStateVector))];
  const pieces = groupIntoPieces(structs, chunkBytes).map((runs) => encodeSyncUpdate(encodeStructs(runs)));
  // Relative to our own state vector: no structs, only the delete set (and parts Yjs keeps pending).
  const rest = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
  return [...pieces, encodeSyncStep2Update(rest)];
}

/**
 * Parts Yjs could not integrate yet (an update whose dependencies never arrived: only a broken or
 * hostile client sends one). Yjs's own answer carries them as one update merged with the rest; sent
 * after the pieces, diffed against our own state, the peer integrated them in another order and could
 * end up with a document other than ours (found by the hostile-message flood with tiny pieces).
 */
function holdsPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/**
 * The document's own structs the peer lacks, read from its store: not encoded as one update and
 * decoded again (for a 200 MB draft, 400 MB more at once for every client joining). A struct the
 * peer has in part, or a text too long for a piece, is cut in a copy; the document is not touched.
 */
function missingStructs(doc: Y.Doc, peer: Map<number, number>, chunkBytes: number): Struct[] {
  const missing: Struct[] = [];
  for (const [client, structs] of doc.store.clients) {
    const first = structs[0];
    const known = peer.get(client) ?? 0;
    if (!first || known >= Y.getState(doc.store, client)) continue;
    const from = Y.findIndexSS(structs, Math.max(known, first.id.clock));
    for (let index = from; index < structs.length; index += 1) {
      const struct = structs[index] as Struct;
      const offset = index === from ? Math.max(0, known - struct.id.clock) : 0;
      const whole = offset === 0 && estimatedBytes(struct) <= chunkBytes;
      missing.push(...(whole ? [struct] : splitLargeText(copyFrom(struct, offset), chunkBytes)));
    }
  }
  return missing;
}

/** A copy of the struct from `offset` on (what Yjs writes for a struct the peer has in part). */
function copyFrom(struct: Struct, offset: number): Struct {
  const { client, clock } = struct.id;
  if (!(struct instanceof Y.Item)) return new Y.GC(Y.createID(client, clock + offset), struct.length - offset);
  const content = struct.content.copy();
  return new Y.Item(
    Y.createID(client, clock + offset),
    null,
    offset > 0 ? Y.createID(client, clock + offset - 1) : struct.origin,
    null,
    struct.rightOrigin,
    struct.parent,
    struct.parentSub,
    offset > 0 ? content.splice(offset) : content,
  );
}

/** Pieces of runs (consecutive structs of one client), each piece about `chunkBytes` at most. */
export function groupIntoPieces(structs: Struct[], chunkBytes: number): Struct[][][] {
  const pieces: Struct[][][] = [];
  let piece: Struct[][] = [];
  let size = 0;
  for (const struct of structs) {
    const bytes = estimatedBytes(struct);
    if (size > 0 && size + bytes > chunkBytes) {
      pieces.push(piece);
      piece = [];
      size = 0;
    }
    const run = piece.at(-1);
    const last = run?.at(-1);
    if (run && last && last.id.client === struct.id.client && last.id.clock + last.length === struct.id.clock) {
      run.push(struct);
    } else {
      piece.push([struct]);
    }
    size += bytes;
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}
