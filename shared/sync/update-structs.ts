/**
 * Cutting a Yjs update into smaller ones: the structs (items) an update holds, their size, a text
 * item cut where it is too long, and structs written back as an update of their own. Used by the
 * server to answer a large initial sync in pieces and by the editor to send a large backlog in parts.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export type Struct = Y.Item | Y.GC | Y.Skip;

/** About how many bytes a struct takes in an update. */
export function estimatedBytes(struct: Struct): number {
  const overhead = 32;
  if (!(struct instanceof Y.Item)) return overhead;
  const content = struct.content;
  if (content instanceof Y.ContentString) return utf8Length(content.str) + overhead;
  if (content instanceof Y.ContentBinary) return content.content.byteLength + overhead;
  if (content instanceof Y.ContentDeleted || content instanceof Y.ContentType) return overhead;
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    // A photo is a data URL in an attribute: measured as it is, not stringified (a copy of it).
    return content.getContent().reduce((sum: number, value) => sum + valueBytes(value), overhead);
  }
  return valueBytes(content.getContent()) + overhead;
}

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return utf8Length(value) + 5; // a type byte and the length
  try {
    return JSON.stringify(value)?.length ?? 1;
  } catch {
    return 1024;
  }
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * UTF-8 length without encoding: `TextEncoder` would make a copy, and estimating a 200 MB backlog
 * piece by piece would then allocate 200 MB of garbage.
 */
function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // 2 bytes from U+0080, 3 from U+0800; a surrogate pair (two units) is 4.
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Cuts a text item larger than `maxBytes` into items that each fit (never inside a surrogate pair). */
export function splitLargeText(struct: Struct, maxBytes: number): Struct[] {
  if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return [struct];
  if (estimatedBytes(struct) <= maxBytes) return [struct];
  const maxChars = Math.max(2, Math.floor(maxBytes / 3) - 32); // UTF-8: at most 3 bytes per UTF-16 unit
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

/** Runs (consecutive structs of one client) out of structs in any order of clients. */
export function intoRuns(structs: readonly Struct[]): Struct[][] {
  const runs: Struct[][] = [];
  for (const struct of structs) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.id.client === struct.id.client && last.id.clock + last.length === struct.id.clock) {
      run.push(struct);
    } else {
      runs.push([struct]);
    }
  }
  return runs;
}

/** A Yjs update (v1) holding exactly these runs and no deletions. */
export function encodeStructs(runs: readonly Struct[][]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const run of runs) {
    const first = run[0] as Struct;
    encoding.writeVarUint(encoder.restEncoder, run.length);
    encoder.writeClient(first.id.client);
    encoding.writeVarUint(encoder.restEncoder, first.id.clock);
    for (const struct of run) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0); // empty delete set
  return encoder.toUint8Array();
}
