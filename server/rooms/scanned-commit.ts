/**
 * Committing a large update that was scanned, not decoded (update-byte-slices.ts), so that the
 * message and the document it grows are never held together:
 *
 *   1. every slice is decoded alone and checked (malformed structs, the room's rules), then let go:
 *      a refusal or a malformed slice stores nothing;
 *   2. every slice is stored (its own seq), then the message is let go;
 *   3. each slice is read back from storage, applied, relayed and announced as its own update.
 *
 * Peak: the message (while checking and storing) or the document (while applying), plus a slice.
 */
import * as Y from 'yjs';
import type { GarbageScope } from '../idle-collection';
import { COLLECT_BEFORE_APPLYING_BYTES } from './large-updates';
import { type DecodedUpdate, malformedUpdate, releaseBytes } from './sync-messages';
import { byteSliceUpdates, type ScannedUpdate } from './update-byte-slices';

/** Decoded slices checked between two full collections: garbage of at most this much at once. */
const CHECKED_BYTES_PER_FULL_COLLECTION = 32 * 1024 * 1024;

/** What the room does at each step, for one sender's update. */
export interface ScannedSliceSteps {
  /** The sender's role may write; else it is told and nothing is stored. */
  mayWrite(): boolean;
  /** The room's rules accept this slice; else the sender is told and nothing is stored. */
  check(slice: DecodedUpdate): boolean;
  /** A slice Yjs would trip over: the sender is closed (InvalidMessage) and nothing is stored. */
  malformed(detail: string): void;
  /** Stores a slice durably; its seq. */
  append(slice: Uint8Array): Promise<number>;
  /** Storing a slice failed: nothing is applied (the earlier slices stay stored, unseen, as after a crash). */
  storingFailed(error: unknown): void;
  /** A stored slice, or null when it is no longer in the log (another process compacted it). */
  readBack(seq: number): Promise<Uint8Array | null>;
  /** A slice could not be read back: the room catches up from storage (snapshot and log) instead. */
  missed(seq: number): void;
  /** Applies, relays and announces one stored slice; false when Yjs refused it. */
  apply(slice: DecodedUpdate, seq: number, place: SlicePlace): boolean;
  /**
   * Resolves once what was relayed has mostly left for the readers: else a mentor who reads slower
   * than the room applies would have the whole update queued for it (its size again) while the
   * document grows.
   */
  relayed(): Promise<void>;
  settle(allApplied: boolean): void;
  collectGarbage(scope?: GarbageScope): void;
}

/** Which slice of its update one is: the first starts a relay burst, the last ends the update. */
export interface SlicePlace {
  first: boolean;
  last: boolean;
}

export async function storeAndApplyScanned(
  steps: ScannedSliceSteps,
  update: DecodedUpdate,
  scanned: ScannedUpdate,
  sliceBytes: number,
): Promise<void> {
  if (!steps.mayWrite()) return;
  let checkedSinceCollection = 0;
  for (const bytes of byteSliceUpdates(update.bytes, scanned, sliceBytes)) {
    const slice = decodeSlice(bytes);
    if (typeof slice === 'string') {
      steps.malformed(slice);
      return;
    }
    if (!steps.check(slice)) return;
    // Its structs are garbage now; V8 would let a backlog's worth pile up. A photo's string is too
    // large for the young generation, so a full collection now and then.
    checkedSinceCollection += bytes.byteLength;
    const full = checkedSinceCollection >= CHECKED_BYTES_PER_FULL_COLLECTION;
    if (full) checkedSinceCollection = 0;
    steps.collectGarbage(full ? 'full' : 'young');
  }
  const seqs: number[] = [];
  try {
    for (const bytes of byteSliceUpdates(update.bytes, scanned, sliceBytes)) {
      seqs.push(await steps.append(bytes));
      steps.collectGarbage('young');
    }
  } catch (error) {
    steps.storingFailed(error);
    return;
  }
  const { byteLength } = update.bytes;
  releaseBytes(update);
  // The message goes before the document grows by its size.
  if (byteLength >= COLLECT_BEFORE_APPLYING_BYTES) steps.collectGarbage();
  let allApplied = true;
  for (const [index, seq] of seqs.entries()) {
    const bytes = await steps.readBack(seq);
    if (!bytes) {
      steps.missed(seq);
      break;
    }
    const place = { first: index === 0, last: index === seqs.length - 1 };
    allApplied = steps.apply(storedSlice(bytes), seq, place) && allApplied;
    steps.collectGarbage('young');
    await steps.relayed();
  }
  steps.settle(allApplied);
}

/** A slice decoded for the rules, or what is wrong with it. */
function decodeSlice(bytes: Uint8Array): DecodedUpdate | string {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(bytes);
  } catch (error) {
    return `undecodable update: ${error instanceof Error ? error.message : String(error)}`;
  }
  const malformed = malformedUpdate(decoded.structs, decoded.ds);
  if (malformed) return malformed;
  return { ...storedSlice(bytes), structs: decoded.structs, deletes: decoded.ds };
}

const NO_DELETES = Y.decodeUpdate(new Uint8Array([0, 0])).ds;

/** A slice read back to be applied: its bytes are all that applying, relaying and announcing read. */
function storedSlice(bytes: Uint8Array): DecodedUpdate {
  return { bytes, structs: [], ends: new Map(), deletes: NO_DELETES, empty: false, frame: null, scanned: null };
}
