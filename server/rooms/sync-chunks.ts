/**
 * Answers a peer's sync step 1 in pieces, so a large draft never travels as one giant step 2: what
 * the peer lacks goes out as `update` messages of about `chunkBytes` each (large text items split),
 * then a small step 2 with the delete set, on which the stock y-websocket client reports `synced`.
 */
import * as Y from 'yjs';
import { encodeStructs, estimatedBytes, type Struct, splitLargeText } from '../../shared/sync/update-structs';
import { encodeSyncStep2Update, encodeSyncUpdate } from './sync-messages';

export function encodeSyncAnswer(doc: Y.Doc, peerStateVector: Uint8Array, chunkBytes: number): Uint8Array[] {
  const missing = Y.encodeStateAsUpdate(doc, peerStateVector);
  if (missing.byteLength <= chunkBytes) return [encodeSyncStep2Update(missing)];
  const structs = Y.decodeUpdate(missing).structs.flatMap((struct) => splitLargeText(struct, chunkBytes));
  const pieces = groupIntoPieces(structs, chunkBytes).map((runs) => encodeSyncUpdate(encodeStructs(runs)));
  // Relative to our own state vector: no structs, only the delete set (and parts Yjs keeps pending).
  const rest = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
  return [...pieces, encodeSyncStep2Update(rest)];
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
