/**
 * Answers a peer's sync step 1 in pieces, so a large draft never travels as one giant step 2: what
 * the peer lacks goes out as `update` messages of about `chunkBytes` each (large text items split),
 * then a small step 2 with the delete set, on which the stock y-websocket client reports `synced`.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeSyncStep2Update, encodeSyncUpdate } from './sync-messages';

type Struct = Y.Item | Y.GC | Y.Skip;

export function encodeSyncAnswer(doc: Y.Doc, peerStateVector: Uint8Array, chunkBytes: number): Uint8Array[] {
  const missing = Y.encodeStateAsUpdate(doc, peerStateVector);
  if (missing.byteLength <= chunkBytes) return [encodeSyncStep2Update(missing)];
  const structs = Y.decodeUpdate(missing).structs.flatMap((struct) => splitLargeText(struct, chunkBytes));
  const pieces = groupIntoPieces(structs, chunkBytes).map((runs) => encodeSyncUpdate(encodeStructs(runs)));
  // Relative to our own state vector: no structs, only the delete set (and parts Yjs keeps pending).
  const rest = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
  return [...pieces, encodeSyncStep2Update(rest)];
}

function estimatedBytes(struct: Struct): number {
  const overhead = 32;
  if (!(struct instanceof Y.Item)) return overhead;
  const content = struct.content;
  if (content instanceof Y.ContentString) return Buffer.byteLength(content.str) + overhead;
  if (content instanceof Y.ContentBinary) return content.content.byteLength + overhead;
  if (content instanceof Y.ContentDeleted || content instanceof Y.ContentType) return overhead;
  try {
    return JSON.stringify(content.getContent()).length + overhead;
  } catch {
    return 1024;
  }
}

/** Cuts a text item larger than a piece into items that each fit (never inside a surrogate pair). */
function splitLargeText(struct: Struct, chunkBytes: number): Struct[] {
  if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return [struct];
  if (estimatedBytes(struct) <= chunkBytes) return [struct];
  const maxChars = Math.max(2, Math.floor(chunkBytes / 3) - 32); // UTF-8: at most 3 bytes per UTF-16 unit
  const parts: Y.Item[] = [];
  let current: Y.Item = struct;
  while (current.length > maxChars) {
    const text = (current.content as Y.ContentString).str;
    const code = text.charCodeAt(maxChars - 1);
    const at = code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars;
    const { client, clock } = current.id;
    // What Yjs itself does when it slices a struct: the right part's origin is the left part's end.
    const right = new Y.Item(
      Y.createID(client, clock + at),
      null,
      Y.createID(client, clock + at - 1),
      null,
      current.rightOrigin,
      current.parent,
      current.parentSub,
      current.content.splice(at),
    );
    current.length = at;
    parts.push(current);
    current = right;
  }
  parts.push(current);
  return parts;
}

/** Pieces of runs (consecutive structs of one client), each piece about `chunkBytes` at most. */
function groupIntoPieces(structs: Struct[], chunkBytes: number): Struct[][][] {
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

/** A Yjs update (v1) holding exactly these runs and no deletions. */
function encodeStructs(runs: Struct[][]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const run of runs) {
    const first = run[0]!;
    encoding.writeVarUint(encoder.restEncoder, run.length);
    encoder.writeClient(first.id.client);
    encoding.writeVarUint(encoder.restEncoder, first.id.clock);
    for (const struct of run) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0); // empty delete set
  return encoder.toUint8Array();
}
