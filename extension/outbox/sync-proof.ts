/**
 * The server's proof that it holds a clip, read from the standard y-websocket sync protocol (the
 * provider-specific side is ./y-websocket-draft.ts).
 *
 * The protocol has no acknowledgement, and "the socket's send buffer is empty" only means the OS
 * took the bytes. But every sync message the server sends proves which of our updates it holds:
 *   - sync step 1 carries the server's state vector (the stock server sends it on connect);
 *   - sync step 2 and update messages carry structs, and the server can only send structs it has.
 * So after appending a clip we send a *probe*: a sync step 1 whose state vector is ours except
 * that, for the client that wrote the clip, it claims one clock less than we have. The server
 * answers with sync step 2 holding what it has beyond that clock. If the answer reaches our
 * clock, the server has the clip; if the server dropped or refused the update, it does not.
 * Yjs integrates a client's structs in clock order, so "has clock n" means "has everything
 * before n" of that client too.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLIP_NODE_NAME } from '../../shared/model/clip-node';
import { draftFragment } from '../../shared/model/draft-doc';

/** y-websocket's message type for sync messages (`messageSync` in y-websocket). */
const MESSAGE_SYNC = 0;

/** client id → clock: "the server has this client's structs up to (not including) clock". */
export type Clocks = Map<number, number>;

/** The clocks one server → client message proves the server holds; null if it proves nothing. */
export function clocksProvenBy(message: Uint8Array): Clocks | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
    const kind = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (kind === messageYjsSyncStep1) return Y.decodeStateVector(payload);
    if (kind === messageYjsSyncStep2 || kind === messageYjsUpdate) return Y.parseUpdateMeta(payload).to;
    return null;
  } catch {
    // Not ours to judge: the provider handles (and reports) malformed messages.
    return null;
  }
}

export function mergeClocks(into: Clocks, from: Clocks): void {
  for (const [client, clock] of from) into.set(client, Math.max(into.get(client) ?? 0, clock));
}

export function clocksCover(known: Clocks, needed: Clocks): boolean {
  for (const [client, clock] of needed) if ((known.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * What the server must hold for a clip to be safe: everything its writer has written here (the
 * background's doc only ever writes clips, so this is barely more than the clip). If the clip is
 * no longer in the draft (someone deleted it after it arrived), the server must hold everything we
 * hold, deletion included. An empty map means nothing to wait for.
 */
export function clocksNeededFor(doc: Y.Doc, clipId: string): Clocks {
  const element = findClipElement(doc, clipId);
  const writer = element?._item?.id.client;
  if (writer === undefined) return Y.decodeStateVector(Y.encodeStateVector(doc));
  return new Map([[writer, Y.getState(doc.store, writer)]]);
}

function findClipElement(doc: Y.Doc, clipId: string): Y.XmlElement | null {
  const walk = (type: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null => {
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === CLIP_NODE_NAME && child.getAttribute('clipId') === clipId) return child;
      const found = walk(child);
      if (found) return found;
    }
    return null;
  };
  return walk(draftFragment(doc));
}

/** A sync step 1 asking the server to send back what it has from just before `needed`. */
export function probeMessage(doc: Y.Doc, needed: Clocks): Uint8Array {
  const claimed = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of needed) {
    if (clock > 0) claimed.set(client, Math.min(claimed.get(client) ?? 0, clock - 1));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(claimed));
  return encoding.toUint8Array(encoder);
}
