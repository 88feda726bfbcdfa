/**
 * A large Yjs update (v1) cut into slices without decoding it into structs: v1 writes each struct
 * with its full IDs, so a run of one client's structs is a byte range that only needs a header of
 * its own (the client and the clock of its first struct) to stand as an update. The scanner reads
 * each struct only far enough to know its length (Yjs does not export its own struct reader), so a
 * 200 MB backlog is never held beside its decoded structs; each slice is decoded alone, later.
 *
 * The bytes are untrusted: anything Yjs would not read the same way, or would trip over, throws.
 */
import { isUtf8 } from 'node:buffer';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeStructs, splitLargeText } from '../../shared/sync/update-structs';
import { groupIntoPieces } from './sync-chunks';

/** Consecutive structs of one client: their bytes in the update, after their group's header. */
export interface ByteRun {
  client: number;
  /** The clock of the run's first struct. */
  clock: number;
  structs: number;
  start: number;
  end: number;
}

/** Runs written together as one update; their bytes add up to about the slice size (one struct may exceed it). */
export type ByteSlice = readonly ByteRun[];

export interface ScannedUpdate {
  /** The structs, in the update's order, in slices; only offsets, so they do not pin the update's bytes. */
  slices: ByteSlice[];
  /** Where the delete set starts (it runs to the end), when it deletes anything. */
  deletionsStart: number | null;
  /** Per client, the clock just past its last struct (as `Y.parseUpdateMeta`'s `to`). */
  ends: Map<number, number>;
  deletes: ReturnType<typeof Y.decodeUpdate>['ds'];
}

// Bits of a struct's info byte (Yjs: `binary.BITS5`, `BIT6`, `BIT7`, `BIT8`).
const CONTENT_REF = 0b0001_1111;
const HAS_PARENT_SUB = 0b0010_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const HAS_ORIGIN = 0b1000_0000;
const SKIP_INFO = 10;
/** `ContentType`'s type refs that carry a name (`YXmlElement`, `YXmlHook`); refs above 6 do not exist. */
const NAMED_TYPE_REFS = new Set([3, 5]);
const MAX_TYPE_REF = 6;
/** An update with no structs and no deletions. */
const NO_DELETIONS = new Uint8Array([0, 0]);

/**
 * Reads the whole update: its structs' boundaries, in slices of about `sliceBytes`, and its delete
 * set. Throws on truncated or trailing bytes, unknown content, and what Yjs would refuse only when
 * applying (an empty struct, a deletion of length 0).
 */
export function scanUpdate(update: Uint8Array, sliceBytes: number): ScannedUpdate {
  const decoder = decoding.createDecoder(update);
  const slices: ByteRun[][] = [];
  const ends = new Map<number, number>();
  const groupedClients = new Set<number>();
  let slice: ByteRun[] = [];
  let sliceSize = 0;
  const groups = decoding.readVarUint(decoder);
  for (let group = 0; group < groups; group += 1) {
    const count = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    // Yjs writes each client once; applying an update that names one twice, it keeps only the last
    // group, which slices applied one by one would not do.
    if (groupedClients.has(client)) throw new Error(`client ${client} in two groups`);
    groupedClients.add(client);
    let clock = decoding.readVarUint(decoder);
    let run: ByteRun | null = null;
    for (let index = 0; index < count; index += 1) {
      const start = decoder.pos;
      const length = readStruct(decoder, update.byteLength);
      const size = decoder.pos - start;
      if (sliceSize > 0 && sliceSize + size > sliceBytes) {
        slices.push(slice);
        slice = [];
        sliceSize = 0;
        run = null;
      }
      if (!run) {
        run = { client, clock, structs: 0, start, end: start };
        slice.push(run);
      }
      run.structs += 1;
      run.end = decoder.pos;
      sliceSize += size;
      clock += length;
      if (clock > Number.MAX_SAFE_INTEGER) throw new Error('a clock beyond the safe integers');
    }
    if (count > 0) ends.set(client, Math.max(ends.get(client) ?? 0, clock));
  }
  if (slice.length > 0) slices.push(slice);
  const start = decoder.pos;
  const deletionsStart = readDeletes(decoder, update.byteLength) ? start : null;
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the update');
  // Decoded by Yjs from the delete set alone (small beside the structs), as the novelty check reads it.
  const deletionSlice = deletionsStart === null ? NO_DELETIONS : encodeDeletionSlice(update, deletionsStart);
  return { slices, deletionsStart, ends, deletes: Y.decodeUpdate(deletionSlice).ds };
}

/** One struct, read as Yjs reads it (`readStructs`, `readItemContent`); its length in clock units. */
function readStruct(decoder: decoding.Decoder, end: number): number {
  if (decoder.pos >= end) throw new Error('unexpected end of the update');
  const info = decoding.readUint8(decoder);
  let length: number;
  if (info === SKIP_INFO) length = decoding.readVarUint(decoder);
  else if ((info & CONTENT_REF) === 0)
    length = decoding.readVarUint(decoder); // GC
  else {
    if (info & HAS_ORIGIN) readId(decoder);
    if (info & HAS_RIGHT_ORIGIN) readId(decoder);
    if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
      if (decoding.readVarUint(decoder) === 1) skipString(decoder);
      else readId(decoder);
      if (info & HAS_PARENT_SUB) skipString(decoder);
    }
    length = readContent(decoder, info & CONTENT_REF);
  }
  // Reads past the end may return garbage rather than throw (lib0 reads views of the whole buffer).
  if (decoder.pos > end) throw new Error('unexpected end of the update');
  if (length < 1) throw new Error('a struct of length 0');
  return length;
}

function readId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

/**
 * An item's content, skipped without making strings or objects of it (for a backlog of photos, its
 * size in garbage): the slice is decoded for real when it is checked. Its length as Yjs counts it.
 */
function readContent(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // ContentDeleted
      return decoding.readVarUint(decoder);
    case 2: {
      // ContentJSON: its values as strings (parsed when the slice is decoded)
      const count = decoding.readVarUint(decoder);
      for (let index = 0; index < count; index += 1) skipString(decoder);
      return count;
    }
    case 3: // ContentBinary
      skipString(decoder);
      return 1;
    case 4: // ContentString: its length in UTF-16 units, as Yjs decodes it
      return utf16Length(readBytes(decoder));
    case 5: // ContentEmbed
      skipString(decoder);
      return 1;
    case 6: // ContentFormat: key, value
      skipString(decoder);
      skipString(decoder);
      return 1;
    case 7: {
      // ContentType
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef > MAX_TYPE_REF) throw new Error(`unknown type ref ${typeRef}`);
      if (NAMED_TYPE_REFS.has(typeRef)) skipString(decoder);
      return 1;
    }
    case 8: {
      // ContentAny
      const count = decoding.readVarUint(decoder);
      for (let index = 0; index < count; index += 1) skipAny(decoder);
      return count;
    }
    case 9: // ContentDoc: guid, options
      skipString(decoder);
      skipAny(decoder);
      return 1;
    default:
      throw new Error(`unknown content ref ${ref}`);
  }
}

/** A varUint8Array (or a string's UTF-8 bytes) as a view; throws past the end. */
function readBytes(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (decoder.pos + length > decoder.arr.length) throw new Error('unexpected end of the update');
  const view = decoder.arr.subarray(decoder.pos, decoder.pos + length);
  decoder.pos += length;
  return view;
}

function skipString(decoder: decoding.Decoder): void {
  readBytes(decoder);
}

/** Skips a value as lib0's `readAny` reads it (its type byte, 127 down to 116). */
function skipAny(decoder: decoding.Decoder): void {
  if (decoder.pos >= decoder.arr.length) throw new Error('unexpected end of the update');
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125: // integer
      decoding.readVarInt(decoder);
      return;
    case 124: // float32
      skipFixed(decoder, 4);
      return;
    case 123: // float64
    case 122: // bigint64
      skipFixed(decoder, 8);
      return;
    case 119: // string
    case 116: // Uint8Array
      skipString(decoder);
      return;
    case 118: {
      // object: key, value pairs
      const count = decoding.readVarUint(decoder);
      for (let index = 0; index < count; index += 1) {
        skipString(decoder);
        skipAny(decoder);
      }
      return;
    }
    case 117: {
      // array
      const count = decoding.readVarUint(decoder);
      for (let index = 0; index < count; index += 1) skipAny(decoder);
      return;
    }
    default:
      throw new Error(`unknown value type ${type}`);
  }
}

function skipFixed(decoder: decoding.Decoder, bytes: number): void {
  if (decoder.pos + bytes > decoder.arr.length) throw new Error('unexpected end of the update');
  decoder.pos += bytes;
}

/**
 * The length in UTF-16 units of the string these UTF-8 bytes decode to, without decoding them: one
 * unit per character, two for one of four bytes. Yjs decodes strictly (lib0's `TextDecoder` is
 * fatal and keeps a BOM), so bytes that are not UTF-8 are refused here too.
 */
export function utf16Length(bytes: Uint8Array): number {
  if (!isUtf8(bytes)) throw new Error('a text that is not UTF-8');
  let length = 0;
  for (const byte of bytes) {
    if ((byte & 0xc0) !== 0x80) length += byte >= 0xf0 ? 2 : 1;
  }
  return length;
}

/** Reads the delete set as Yjs reads it (v1), refusing an empty range; whether it deletes anything. */
function readDeletes(decoder: decoding.Decoder, end: number): boolean {
  let any = false;
  const clients = decoding.readVarUint(decoder);
  for (let index = 0; index < clients; index += 1) {
    decoding.readVarUint(decoder); // client
    const count = decoding.readVarUint(decoder);
    for (let range = 0; range < count; range += 1) {
      decoding.readVarUint(decoder); // clock
      if (decoding.readVarUint(decoder) < 1) throw new Error('a deletion range of length 0');
    }
    if (decoder.pos > end) throw new Error('unexpected end of the update');
    any ||= count > 0;
  }
  return any;
}

/** One slice as an update of its own (its runs, no deletions), in one allocation of its exact size. */
export function encodeByteSlice(update: Uint8Array, slice: ByteSlice): Uint8Array {
  const header = encoding.createEncoder();
  encoding.writeVarUint(header, slice.length);
  const heads = slice.map((run) => {
    const head = encoding.createEncoder();
    encoding.writeVarUint(head, run.structs);
    encoding.writeVarUint(head, run.client);
    encoding.writeVarUint(head, run.clock);
    return encoding.toUint8Array(head);
  });
  const first = encoding.toUint8Array(header);
  const size = heads.reduce((sum, head, index) => {
    const run = slice[index] as ByteRun;
    return sum + head.byteLength + run.end - run.start;
  }, first.byteLength + 1);
  const bytes = new Uint8Array(size);
  bytes.set(first);
  let at = first.byteLength;
  for (const [index, head] of heads.entries()) {
    const run = slice[index] as ByteRun;
    bytes.set(head, at);
    at += head.byteLength;
    bytes.set(update.subarray(run.start, run.end), at);
    at += run.end - run.start;
  }
  bytes[at] = 0; // an empty delete set
  return bytes;
}

/** The update's deletions alone: no structs, then its delete set as it came. */
export function encodeDeletionSlice(update: Uint8Array, deletionsStart: number): Uint8Array {
  const bytes = new Uint8Array(1 + update.byteLength - deletionsStart);
  bytes[0] = 0; // no structs
  bytes.set(update.subarray(deletionsStart), 1);
  return bytes;
}

/**
 * Every slice as an update, in order: the structs' slices, then the deletions. A text struct larger
 * than a slice (a pasted chapter) is decoded alone and cut into texts of about the slice size, as
 * Yjs cuts an item; any other struct larger than a slice (a photo's data URL) stays whole.
 */
export function* byteSliceUpdates(
  update: Uint8Array,
  scanned: ScannedUpdate,
  sliceBytes: number,
): Generator<Uint8Array> {
  for (const slice of scanned.slices) {
    const bytes = encodeByteSlice(update, slice);
    const [run] = slice;
    if (slice.length === 1 && run?.structs === 1 && run.end - run.start > sliceBytes) {
      yield* cutLongText(bytes, sliceBytes);
    } else {
      yield bytes;
    }
  }
  if (scanned.deletionsStart !== null) yield encodeDeletionSlice(update, scanned.deletionsStart);
}

/** A long text's slice cut in texts that fit; any other (or one Yjs cannot decode: the check refuses it) as it is. */
function* cutLongText(bytes: Uint8Array, sliceBytes: number): Generator<Uint8Array> {
  let struct: Y.Item | Y.GC | Y.Skip | undefined;
  try {
    [struct] = Y.decodeUpdate(bytes).structs;
  } catch {
    struct = undefined;
  }
  if (!struct || !(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) {
    yield bytes;
    return;
  }
  for (const runs of groupIntoPieces(splitLargeText(struct, sliceBytes), sliceBytes)) yield encodeStructs(runs);
}
