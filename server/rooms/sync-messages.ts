/**
 * Codec for the y-websocket wire protocol, spoken unmodified so the stock `WebsocketProvider` works.
 *
 * Every WebSocket frame is one binary message: `[messageType: varUint, ...payload]`.
 *
 *   0 sync            `[0, syncType: varUint, payload: varUint8Array]`
 *                       syncType 0 step 1: payload is the sender's state vector; answer with step 2
 *                       syncType 1 step 2: payload is a Yjs update (what the receiver lacked)
 *                       syncType 2 update: payload is a Yjs update (a live edit)
 *   1 awareness       `[1, update: varUint8Array]`, update = `[count, (clientId, clock, stateJson)*]`
 *   2 auth            server → client only (`y-protocols/auth`); a client sending it is refused
 *   3 query-awareness `[3]`; answer with the awareness states of everyone in the room
 *
 * Server and client both open with step 1; each answers the other's with step 2. The client counts
 * itself synced once it receives step 2, so the server may only answer after it loaded the document.
 *
 * Decoding here is strict, because these bytes are untrusted: a message must be complete, carry no
 * trailing bytes, and its Yjs update, state vector or awareness update must decode. A message that
 * fails is refused with a named close code and never reaches the document or storage.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes';
import {
  encodeRoleRaised,
  encodeWriteRefusal,
  type RoleRaised,
  type WriteRefusal,
} from '../../shared/protocol/write-refusal';
import { type ScannedUpdate, scanUpdate } from './update-byte-slices';

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

/** A Yjs update as received, with what decoding it found (rules and the novelty check read them; nothing decodes twice). */
export interface DecodedUpdate {
  bytes: Uint8Array;
  /**
   * Read by the room's rules, then emptied (`releaseStructs`): for a large backlog they are a second
   * copy of its content in the heap, and applying the update decodes it anew into the document.
   */
  structs: readonly (Y.Item | Y.GC | Y.Skip)[];
  /** Per client, the clock just past its last struct (as `Y.parseUpdateMeta`'s `to`). */
  ends: ReadonlyMap<number, number>;
  deletes: ReturnType<typeof Y.decodeUpdate>['ds'];
  /** No structs and no deletions, so there is nothing to store (a fresh client's step 2). */
  empty: boolean;
  /** The whole message as received, when `bytes` is a view of it (a large one): relayed as it is. */
  frame: Uint8Array | null;
  /**
   * Set for an update larger than the room's slice size (when the room slices at the byte level):
   * scanned, not decoded (`structs` is empty), and decoded one slice at a time by the room.
   */
  scanned: ScannedUpdate | null;
}

/**
 * The update as a sync `update` message to relay. A large one reuses the frame it came in (a step 2
 * gets the update's sync type in place: the frame is this message's own, `ws` gives each large
 * message its own buffer), so the backlog is not copied once more; a small one is encoded anew.
 */
export function updateMessage(update: DecodedUpdate): Uint8Array {
  if (!update.frame) return encodeSyncUpdate(update.bytes);
  update.frame[1] = SyncType.Update;
  return update.frame;
}

/**
 * Lets a scanned update's bytes go once all its slices are stored: they are read back from storage
 * one at a time to be applied, so the message and the document it grows are never held together.
 */
export function releaseBytes(update: DecodedUpdate): void {
  update.bytes = new Uint8Array(0);
  update.frame = null;
}

/** Drops the decoded structs once the rules have read them; only `bytes`, `ends` and `deletes` are used after. */
export function releaseStructs(update: DecodedUpdate): void {
  update.structs = [];
}

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: DecodedUpdate }
  | { type: 'sync-update'; update: DecodedUpdate }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

export type MessageRefusalCode = typeof CloseCode.MessageTooLarge | typeof CloseCode.InvalidMessage;

export type DecodeResult =
  | { ok: true; message: ClientMessage }
  | { ok: false; closeCode: MessageRefusalCode; detail: string };

const invalid = (detail: string): DecodeResult => ({ ok: false, closeCode: CloseCode.InvalidMessage, detail });

/**
 * `sliceBytes`: an update larger than this is scanned and cut into slices of about this size
 * (update-byte-slices.ts) instead of being decoded whole; unset, every update is decoded whole.
 */
export function decodeClientMessage(
  bytes: Uint8Array,
  maxMessageBytes: number,
  sliceBytes = Number.POSITIVE_INFINITY,
): DecodeResult {
  if (bytes.byteLength > maxMessageBytes) {
    return {
      ok: false,
      closeCode: CloseCode.MessageTooLarge,
      detail: `message of ${bytes.byteLength} bytes exceeds the limit of ${maxMessageBytes}`,
    };
  }
  if (bytes.byteLength === 0) return invalid('empty message');
  try {
    return decodeFramed(decoding.createDecoder(bytes), bytes, sliceBytes);
  } catch (error) {
    // lib0 throws on truncated input; Yjs throws on updates it cannot parse.
    return invalid(`undecodable message: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function decodeFramed(decoder: decoding.Decoder, frame: Uint8Array, sliceBytes: number): DecodeResult {
  const messageType = decoding.readVarUint(decoder);
  switch (messageType) {
    case MessageType.Sync: {
      const syncType = decoding.readVarUint(decoder);
      const payload = readPayload(decoder);
      if (syncType === SyncType.Step1) {
        Y.decodeStateVector(payload);
        return { ok: true, message: { type: 'sync-step1', stateVector: payload } };
      }
      if (syncType === SyncType.Step2 || syncType === SyncType.Update) {
        const type = syncType === SyncType.Step2 ? 'sync-step2' : 'sync-update';
        if (payload.byteLength > sliceBytes)
          return { ok: true, message: { type, update: scannedUpdate(payload, sliceBytes) } };
        const { structs, ds } = Y.decodeUpdate(payload);
        const malformed = malformedUpdate(structs, ds);
        if (malformed) return invalid(malformed);
        const empty = structs.length === 0 && ds.clients.size === 0;
        const kept = payload.buffer === frame.buffer; // a view, not a copy (readPayload)
        const update = {
          bytes: payload,
          structs,
          ends: ends(structs),
          deletes: ds,
          empty,
          frame: kept ? frame : null,
          scanned: null,
        };
        return { ok: true, message: { type, update } };
      }
      return invalid(`unknown sync message type ${syncType}`);
    }
    case MessageType.Awareness: {
      const update = readPayload(decoder);
      validateAwarenessUpdate(update);
      return { ok: true, message: { type: 'awareness', update } };
    }
    case MessageType.QueryAwareness:
      assertFullyRead(decoder);
      return { ok: true, message: { type: 'query-awareness' } };
    default:
      return invalid(`unsupported message type ${messageType}`);
  }
}

/** A large update, scanned: its structs are decoded slice by slice later, never all at once. */
function scannedUpdate(payload: Uint8Array, sliceBytes: number): DecodedUpdate {
  const scanned = scanUpdate(payload, sliceBytes);
  const empty = scanned.slices.length === 0 && scanned.deletionsStart === null;
  return { bytes: payload, structs: [], ends: scanned.ends, deletes: scanned.deletes, empty, frame: null, scanned };
}

/** What Yjs decodes but throws on when applying (after the update was stored), or null. */
export function malformedUpdate(
  structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  deletes: ReturnType<typeof Y.decodeUpdate>['ds'],
): string | null {
  const malformed = structs.map(malformedStruct).find((problem) => problem !== null);
  if (malformed) return malformed;
  for (const ranges of deletes.clients.values()) {
    if (ranges.some((range) => range.len < 1)) return 'a deletion range of length 0';
  }
  return null;
}

/**
 * What Yjs would trip over when applying a decoded struct (it checks none of this): an empty
 * struct, or a reference to its own client's item at or after itself (an item can only point to
 * items that existed when it was created, and its own client created those before it).
 */
function malformedStruct(struct: Y.Item | Y.GC | Y.Skip): string | null {
  if (struct.length < 1) return 'a struct of length 0';
  if (!(struct instanceof Y.Item)) return null;
  const { client, clock } = struct.id;
  const parent = struct.parent instanceof Y.ID ? struct.parent : null;
  for (const reference of [struct.origin, struct.rightOrigin, parent]) {
    if (reference && reference.client === client && reference.clock >= clock)
      return 'an item pointing forward in its own history';
  }
  return null;
}

function ends(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): Map<number, number> {
  const result = new Map<number, number>();
  for (const { id, length } of structs) {
    result.set(id.client, Math.max(result.get(id.client) ?? 0, id.clock + length));
  }
  return result;
}

/**
 * The message's single varUint8Array, and nothing after it. A small one is copied, so it does not
 * pin the socket's larger read buffer; a large one (most of its buffer: `ws` gave the frame its own)
 * is kept as a view, so a 200 MB backlog is not held twice.
 */
export function readPayload(decoder: decoding.Decoder): Uint8Array {
  const view = decoding.readVarUint8Array(decoder);
  assertFullyRead(decoder);
  return view.byteLength * 2 >= view.buffer.byteLength ? view : view.slice();
}

function assertFullyRead(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the message');
}

/** Mirrors `applyAwarenessUpdate`'s reading, so applying a validated update cannot throw. */
function validateAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let index = 0; index < count; index += 1) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    JSON.parse(decoding.readVarString(decoder));
  }
  assertFullyRead(decoder);
}

function encodeSync(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync((encoder) => syncProtocol.writeSyncStep1(encoder, doc));
}

/** Step 2 answering a peer's step 1: everything in `doc` the peer's state vector lacks. */
export function encodeSyncStep2(doc: Y.Doc, peerStateVector: Uint8Array): Uint8Array {
  return encodeSync((encoder) => syncProtocol.writeSyncStep2(encoder, doc, peerStateVector));
}

/** Step 2 carrying an update computed elsewhere (see sync-chunks.ts). */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  return encodeSyncCarrying(SyncType.Step2, update);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSyncCarrying(SyncType.Update, update);
}

/**
 * `[0, syncType, update: varUint8Array]` in one allocation of its exact size: lib0's encoder would
 * copy a large update twice (into a grown buffer, then into the result).
 */
function encodeSyncCarrying(syncType: number, update: Uint8Array): Uint8Array {
  const header = encoding.createEncoder();
  encoding.writeVarUint(header, MessageType.Sync);
  encoding.writeVarUint(header, syncType);
  encoding.writeVarUint(header, update.byteLength);
  const head = encoding.toUint8Array(header);
  const message = new Uint8Array(head.byteLength + update.byteLength);
  message.set(head);
  message.set(update, head.byteLength);
  return message;
}

export function encodeAwarenessMessage(awareness: awarenessProtocol.Awareness, clientIds: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds));
  return encoding.toUint8Array(encoder);
}

/** y-protocols' auth "permission denied" message; its reason is a notice of shared/protocol/write-refusal.ts. */
function encodeAuthNotice(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export function encodeWriteRefusalMessage(refusal: WriteRefusal): Uint8Array {
  return encodeAuthNotice(encodeWriteRefusal(refusal));
}

export function encodeRoleRaisedMessage(notice: RoleRaised): Uint8Array {
  return encodeAuthNotice(encodeRoleRaised(notice));
}
